// Body blocks → WordprocessingML: headings by level, indented justified paragraphs, official tables.
import { columnWidths, tableKeeps } from '../../doc/column-widths.js';
import type { Block, Line, TableNode } from '../../doc/tree.js';
import { BODY_CELL, GRID, HEADINGS, TABLE, tableFontSize } from '../../style/gbt9704.js';
import { lineRuns } from './runs.js';
import { wordPieces } from '../../doc/keep-whole.js';
import { eighthPt, twip } from './units.js';
import { cell, paragraph, row, table, type Border, type Jc } from './xml.js';

export const BODY_LINE = twip(GRID.linePitch);
const BODY_RUN = { role: 'body' as const, size: GRID.bodySize, spacing: GRID.charSpacing };
/** Two characters (§7.3.3): twips for LibreOffice, *Chars for Word (docx-notes problem 3). */
export const FIRST_LINE = { firstLine: twip(2 * BODY_CELL), firstLineChars: 200 } as const;

export function bodyParagraph(line: Line, indent: boolean): string {
  return paragraph({ line: BODY_LINE, ...(indent ? { ind: FIRST_LINE } : {}), jc: 'both' }, lineRuns(line, BODY_RUN));
}

export function blockToXml(b: Block, textWidthPt: number): string {
  switch (b.type) {
    case 'heading': {
      const h = HEADINGS[b.level];
      const run = { role: h.role, size: GRID.bodySize, bold: h.bold, spacing: GRID.charSpacing };
      return paragraph({ keepNext: true, keepLines: true, line: BODY_LINE, ind: FIRST_LINE, jc: 'both' }, lineRuns([{ type: 'text', text: b.number, source: {} }, ...b.inlines], run));
    }
    case 'paragraph':
      return bodyParagraph(b.inlines, b.indent === 'first-line');
    case 'pagebreak':
      return paragraph({ pageBreakBefore: true, line: BODY_LINE }, '');
    case 'table':
      return tableToXml(b, textWidthPt) + paragraph({ line: twip(GRID.linePitch / 2) }, '');
  }
}

export function tableToXml(t: TableNode, textWidthPt: number): string {
  const size = tableFontSize(t.header.length);
  const widthTw = twip(textWidthPt);
  const fractions = columnWidths(t, textWidthPt / size);
  const cols = fractions.map((f) => Math.floor(f * widthTw));
  const keeps = tableKeeps(t);
  const line = twip(size * TABLE.lineFactor);
  const pad = twip(TABLE.cellPadding);
  const margins = { top: twip(2), left: pad, bottom: twip(2), right: pad };
  const b: Border = { val: 'single', size: eighthPt(0.5), color: '000000' };
  const cellXml = (content: Line, c: number, header: boolean) => {
    const jc: Jc = t.align[c] === 'center' || header ? 'center' : t.align[c] === 'right' ? 'right' : 'left';
    return cell({ width: cols[c]!, margins, vCenter: true }, paragraph({ line, jc }, lineRuns(content, { role: header ? 'heading1' : 'body', size, keep: header ? wordPieces : keeps[c]! })));
  };
  const minHeight = twip(size * 2);
  let rows = row({ header: true, cantSplit: true, minHeight }, t.header.map((h, c) => cellXml(h, c, true)).join(''));
  for (const r of t.rows) rows += row({ cantSplit: true, minHeight }, r.map((x, c) => cellXml(x, c, false)).join(''));
  return table({ width: widthTw, columns: cols, jc: 'center', borders: { top: b, left: b, bottom: b, right: b, insideH: b, insideV: b } }, rows);
}
