// Table column widths from content, shared by the DOCX and PDF backends so both tables look alike.
// The automatic table layout of browsers: each column gets its narrowest sensible width, and the
// rest of the line is shared in proportion to how much more each column would like.
import { lineText, type Line, type TableNode } from './tree.js';
import { charCells } from './measure-chars.js';

/** Cell padding, in characters, on top of the text. */
const PAD = 1.2;
/** Names of up to this many characters (张三, 办公室) should not wrap. */
const KEEP = 3;

function longestLine(l: Line | undefined): number {
  return Math.max(0, ...lineText(l).split('\n').map(charCells));
}

/** Fractions of the table width per column; `totalChars` is the table width in characters of its font. */
export function columnWidths(t: TableNode, totalChars: number): number[] {
  const n = t.header.length || t.rows[0]?.length || 0;
  if (n === 0) return [];
  const min: number[] = [];
  const max: number[] = [];
  for (let c = 0; c < n; c++) {
    const head = longestLine(t.header[c]);
    const body = Math.max(0, ...t.rows.map((r) => longestLine(r[c])));
    // A header may wrap onto two lines; a short name may not.
    min.push(Math.max(Math.ceil(head / 2), Math.min(body, KEEP), 1) + PAD);
    max.push(Math.max(head, body, 1) + PAD);
  }
  const sumMin = min.reduce((a, b) => a + b, 0);
  const sumMax = max.reduce((a, b) => a + b, 0);
  let chars: number[];
  if (sumMax <= totalChars) {
    // Everything fits on one line: widen in proportion to content.
    chars = max.map((m) => (m * totalChars) / sumMax);
  } else if (sumMin >= totalChars) {
    chars = min.map((m) => (m * totalChars) / sumMin);
  } else {
    const slack = totalChars - sumMin;
    const want = max.map((m, i) => m - min[i]!);
    const sumWant = want.reduce((a, b) => a + b, 0) || 1;
    chars = min.map((m, i) => m + (slack * want[i]!) / sumWant);
  }
  const sum = chars.reduce((a, b) => a + b, 0);
  return chars.map((c) => c / sum);
}
