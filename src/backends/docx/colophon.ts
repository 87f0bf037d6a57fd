// 版记 (§7.4) in the DOCX: 抄送 and 印发 rows between 0.35 mm rules with a 0.25 mm rule between them,
// in a full-width text box anchored to the bottom of the text block.
import type { ColophonPlan } from '../../compose/plan.js';
import { charCells } from '../../compose/measure-chars.js';
import { lineText } from '../../doc/tree.js';
import { COLOPHON, GRID, PAGE, TEXT_BLOCK } from '../../style/gbt9704.js';
import { lineRuns, textRun } from './runs.js';
import { anchorParagraph, textBoxParagraph } from './text-box.js';
import { eighthPt, twip } from './units.js';
import { cell, paragraph, row, table, type Border, type ParaProps } from './xml.js';

export function colophonXml(c: ColophonPlan, widthPt: number): string {
  const size = c.size;
  const run = { role: 'body' as const, size };
  const indent = twip(size);
  const width = twip(widthPt);
  let rows = '';
  const para = (runs: string, extra: Partial<ParaProps> = {}) => paragraph({ line: twip(GRID.linePitch), ind: { left: indent, right: indent }, ...extra }, runs);
  const oneCell = (p: string) => row({}, cell({ width }, p));
  // One character in; wrapped 抄送 lines align after “抄送：” (§7.4.2), as the PDF sets it.
  if (c.cc) rows += oneCell(para(lineRuns(c.cc, run), { ind: { left: indent + twip(size * 3), right: indent, hanging: twip(size * 3) } }));
  const printed = !!(c.printer || c.printDate);
  if (printed) rows += oneCell(para(lineRuns(c.printer, run) + (c.printDate ? textRun('\t', run) + lineRuns(c.printDate, run) : ''), { rightTab: width - indent }));
  const thick: Border = { val: 'single', size: eighthPt(COLOPHON.thick), color: '000000' };
  const thin: Border = { val: 'single', size: eighthPt(COLOPHON.thin), color: '000000' };
  const none: Border = { val: 'none', size: 0, color: 'FFFFFF' };
  const borders = c.ruled ? { top: thick, left: none, bottom: thick, right: none, insideH: thin, insideV: none } : { top: none, left: none, bottom: none, right: none, insideH: none, insideV: none };
  const tbl = table({ width, columns: [width], jc: 'center', borders }, rows);
  const lines = (c.cc ? Math.max(1, Math.ceil(charCells(lineText(c.cc)) / (widthPt / size - 2))) : 0) + (printed ? 1 : 0);
  // A text box anchored to the bottom of the text block, full width, text above and below it:
  // LibreOffice 7 ignores a floating table's tblpYSpec="bottom" and a frame's yAlign="bottom" and
  // sets either after the text.
  const heightPt = (lines * twip(GRID.linePitch) + 40) / 20;
  // Placed from the page's edges (the 版心's left edge, its foot): the same spot whatever section or
  // page style the reader puts the page in.
  const landscape = widthPt > TEXT_BLOCK.width + 1;
  const left = landscape ? PAGE.margin.bottom : PAGE.margin.left;
  const bottom = landscape ? PAGE.margin.left + TEXT_BLOCK.width : PAGE.margin.top + TEXT_BLOCK.height;
  return textBoxParagraph({
    h: { fromPage: left },
    v: { fromPage: bottom - heightPt },
    width: widthPt,
    height: heightPt,
    content: tbl + anchorParagraph(''),
    wrap: 'topAndBottom',
    id: 9001,
    name: '版记',
  });
}
