// Where the 信函格式 head (GB/T 9704 §10.1) puts things, in points from the 版心 top (negative above
// it), for the PDF layout and the DOCX alike.
import { GRID, LETTER, PAGE, type FontRole } from '../style/gbt9704.js';
import type { DocMeta, Line } from '../doc/tree.js';

export interface LetterHead {
  /** Top edge of the organ's name: 30 mm below the paper's top edge. */
  markTop: number;
  /** Top of the first double line (thick over thin), 4 mm below the name. */
  lineTop: number;
  /** Its lower edge. */
  lineEnd: number;
  /** Lower edge of the second double line (thin over thick), 20 mm above the paper's bottom edge. */
  footEnd: number;
  /** Top of the first element line box (份号 / 发文字号): their glyphs 7/8 of a 3号 character below the line. */
  firstLine: number;
}

export function letterHead(markSize: number | undefined): LetterHead {
  const markTop = LETTER.markTop - PAGE.margin.top;
  const lineTop = markTop + (markSize ?? 0) + LETTER.lineGap;
  const lineEnd = lineTop + LETTER.thick + LETTER.between + LETTER.thin;
  return { markTop, lineTop, lineEnd, footEnd: PAGE.height - LETTER.bottomLine - PAGE.margin.top, firstLine: lineEnd + LETTER.below - (GRID.linePitch - GRID.bodySize) / 2 };
}

/** 份号, 密级和保密期限 and 紧急程度, flush left under the first double line in this order (黑体 for the last two, as in §7.2). */
export function letterElements(meta: DocMeta): { line: Line; role: FontRole; element: 'copyNumber' | 'secrecy' | 'urgency' }[] {
  const out: { line: Line; role: FontRole; element: 'copyNumber' | 'secrecy' | 'urgency' }[] = [];
  if (meta.copyNumber) out.push({ line: meta.copyNumber, role: 'body', element: 'copyNumber' });
  if (meta.secrecy) out.push({ line: meta.secrecy, role: 'heading1', element: 'secrecy' });
  if (meta.urgency) out.push({ line: meta.urgency, role: 'heading1', element: 'urgency' });
  return out;
}
