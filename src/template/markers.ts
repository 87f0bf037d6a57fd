// Private-use markers that carry provenance through Handlebars and Markdown:
// template line numbers at line ends, and data fields around every data text.

/** Template line marker: LINE_OPEN + line number + LINE_CLOSE, at the end of a template line. */
export const LINE_OPEN = '\uE000';
export const LINE_CLOSE = '\uE001';
/** Data field: FIELD_OPEN + field id + FIELD_SEP + text + FIELD_CLOSE. */
export const FIELD_OPEN = '\uE002';
export const FIELD_SEP = '\uE003';
export const FIELD_CLOSE = '\uE004';
/** A line break inside a data value. */
export const DATA_NEWLINE = '\uE005';

/** Every marker character, so data can never forge one. */
export const MARKER_RE = /[\uE000-\uE005]/g;

export function tagField(id: number, text: string): string {
  const clean = text.replace(MARKER_RE, '').replace(/\r\n?|\n/g, DATA_NEWLINE);
  return `${FIELD_OPEN}${id}${FIELD_SEP}${clean}${FIELD_CLOSE}`;
}

const FIELD_RE = /\uE002(\d+)\uE003([^\uE004]*)\uE004/g;

/** The text with field markers removed (for helpers that compare or count). */
export function untag(s: string): string {
  return s.replace(FIELD_RE, '$2').replace(/\uE005/g, '\n');
}

/** Calls `fn` for each tagged span; returns the text with spans replaced by fn's result. */
export function replaceFields(s: string, fn: (id: number, text: string) => string): string {
  return s.replace(FIELD_RE, (_m, id: string, text: string) => fn(Number(id), text));
}

const LINE_RE = /\uE000(\d+)\uE001/g;

/**
 * Strips line markers from rendered text; returns the clean text and, per output line (0-based),
 * the template line it came from (lines without a marker inherit the previous one).
 */
export function stripLineMarkers(s: string): { text: string; lineMap: number[] } {
  const lines = s.split('\n');
  const lineMap: number[] = [];
  let last = 1;
  const out = lines.map((line) => {
    let found: number | undefined;
    const clean = line.replace(LINE_RE, (_m, n: string) => {
      found ??= Number(n);
      return '';
    });
    if (found !== undefined) last = found;
    lineMap.push(last);
    return clean;
  });
  return { text: out.join('\n'), lineMap };
}

/**
 * Adds a line marker at the end of each template line that is not a standalone block tag
 * and not inside a mustache, so Handlebars' whitespace control is unchanged.
 */
export function addLineMarkers(template: string): string {
  const lines = template.split('\n');
  let inTag = false;
  let inComment = false;
  return lines
    .map((line, i) => {
      // Track whether the end of this line is inside {{ … }} or {{!-- … --}}.
      let j = 0;
      while (j < line.length) {
        if (inComment) {
          const end = line.indexOf('--}}', j);
          if (end < 0) break;
          inComment = false;
          j = end + 4;
        } else if (inTag) {
          const end = line.indexOf('}}', j);
          if (end < 0) break;
          inTag = false;
          j = end + 2;
        } else {
          const open = line.indexOf('{{', j);
          if (open < 0) break;
          if (line.startsWith('{{!--', open)) inComment = true;
          else inTag = true;
          j = open + 2;
        }
      }
      if (inTag || inComment) return line;
      const standalone = /^\s*(\{\{~?[#/^!>*]|\{\{~?else)[^]*\}\}\s*$/.test(line) && !/\}\}[^{]*\S[^}]*\{\{/.test(line) && countTags(line) === 1;
      const blank = line.trim() === '';
      if (standalone || blank) return line;
      const cr = line.endsWith('\r') ? '\r' : '';
      return line.slice(0, line.length - cr.length) + LINE_OPEN + (i + 1) + LINE_CLOSE + cr;
    })
    .join('\n');
}

function countTags(line: string): number {
  return (line.match(/\{\{/g) ?? []).length;
}
