// Inlines → WordprocessingML runs, with every font slot set to the role's font and East-Asian hints
// (DESIGN §3).
import type { Line } from '../../doc/tree.js';
import { FONT_NAMES, type FontRole } from '../../style/gbt9704.js';
import { halfPt, twip } from './units.js';
import { CONTROL_RE, esc } from './xml.js';

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
  const f = FONT_NAMES[o.role];
  const sz = halfPt(o.size);
  let x = `<w:rFonts w:ascii="${f}" w:cs="${f}" w:eastAsia="${f}" w:hAnsi="${f}"${hint ? ' w:hint="eastAsia"' : ''}/>`;
  if (o.bold) x += '<w:b/><w:bCs/>';
  if (o.color) x += `<w:color w:val="${o.color}"/>`;
  if (o.spacing) x += `<w:spacing w:val="${twip(o.spacing)}"/>`;
  if (o.scale && o.scale !== 100) x += `<w:w w:val="${o.scale}"/>`;
  return `<w:rPr>${x}<w:sz w:val="${sz}"/><w:szCs w:val="${sz}"/></w:rPr>`;
}

/** One run of text; tabs become tab elements. */
function run(text: string, o: RunOptions, hint: boolean): string {
  const content = text
    .split('\t')
    .map((t) => (t ? `<w:t xml:space="preserve">${esc(t)}</w:t>` : ''))
    .join('<w:tab/>');
  return content ? `<w:r>${rPr(o, hint)}${content}</w:r>` : '';
}

/**
 * Runs for `text`: ASCII stretches (digits, Latin) get no East-Asian hint, so renderers keep
 * 2014 or 1.5 whole at a line break; everything else is hinted so “ ” — … take the Chinese font.
 */
export function textRuns(text: string, o: RunOptions): string {
  let out = '';
  for (const m of text.replace(CONTROL_RE, '').matchAll(/[\x20-\x7E]+|[^\x20-\x7E]+/g)) out += run(m[0], o, !/^[\x20-\x7E]/.test(m[0]));
  return out;
}

/** One run, for fixed texts such as the tab before the 印发 date. */
export function textRun(text: string, o: RunOptions): string {
  return run(text, o, true);
}

/** A line of inlines as runs; italic text is set in 楷体, as 公文 has no italics. */
export function lineRuns(line: Line | undefined, o: RunOptions): string {
  if (!line) return '';
  let out = '';
  for (const i of line) {
    out += i.type === 'break' ? '<w:r><w:br/></w:r>' : textRuns(i.text, { ...o, bold: o.bold || i.bold, role: i.italic && o.role === 'body' ? 'heading2' : o.role });
  }
  return out;
}
