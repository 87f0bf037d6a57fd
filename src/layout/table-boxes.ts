// Tables and bar charts as boxes. A table row that fits a page is never split; the header row
// repeats on every page; a row taller than a page continues under the repeated header.
import type { ChartPlan, TablePlan } from '../compose/plan.js';
import { textLine } from '../compose/compose-head.js';
import type { Line } from '../doc/tree.js';
import { BODY_CELL, GRID, TABLE, TEXT_BLOCK } from '../style/gbt9704.js';
import type { Box } from './boxes.js';
import { breakLines, type BrokenLine } from './break-lines.js';
import { lineItems } from './lines-to-items.js';
import { baselineIn, natural, type BlockContext } from './paragraph-boxes.js';
import { shapeLine, type TextStyle } from './shape-text.js';
import { BLACK, type PageItem } from './types.js';
import { CHART } from '../compose/chart-geometry.js';

const PITCH = GRID.linePitch;
type Align = 'left' | 'center' | 'right';
const body = (): TextStyle => ({ role: 'body', size: GRID.bodySize, spacing: GRID.charSpacing, color: BLACK, bold: false });

/** A bar chart: a line per bar, its label at the left, the bar from a common start, the value at the right edge. */
export function chartBoxes(plan: ChartPlan, landscape: boolean, ctx: BlockContext): Box[] {
  const c = plan.node;
  const style = body();
  const labels = c.bars.map((bar) => natural(bar.label, style, ctx));
  const g = plan.geometry;
  const thickness = plan.thickness;
  return c.bars.map((bar, i) => {
    const label = labels[i]!;
    // A label longer than its column is set narrower rather than run into the bar.
    const room = g.barX - BODY_CELL;
    const scale = label.width > room ? room / label.width : 1;
    const items: PageItem[] = lineItems(label, 0, baselineIn(PITCH, style.size)).map((it) => ({ ...it, element: 'body' as const, ...(scale < 1 ? { scale: scale * 100 } : {}) }));
    const value = natural(textLine(bar.text), style, ctx);
    items.push(...lineItems(value, g.valueRight - value.width, baselineIn(PITCH, style.size)).map((it) => ({ ...it, element: 'body' as const })));
    if (bar.value > 0) items.push({ kind: 'rule', x1: g.barX, x2: g.barX + (g.barWidth * bar.value) / 100, y1: PITCH / 2, y2: PITCH / 2, width: thickness, color: CHART.color, element: 'body' });
    return { height: PITCH, items, keepWithNext: i < c.bars.length - 1 && c.bars.length <= 6, landscape };
  });
}

/**
 * Table rows as boxes; the header row repeats on every page (§ tables). A row that fits a page is
 * never split; one taller than a page (a 1,500-character problem) continues on the next pages, its
 * cells' lines carried on under the repeated header, so no text is ever cut.
 */
export function tableBoxes(plan: TablePlan, width: number, landscape: boolean, ctx: BlockContext): Box[] {
  const t = plan.node;
  const size = plan.size;
  const widths = plan.fractions.map((f) => f * width);
  const pad = TABLE.cellPadding;
  const lineH = size * TABLE.lineFactor;
  const borderW = 0.5;
  // A row's slice of lines fits what a page holds under the header (and the table's top border).
  const blockHeight = landscape ? TEXT_BLOCK.width : TEXT_BLOCK.height;
  const row = (cells: Line[], header: boolean, headerHeight = 0): Box[] => {
    const laid: { lines: BrokenLine[]; x: number; w: number; align: Align }[] = [];
    let x = 0;
    cells.forEach((cell, c) => {
      const w = widths[c]!;
      const style: TextStyle = { role: header ? 'heading1' : 'body', size, color: BLACK };
      const slots = shapeLine(cell, style, ctx.book, ctx.diagnostics);
      const align: Align = header || t.align[c] === 'center' ? 'center' : t.align[c] === 'right' ? 'right' : 'left';
      // Headers keep their words and items; body cells by their column's rule.
      laid.push({ lines: breakLines(slots, { width: w - 2 * pad, justify: false }), x, w, align });
      x += w;
    });
    const most = Math.max(...laid.map((l) => l.lines.length), 1);
    const perPage = Math.max(1, Math.floor((blockHeight - headerHeight - 4 - 1) / lineH));
    const slices =
      header || most <= perPage
        ? [{ from: 0, to: most, centred: true }]
        : Array.from({ length: Math.ceil(most / perPage) }, (_v, i) => ({ from: i * perPage, to: Math.min(most, (i + 1) * perPage), centred: false }));
    return slices.map(({ from, to, centred }) => {
      const contentH = Math.max((to - from) * lineH, lineH);
      const height = Math.max(contentH + 4, size * 2);
      const items: PageItem[] = [];
      for (const cell of laid) {
        const lines = cell.lines.slice(from, to);
        // A whole row is centred in its cell; the slices of a row carried over pages start at the top.
        let y = centred ? (height - lines.length * lineH) / 2 : 2;
        for (const line of lines) {
          const inner = cell.w - 2 * pad;
          const dx = cell.align === 'center' ? (inner - line.width) / 2 : cell.align === 'right' ? inner - line.width : 0;
          items.push(...lineItems(line, cell.x + pad + dx, y + baselineIn(lineH, size)).map((it) => ({ ...it, element: 'body' as const })));
          y += lineH;
        }
      }
      // Borders: top, bottom, and every vertical line.
      const rule = (x1: number, y1: number, x2: number, y2: number): PageItem => ({ kind: 'rule', x1, y1, x2, y2, width: borderW, color: BLACK, element: 'body' });
      items.push(rule(0, 0, width, 0), rule(0, height, width, height));
      let vx = 0;
      for (let c = 0; c <= widths.length; c++) {
        items.push(rule(vx, 0, vx, height));
        vx += widths[c] ?? 0;
      }
      return { height, items, landscape };
    });
  };
  const header = row(t.header, true)[0]!;
  const rows = t.rows.flatMap((r) => row(r, false, header.height).map((b) => ({ ...b, repeatHeader: [header] })));
  // The header stays with the first row.
  return [{ ...header, keepWithNext: true }, ...rows];
}
