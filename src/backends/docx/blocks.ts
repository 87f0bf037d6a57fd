// Planned body blocks → WordprocessingML records: paragraphs (headings by level, indented justified
// text), official tables, bar charts, page breaks.
import type { BlockPlan, ChartPlan, TablePlan } from '../../compose/plan.js';
import { CHART } from '../../compose/chart-geometry.js';
import { textLine } from '../../compose/compose-head.js';
import { alignOf, type Line } from '../../doc/tree.js';
import { GRID, TABLE } from '../../style/gbt9704.js';
import { BODY_LINE, paraRecord } from './element-paragraphs.js';
import { para, raw, type BodyRecord } from './records.js';
import { lineRuns } from './runs.js';
import { textBoxRun } from './text-box.js';
import { eighthPt, twip } from './units.js';
import { cell, paragraph, row, table, type Border, type Jc } from './xml.js';

export function blockRecords(b: BlockPlan, textWidthPt: number): BodyRecord[] {
  switch (b.kind) {
    case 'para':
      return [paraRecord(b)];
    case 'pagebreak':
      return [para({ pageBreakBefore: true, line: BODY_LINE })];
    case 'table':
      return [raw(tableToXml(b, textWidthPt)), para({ line: twip(GRID.linePitch / 2) })];
    case 'chart':
      return chartRecords(b);
  }
}

/** docPr ids unique in the part and the same on every run: from the chart's template line and the bar (the 版记's ids are small). */
const chartShapeId = (c: ChartPlan, i: number) => 10_000 + c.node.span.line * 200 + i;

/**
 * A bar chart as Word and LibreOffice draw it: a paragraph per bar with its label, a right tab to
 * its value at the block's edge, and the bar a filled rectangle anchored to that paragraph, placed
 * where the paged layout puts it (compose/chart-geometry.ts).
 */
function chartRecords(c: ChartPlan): BodyRecord[] {
  const run = { role: 'body' as const, size: GRID.bodySize, spacing: GRID.charSpacing };
  const g = c.geometry;
  const bars = c.node.bars;
  return bars.map((bar, i) => {
    const shape =
      bar.value > 0
        ? textBoxRun({
            h: { fromColumn: g.barX },
            v: { fromParagraph: (GRID.linePitch - c.thickness) / 2 },
            width: (g.barWidth * bar.value) / 100,
            height: c.thickness,
            fill: CHART.colorHex,
            wrap: 'none',
            id: chartShapeId(c, i),
            name: `bar ${i + 1}`,
          })
        : '';
    const value = `<w:r><w:tab/></w:r>` + lineRuns(textLine(bar.text), run);
    return para({ keepNext: i < bars.length - 1 && bars.length <= 6, line: BODY_LINE, rightTab: twip(g.valueRight), jc: 'left' }, lineRuns(bar.label, run) + shape + value);
  });
}

export function tableToXml(t: TablePlan, textWidthPt: number): string {
  const { size, node } = t;
  const widthTw = twip(textWidthPt);
  const cols = t.fractions.map((f) => Math.floor(f * widthTw));
  const line = twip(size * TABLE.lineFactor);
  const pad = twip(TABLE.cellPadding);
  const margins = { top: twip(2), left: pad, bottom: twip(2), right: pad };
  const b: Border = { val: 'single', size: eighthPt(0.5), color: '000000' };
  const merged = (r: number, c: number) => !!node.merged?.[r]?.[c];
  /** `r`: the body row (−1: the header). Rows of a merged group keep with the next (keepNext in Word). */
  const cellXml = (content: Line, c: number, r: number) => {
    const header = r < 0;
    const a = header ? 'center' : alignOf(node, r, c);
    const jc: Jc = a === 'center' ? 'center' : a === 'right' ? 'right' : 'left';
    const vMerge = header ? undefined : merged(r, c) ? 'continue' : merged(r + 1, c) ? 'restart' : undefined;
    const keepNext = !header && !!node.merged?.[r + 1]?.some(Boolean);
    return cell(
      { width: cols[c]!, ...(vMerge ? { vMerge } : {}), margins, vCenter: true },
      paragraph({ ...(keepNext ? { keepNext } : {}), line, jc }, lineRuns(content, { role: header ? 'heading1' : 'body', size })),
    );
  };
  const minHeight = twip(size * 2);
  let rows = row({ header: true, cantSplit: true, minHeight }, node.header.map((h, c) => cellXml(h, c, -1)).join(''));
  node.rows.forEach((r, i) => (rows += row({ cantSplit: true, minHeight }, r.map((x, c) => cellXml(x, c, i)).join(''))));
  return table({ width: widthTw, columns: cols, jc: 'center', borders: { top: b, left: b, bottom: b, right: b, insideH: b, insideV: b } }, rows);
}
