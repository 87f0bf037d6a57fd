// Body blocks as elements: headings by level (§7.3.3), indented justified paragraphs, tables (wide
// ones on landscape pages), bar charts, page breaks.
import { lineText, type Block, type Line } from '../doc/tree.js';
import { BODY_CELL, GRID, HEADINGS, TABLE, tableFontSize } from '../style/gbt9704.js';
import { CHART, chartGeometry } from './chart-geometry.js';
import { columnWidths } from './column-widths.js';
import { bodyFont, textLine } from './compose-head.js';
import type { BlockPlan, Measure } from './plan.js';

/** A table this wide goes on landscape pages of its own inside a portrait document (§8). */
export const needsLandscape = (b: Block): boolean => b.type === 'table' && b.header.length >= TABLE.manyColumns;

export function composeBlock(b: Block, width: number, measure: Measure): BlockPlan {
  switch (b.type) {
    case 'heading': {
      const h = HEADINGS[b.level];
      const line: Line = [...textLine(b.number), ...b.inlines];
      const outline = b.level <= 2 ? { outline: { title: lineText(line), level: b.level } } : {};
      return {
        kind: 'para',
        line,
        font: bodyFont(h.role, h.bold),
        align: 'justify',
        firstIndent: 2 * BODY_CELL,
        lineHeight: GRID.linePitch,
        keepLines: true,
        keepNext: true,
        element: 'body',
        ...outline,
      };
    }
    case 'paragraph':
      return { kind: 'para', line: b.inlines, font: bodyFont(), align: 'justify', ...(b.indent === 'first-line' ? { firstIndent: 2 * BODY_CELL } : {}), lineHeight: GRID.linePitch, element: 'body' };
    case 'pagebreak':
      return { kind: 'pagebreak' };
    case 'table': {
      const size = b.size ?? tableFontSize(b.header.length);
      return { kind: 'table', node: b, size, fractions: columnWidths(b, width / size) };
    }
    case 'chart': {
      const labelWidth = Math.max(0, ...b.bars.map((bar) => measure(bar.label, 'body')));
      return { kind: 'chart', node: b, geometry: chartGeometry(labelWidth, BODY_CELL, width), thickness: GRID.linePitch * CHART.barShare };
    }
  }
}
