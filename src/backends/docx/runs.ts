// Inlines → WordprocessingML runs, with every font slot set to the role's font and East-Asian hints
// (DESIGN §3).
import type { Line } from '../../doc/tree.js';
import type { Tightened } from '../../compose/plan.js';
import type { FontRole } from '../../style/gbt9704.js';
import { ROLE_STYLES } from './role-styles.js';
import { halfPt, twip } from './units.js';
import { CONTROL_RE, esc } from '../xml-escape.js';

export interface RunOptions {
  role: FontRole;
  size: number;
  bold?: boolean;
  color?: string;
  /** Character spacing in points (the 28-per-line squeeze for 3号 text). */
  spacing?: number;
  /** Horizontal scale in percent (long 发文机关标志). */
  scale?: number;
}

/** The run properties of `o`, with or without the East-Asian hint. */
function rPr(o: RunOptions, hint: boolean): string {
  const sz = halfPt(o.size);
  // The role's fonts come from its character style; the run adds the hint.
  let x = `<w:rStyle w:val="${ROLE_STYLES[o.role].id}"/>${hint ? '<w:rFonts w:hint="eastAsia"/>' : ''}`;
  if (o.bold) x += '<w:b/><w:bCs/>';
  if (o.color) x += `<w:color w:val="${o.color}"/>`;
  if (o.spacing) x += `<w:spacing w:val="${twip(o.spacing)}"/>`;
  if (o.scale && o.scale !== 100) x += `<w:w w:val="${o.scale}"/>`;
  return `<w:rPr>${x}<w:sz w:val="${sz}"/><w:szCs w:val="${sz}"/></w:rPr>`;
}

/**
 * Collects runs and merges neighbours with the same properties: data fields and template text
 * arrive as separate inlines, but one run per stretch of identical formatting is what Word itself
 * writes, and keeps the document small and pleasant to edit.
 */
class RunWriter {
  private out = '';
  private props = '';
  private text = '';
  add(props: string, text: string): void {
    if (!text) return;
    if (props !== this.props) this.flush();
    this.props = props;
    this.text += text;
  }
  /** An element that is a run of its own (a line break). */
  raw(xml: string): void {
    this.flush();
    this.out += xml;
  }
  private flush(): void {
    if (this.text) {
      // Tabs become tab elements; the text between them stays literal.
      const content = this.text
        .split('\t')
        .map((t) => (t ? `<w:t xml:space="preserve">${esc(t)}</w:t>` : ''))
        .join('<w:tab/>');
      this.out += `<w:r>${this.props}${content}</w:r>`;
    }
    this.props = '';
    this.text = '';
  }
  toString(): string {
    this.flush();
    return this.out;
  }
}

/**
 * Runs for `text`: ASCII stretches (digits, Latin) get no East-Asian hint, so renderers keep
 * 2014 or 1.5 whole at a line break; everything else is hinted so “ ” — … take the Chinese font.
 */
function addText(w: RunWriter, text: string, o: RunOptions): void {
  for (const m of text.replace(CONTROL_RE, '').matchAll(/[\x20-\x7E]+|[^\x20-\x7E]+/g)) w.add(rPr(o, !/^[\x20-\x7E]/.test(m[0])), m[0]);
}

/** One run, for fixed texts such as the tab before the 印发 date. */
export function textRun(text: string, o: RunOptions): string {
  const w = new RunWriter();
  w.add(rPr(o, true), text.replace(CONTROL_RE, ''));
  return w.toString();
}

/**
 * A line of inlines as runs; italic text is set in 楷体, as 公文 has no italics. No invisible
 * characters: lines break where Word, WPS, LibreOffice and our layout all break them (Latin words
 * and numbers whole, Chinese between characters under the 禁则), so the text is found and pasted
 * as typed.
 */
export function lineRuns(line: Line | undefined, o: RunOptions, tight: readonly Tightened[] = []): string {
  if (!line) return '';
  const w = new RunWriter();
  // Characters counted as the layout's slots are (a break is one), to find its tightened stretches.
  let k = 0;
  for (const i of line) {
    if (i.type === 'break') {
      w.raw('<w:r><w:br/></w:r>');
      k++;
      continue;
    }
    const io = { ...o, bold: o.bold || i.bold, role: i.italic && o.role === 'body' ? 'heading2' : o.role };
    // Almost every paragraph has no tightened line: its text goes as it is.
    if (!tight.length) {
      addText(w, i.text, io);
      continue;
    }
    const chars = [...i.text.replace(CONTROL_RE, '')];
    for (const [from, to, by] of stretches(k, k + chars.length, tight)) addText(w, chars.slice(from - k, to - k).join(''), by ? { ...io, spacing: (io.spacing ?? 0) - by } : io);
    k += chars.length;
  }
  return w.toString();
}

/** [from, to) cut where a tightened stretch begins or ends, each with how much tighter (0: as set). */
function stretches(from: number, to: number, tight: readonly Tightened[]): [number, number, number][] {
  const out: [number, number, number][] = [];
  let at = from;
  for (const t of tight) {
    if (t.to <= at || t.from >= to) continue;
    if (t.from > at) out.push([at, t.from, 0]);
    const end = Math.min(t.to, to);
    out.push([Math.max(at, t.from), end, t.by]);
    at = end;
  }
  if (at < to) out.push([at, to, 0]);
  return out;
}
