// Text and attribute values for the XML the writers produce as text (WordprocessingML, OFD).

/** XML 1.0 cannot hold C0 controls: they are dropped (the data stage already warned). */
export const CONTROL_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g;

export function esc(s: string): string {
  return s.replace(CONTROL_RE, '').replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}
