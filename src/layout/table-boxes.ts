// Tables and bar charts as boxes. A table row that fits a page is never split; the header row
// repeats on every page; a row taller than a page continues under the repeated header.
import type { ChartPlan, TablePlan } from '../compose/plan.js';
import { textLine } from '../compose/compose-head.js';
import { alignOf, type CellAlign, type Line } from '../doc/tree.js';
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
    const items: PageItem[] = lineItems(label, 0, baselineIn(PITCH, style.size), scale < 1 ? { element: 'body', scale: scale * 100 } : { element: 'body' });
    const value = natural(textLine(bar.text), style, ctx);
    items.push(...lineItems(value, g.valueRight - value.width, baselineIn(PITCH, style.size), { element: 'body' }));
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
  /** `r`: the body row (−1: the header). */
  const row = (cells: Line[], r: number, headerHeight = 0): Box[] => {
    const header = r < 0;
    const laid: { lines: BrokenLine[]; x: number; w: number; align: Align }[] = [];
    let x = 0;
    cells.forEach((cell, c) => {
      const w = widths[c]!;
      const style: TextStyle = { role: header ? 'heading1' : 'body', size, color: BLACK };
      const slots = shapeLine(cell, style, ctx.book, ctx.diagnostics);
      const align: Align = header ? 'center' : toAlign(alignOf(t, r, c));
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
        items.push(...cellLines(lines, cell.x, cell.w, cell.align, centred ? (height - lines.length * lineH) / 2 : 2, { pad, lineH, size }));
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
  const header = row(t.header, -1)[0]!;
  const spec: TableSpec = { widths, pad, lineH, size, width, borderW, landscape };
  const rows: Box[] = [];
  for (const g of rowGroups(t)) {
    // A problem over its measures: one box, its merged cells spanning their rows — unless the group
    // is taller than a page, when its rows go as rows.
    const merged = g.length > 1 ? groupBox(t, g, spec, ctx) : undefined;
    const boxes = merged && merged.height <= blockHeight - header.height - 5 ? [merged] : g.flatMap((r) => row(t.rows[r]!, r, header.height));
    rows.push(...boxes.map((b) => ({ ...b, repeatHeader: [header] })));
  }
  // The header stays with the first row.
  return [{ ...header, keepWithNext: true }, ...rows];
}

interface TableSpec {
  widths: number[];
  pad: number;
  lineH: number;
  size: number;
  width: number;
  borderW: number;
  landscape: boolean;
}

/** Rows in groups: a row and the rows below it that have a cell merged into one above. */
function rowGroups(t: TablePlan['node']): number[][] {
  const groups: number[][] = [];
  t.rows.forEach((_r, i) => {
    if (i > 0 && t.merged?.[i]?.some(Boolean)) groups.at(-1)!.push(i);
    else groups.push([i]);
  });
  return groups;
}

/**
 * A group of rows as one box: each cell laid out in its column, a merged cell spanning the rows it
 * covers (its text centred over them), rows as tall as their own cells and the last row of a span
 * taller when the spanning text needs it; rules between rows only where cells are not merged.
 */
function groupBox(t: TablePlan['node'], g: number[], s: TableSpec, ctx: BlockContext): Box {
  const n = g.length;
  const isMerged = (k: number, c: number) => k > 0 && !!t.merged?.[g[k]!]?.[c];
  // Each cell's span (rows it covers within the group) and its lines.
  const cells: { k: number; c: number; span: number; lines: BrokenLine[] }[] = [];
  for (let k = 0; k < n; k++) {
    t.rows[g[k]!]!.forEach((cell, c) => {
      if (isMerged(k, c)) return;
      let span = 1;
      while (k + span < n && isMerged(k + span, c)) span++;
      const slots = shapeLine(cell, { role: 'body', size: s.size, color: BLACK }, ctx.book, ctx.diagnostics);
      cells.push({ k, c, span, lines: breakLines(slots, { width: s.widths[c]! - 2 * s.pad, justify: false }) });
    });
  }
  const need = (lines: number) => Math.max(Math.max(lines, 1) * s.lineH + 4, s.size * 2);
  const heights = Array.from({ length: n }, (_v, k) => Math.max(s.size * 2, ...cells.filter((x) => x.k === k && x.span === 1).map((x) => need(x.lines.length))));
  for (const x of cells.filter((x) => x.span > 1)) {
    const have = heights.slice(x.k, x.k + x.span).reduce((a, b) => a + b, 0);
    if (need(x.lines.length) > have) heights[x.k + x.span - 1]! += need(x.lines.length) - have;
  }
  const tops = heights.reduce<number[]>((acc, h, k) => [...acc, acc[k]! + h], [0]);
  const xs = s.widths.reduce<number[]>((acc, w, c) => [...acc, acc[c]! + w], [0]);
  const items: PageItem[] = [];
  for (const x of cells) {
    const top = tops[x.k]!;
    const h = tops[x.k + x.span]! - top;
    const align = toAlign(alignOf(t, g[x.k]!, x.c));
    items.push(...cellLines(x.lines, xs[x.c]!, s.widths[x.c]!, align, top + (h - x.lines.length * s.lineH) / 2, s));
  }
  const rule = (x1: number, y1: number, x2: number, y2: number): PageItem => ({ kind: 'rule', x1, y1, x2, y2, width: s.borderW, color: BLACK, element: 'body' });
  const height = tops[n]!;
  items.push(rule(0, 0, s.width, 0), rule(0, height, s.width, height));
  for (const vx of xs) items.push(rule(vx, 0, vx, height));
  // Between rows, over the columns whose cell below is not merged into the one above.
  for (let k = 1; k < n; k++) s.widths.forEach((_w, c) => !isMerged(k, c) && items.push(rule(xs[c]!, tops[k]!, xs[c + 1]!, tops[k]!)));
  return { height, items, landscape: s.landscape };
}

const toAlign = (a: CellAlign): Align => (a === 'center' ? 'center' : a === 'right' ? 'right' : 'left');

/** A cell's lines as items, from `y` down, each aligned within the cell's padding. */
function cellLines(lines: readonly BrokenLine[], x: number, w: number, align: Align, y: number, s: { pad: number; lineH: number; size: number }): PageItem[] {
  const inner = w - 2 * s.pad;
  return lines.flatMap((line, i) => {
    const dx = align === 'center' ? (inner - line.width) / 2 : align === 'right' ? inner - line.width : 0;
    return lineItems(line, x + s.pad + dx, y + i * s.lineH + baselineIn(s.lineH, s.size), { element: 'body' });
  });
}
