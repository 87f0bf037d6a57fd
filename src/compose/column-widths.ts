// Table column widths from content, shared by the DOCX and PDF backends so both tables look alike.
// The automatic table layout of browsers: each column gets the width of the longest piece of its
// cells a reader wants on one line (a 四风 category, a date, a name, a number with its unit, the 序号:
// keep-whole.ts), so a cell of one such entry never wraps, and the rest of the line is shared in
// proportion to how much more each column would like.
import { columnKeeps, longestPiece, type Piece } from './keep-whole.js';
import { lineText, type Line, type TableNode } from '../doc/tree.js';
import { setCells } from './measure-chars.js';

/** Cell padding, in characters, on top of the text. */
const PAD = 1.2;

function longestLine(l: Line | undefined): number {
  return Math.max(0, ...lineText(l).split('\n').map(setCells));
}

/** The widest piece of a cell no line may break inside, in characters. */
function widestPiece(l: Line | undefined, keep: (text: string) => Piece[]): number {
  return Math.max(
    0,
    ...lineText(l)
      .split('\n')
      .map((t) => longestPiece(t, setCells, keep)),
  );
}

/** The pieces rule of each column of `t`: words and short items for columns of short entries. */
function tableKeeps(t: TableNode): ((text: string) => Piece[])[] {
  const n = t.header.length || t.rows[0]?.length || 0;
  return columnKeeps(
    t.rows.map((r) => r.map((c) => lineText(c))),
    n,
  );
}

/** Fractions of the table width per column; `totalChars` is the table width in characters of its font. */
export function columnWidths(t: TableNode, totalChars: number): number[] {
  const n = t.header.length || t.rows[0]?.length || 0;
  if (n === 0) return [];
  const keeps = tableKeeps(t);
  const min: number[] = [];
  const max: number[] = [];
  for (let c = 0; c < n; c++) {
    const head = longestLine(t.header[c]);
    const body = Math.max(0, ...t.rows.map((r) => longestLine(r[c])));
    const whole = Math.max(widestPiece(t.header[c], keeps[c]!), ...t.rows.map((r) => widestPiece(r[c], keeps[c]!)));
    min.push(Math.max(whole, 1) + PAD);
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
