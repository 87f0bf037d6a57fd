// Table column widths from content, shared by the DOCX and PDF backends so both tables look alike.
import { lineText, type TableNode } from './tree.js';
import { charCells } from './measure-chars.js';

/** Columns whose longest cell is at most this many characters are sized to fit it. */
const SHORT = 8;

/**
 * Fractions of the table width per column: short columns (序号, 责任领导, 完成时限) fit their
 * content on one line; long columns share the rest by their average length.
 */
export function columnWidths(t: TableNode, totalChars: number): number[] {
  const n = t.header.length || t.rows[0]?.length || 0;
  if (n === 0) return [];
  const stats = Array.from({ length: n }, (_, c) => {
    const lens = t.rows.map((r) => charCells(lineText(r[c]).split('\n').reduce((a, b) => (charCells(b) > charCells(a) ? b : a), '')));
    const head = Math.max(...lineText(t.header[c]).split('\n').map(charCells), 0);
    const max = Math.max(head, ...lens, 1);
    const avg = lens.length ? lens.reduce((a, b) => a + b, 0) / lens.length : head;
    return { head, max, avg };
  });
  const pad = 1;
  const fixed = stats.map((s) => (s.max <= SHORT ? s.max + pad : 0));
  const fixedSum = fixed.reduce((a, b) => a + b, 0);
  const longIdx = stats.map((_s, i) => i).filter((i) => fixed[i] === 0);
  let widths: number[];
  if (longIdx.length === 0 || fixedSum >= totalChars * 0.8) {
    const base = stats.map((s) => Math.max(s.head, Math.min(s.max, 20)) + pad);
    const sum = base.reduce((a, b) => a + b, 0);
    widths = base.map((b) => b / sum);
  } else {
    const rest = totalChars - fixedSum;
    const weights = longIdx.map((i) => Math.max(stats[i]!.avg, stats[i]!.head + pad, 4));
    const wsum = weights.reduce((a, b) => a + b, 0);
    const chars = [...fixed];
    longIdx.forEach((i, k) => (chars[i] = Math.max(stats[i]!.head + pad, (rest * weights[k]!) / wsum)));
    const sum = chars.reduce((a, b) => a + b, 0);
    widths = chars.map((c) => c / sum);
  }
  return widths;
}
