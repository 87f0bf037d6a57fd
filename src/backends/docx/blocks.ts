// Body blocks → docx paragraphs and tables: headings by level, indented justified paragraphs, official tables.
import { AlignmentType, BorderStyle, HeightRule, LineRuleType, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType } from 'docx';
import { columnWidths } from '../../doc/column-widths.js';
import type { Block, Line, TableNode } from '../../doc/tree.js';
import { BODY_CELL, GRID, HEADINGS, TABLE, tableFontSize } from '../../style/gbt9704.js';
import { lineRuns } from './runs.js';
import { eighthPt, twip } from './units.js';

export const BODY_LINE = { line: twip(GRID.linePitch), lineRule: LineRuleType.EXACT } as const;
const BODY_RUN = { role: 'body' as const, size: GRID.bodySize, spacing: GRID.charSpacing };
/** Two characters (§7.3.3): twips for LibreOffice, *Chars for Word (docx-notes problem 3). */
export const FIRST_LINE = { firstLine: twip(2 * BODY_CELL), firstLineChars: 200 } as const;

export function bodyParagraph(line: Line, indent: boolean): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: BODY_LINE,
    ...(indent ? { indent: FIRST_LINE } : {}),
    children: lineRuns(line, BODY_RUN),
  });
}

export function blockToDocx(b: Block, textWidthPt: number): (Paragraph | Table)[] {
  switch (b.type) {
    case 'heading': {
      const h = HEADINGS[b.level];
      const run = { role: h.role, size: GRID.bodySize, bold: h.bold, spacing: GRID.charSpacing };
      return [
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          spacing: BODY_LINE,
          indent: FIRST_LINE,
          keepNext: true,
          keepLines: true,
          children: lineRuns([{ type: 'text', text: b.number, source: {} }, ...b.inlines], run),
        }),
      ];
    }
    case 'paragraph':
      return [bodyParagraph(b.inlines, b.indent === 'first-line')];
    case 'pagebreak':
      return [new Paragraph({ pageBreakBefore: true, spacing: BODY_LINE, children: [] })];
    case 'table':
      return [tableToDocx(b, textWidthPt), new Paragraph({ spacing: { line: twip(GRID.linePitch / 2), lineRule: LineRuleType.EXACT }, children: [] })];
  }
}

export function tableToDocx(t: TableNode, textWidthPt: number): Table {
  const size = tableFontSize(t.header.length);
  const widthTw = twip(textWidthPt);
  const fractions = columnWidths(t, textWidthPt / size);
  const cols = fractions.map((f) => Math.floor(f * widthTw));
  const line = { line: twip(size * TABLE.lineFactor), lineRule: LineRuleType.EXACT };
  const pad = twip(TABLE.cellPadding);
  const border = { style: BorderStyle.SINGLE, size: eighthPt(0.5), color: '000000' };
  const cell = (content: Line, c: number, header: boolean) => {
    const align = t.align[c] === 'center' || header ? AlignmentType.CENTER : t.align[c] === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT;
    return new TableCell({
      width: { size: cols[c]!, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: pad, right: pad, top: twip(2), bottom: twip(2) },
      children: [new Paragraph({ alignment: align, spacing: line, children: lineRuns(content, { role: header ? 'heading1' : 'body', size }) })],
    });
  };
  const rows = [
    new TableRow({ tableHeader: true, cantSplit: true, height: { value: twip(size * 2), rule: HeightRule.ATLEAST }, children: t.header.map((h, c) => cell(h, c, true)) }),
    ...t.rows.map((r) => new TableRow({ cantSplit: true, height: { value: twip(size * 2), rule: HeightRule.ATLEAST }, children: r.map((x, c) => cell(x, c, false)) })),
  ];
  return new Table({
    rows,
    width: { size: widthTw, type: WidthType.DXA },
    columnWidths: cols,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
  });
}
