// Body blocks → WordprocessingML: headings by level, indented justified paragraphs, official tables.
import { columnWidths, tableKeeps } from '../../compose/column-widths.js';
import { CHART, chartGeometry } from '../../compose/chart-geometry.js';
import { textBoxRun } from './text-box.js';
import { lineText, type Block, type ChartNode, type Line, type TableNode } from '../../doc/tree.js';
import { BODY_CELL, GRID, HEADINGS, TABLE, tableFontSize } from '../../style/gbt9704.js';
import { lineRuns } from './runs.js';
import { wordPieces } from '../../compose/keep-whole.js';
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
    case 'chart':
      return chartToXml(b, textWidthPt);
  }
}

/** docPr ids unique in the part and the same on every run: from the chart's template line and the bar (the 版记's ids are small). */
const chartShapeId = (c: ChartNode, i: number) => 10_000 + c.span.line * 200 + i;

/**
 * A bar chart as Word and LibreOffice draw it: a paragraph per bar with its label, a right tab to
 * its value at the block's edge, and the bar a filled rectangle anchored to that paragraph, placed
 * where the paged layout puts it (compose/chart-geometry.ts).
 */
export function chartToXml(c: ChartNode, textWidthPt: number): string {
  const run = { role: 'body' as const, size: GRID.bodySize, spacing: GRID.charSpacing };
  // The labels' width as the layout measures it is not known here: the widest label by its characters.
  const widest = Math.max(0, ...c.bars.map((b) => [...lineText(b.label)].length)) * BODY_CELL;
  const g = chartGeometry(widest, BODY_CELL, textWidthPt);
  const thickness = GRID.linePitch * CHART.barShare;
  return c.bars
    .map((bar, i) => {
      const shape =
        bar.value > 0
          ? textBoxRun({ h: { fromColumn: g.barX }, v: { fromParagraph: (GRID.linePitch - thickness) / 2 }, width: (g.barWidth * bar.value) / 100, height: thickness, fill: CHART.colorHex, wrap: 'none', id: chartShapeId(c, i), name: `bar ${i + 1}` })
          : '';
      const label = lineRuns(bar.label, run);
      const value = `<w:r><w:tab/></w:r>` + lineRuns([{ type: 'text', text: bar.text, source: {} }], run);
      return paragraph({ keepNext: i < c.bars.length - 1 && c.bars.length <= 6, line: BODY_LINE, rightTab: twip(g.valueRight), jc: 'left' }, label + shape + value);
    })
    .join('');
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
