// The 公文 elements around the body: 版头 (份号, 密级, 发文机关标志, 发文字号, red rule), 标题, 主送,
// 附件说明, 署名 and 成文日期, 附注, and the 版记 (GB/T 9704 §7.2–§7.4).
import { charCells, setCells } from '../../compose/measure-chars.js';
import { issuerMarkFit } from '../../compose/issuer-mark.js';
import { signatureGap, signaturePlace, signerNames } from '../../compose/signature.js';
import { attachmentNoteItems } from '../../compose/attachment-note.js';
import { titleLines } from '../../compose/title-lines.js';
import { lineText, type DocMeta, type Line } from '../../doc/tree.js';
import { BODY_CELL, COLOPHON, GRID, ISSUER_MARK, LETTER, PAGE, RED_RULE, TITLE } from '../../style/gbt9704.js';
import { letterElements, letterHead } from '../../compose/letter-head.js';
import { BODY_LINE, FIRST_LINE } from './blocks.js';
import { lineRuns, textRun } from './runs.js';
import { eighthPt, twip } from './units.js';
import { ANCHOR_PT, anchorParagraph, textBoxParagraph, textBoxRun } from './text-box.js';
import { cell, paragraph, row, table, type Border, type ParaProps } from './xml.js';

const BODY = { role: 'body' as const, size: GRID.bodySize, spacing: GRID.charSpacing };
const LINE = GRID.linePitch;

/**
 * 签发人 of a 上行文 (§7.2.5–7.2.6), as the PDF sets it: “签发人：” (仿宋) and the names (楷体) right-aligned
 * one character in, two a line, wrapped lines aligned with the first name by a left tab; the 发文字号
 * one character in from the left on the line of the last name; the red rule under that line.
 */
function signerParagraphs(meta: DocMeta, widthPt: number, rule: ParaProps['borderBottom']): string[] {
  const names = signerNames(meta.signer!);
  const rows: Line[][] = [];
  for (let i = 0; i < names.length; i += 2) rows.push(names.slice(i, i + 2));
  const cells = (r: Line[]) => r.reduce((w, n) => w + charCells(lineText(n)), 0) + Math.max(0, r.length - 1);
  const nameRun = (r: Line[]) => r.map((n, i) => (i ? textRun('\u3000', BODY) : '') + lineRuns(n, { ...BODY, role: 'heading2' })).join('');
  const end = twip(widthPt - BODY_CELL);
  const namesAt = twip(widthPt - BODY_CELL * (1 + cells(rows[0] ?? [])));
  return rows.map((r, k) => {
    const last = k === rows.length - 1;
    const doc = last && meta.docNumber ? lineRuns(meta.docNumber, BODY) : '';
    const props: ParaProps = { line: BODY_LINE, jc: 'left', ind: { left: twip(BODY_CELL) }, ...(k === 0 ? { before: twip(2 * LINE), rightTab: end } : { leftTab: namesAt }), ...(last ? { borderBottom: rule } : {}) };
    const runs = k === 0 ? doc + textRun('\t', BODY) + textRun('签发人：', BODY) + nameRun(r) : doc + textRun('\t', BODY) + nameRun(r);
    return paragraph(props, runs);
  });
}

/**
 * 信函格式 head (§10.1), where the PDF puts it (compose/letter-head.ts): the organ's name in a text box
 * 30 mm below the paper's top edge, the two red double lines as filled rectangles, all anchored to
 * the page in one paragraph; then 份号/密级/紧急程度 flush left with the 发文字号 flush right on the
 * first of their lines. Returns the space the title needs above it.
 */
function letterParagraphs(meta: DocMeta, widthPt: number, out: string[]): number {
  const mark = meta.issuerMark ? issuerMarkFit(lineText(meta.issuerMark), widthPt) : undefined;
  const g = letterHead(mark?.size);
  const runs: string[] = [];
  let id = 9201;
  if (meta.issuerMark && mark) {
    // As in the 文件 head: the glyph box sits about 0.1 em below the top of a 1.2 em line.
    const lineH = mark.size * 1.2;
    const content = paragraph({ line: twip(lineH), jc: 'center' }, lineRuns(meta.issuerMark, { role: 'title', size: mark.size, color: ISSUER_MARK.color, scale: mark.scale }));
    runs.push(textBoxRun({ h: { fromPage: PAGE.margin.left }, v: { fromPage: PAGE.margin.top + g.markTop - mark.size * 0.1 }, width: widthPt, height: lineH, content, wrap: 'none', id: id++, name: '发文机关标志' }));
  }
  const x = PAGE.margin.left + (widthPt - LETTER.lineLength) / 2;
  const bar = (y: number, h: number) => textBoxRun({ h: { fromPage: x }, v: { fromPage: PAGE.margin.top + y }, width: LETTER.lineLength, height: h, fill: ISSUER_MARK.color, wrap: 'none', id: id++, name: '红色双线' });
  runs.push(bar(g.lineTop, LETTER.thick), bar(g.lineEnd - LETTER.thin, LETTER.thin));
  runs.push(bar(g.footEnd - LETTER.thick, LETTER.thick), bar(g.footEnd - LETTER.thick - LETTER.between - LETTER.thin, LETTER.thin));
  out.push(anchorParagraph(runs.join('')));
  const els = letterElements(meta);
  const n = Math.max(els.length, meta.docNumber ? 1 : 0);
  for (let k = 0; k < n; k++) {
    const e = els[k];
    const withNumber = k === 0 && !!meta.docNumber;
    const runsK = (e ? lineRuns(e.line, { ...BODY, role: e.role }) : '') + (withNumber ? textRun('\t', BODY) + lineRuns(meta.docNumber, BODY) : '');
    out.push(paragraph({ ...(k === 0 ? { before: twip(g.firstLine - ANCHOR_PT) } : {}), line: BODY_LINE, jc: 'left', ...(withNumber ? { rightTab: twip(widthPt) } : {}) }, runsK));
  }
  return 2 * LINE + (n ? 0 : g.lineEnd - ANCHOR_PT);
}

/** `pageBreakBefore`: an attachment's head, from a new page within its section. */
export function headParagraphs(meta: DocMeta, widthPt: number, opts: { pageBreakBefore?: boolean } = {}): string[] {
  const out: string[] = [];
  const left = (l: Line, role: 'body' | 'heading1') => paragraph({ line: BODY_LINE, jc: 'left' }, lineRuns(l, { ...BODY, role }));
  if (meta.annexOf) {
    // An attachment (§7.3.7): [发文字号] “附件N” in 3号黑体 flush left on line 1, the title on line 3.
    const runs = lineRuns(meta.annexOf.docNumber, BODY) + lineRuns([{ type: 'text', text: meta.annexOf.label, source: {} }], { ...BODY, role: 'heading1' });
    out.push(paragraph({ keepNext: true, ...(opts.pageBreakBefore ? { pageBreakBefore: true } : {}), line: BODY_LINE, jc: 'left' }, runs), paragraph({ keepNext: true, line: BODY_LINE }, ''));
    return [...out, ...titleParagraphs(meta, widthPt, 0)];
  }
  const titleGap = meta.format === 'letter' ? letterParagraphs(meta, widthPt, out) : meta.issuerMark ? 2 * LINE : 0;
  if (meta.format === 'letter') return [...out, ...titleParagraphs(meta, widthPt, titleGap)];
  let linesAbove = 0;
  if (meta.copyNumber) (out.push(left(meta.copyNumber, 'body')), linesAbove++);
  if (meta.secrecy) (out.push(left(meta.secrecy, 'heading1')), linesAbove++);
  if (meta.urgency) (out.push(left(meta.urgency, 'heading1')), linesAbove++);

  const rule = { size: eighthPt(RED_RULE.thickness * 1.5), color: RED_RULE.color, space: Math.round(RED_RULE.gap) };
  if (meta.issuerMark) {
    const { size, scale } = issuerMarkFit(lineText(meta.issuerMark), widthPt);
    const lineH = size * 1.2;
    // Top edge of the mark 35 mm below the 版心 top (§7.2.4): the glyph box sits about 0.1 em below the line top.
    const before = Math.max(0, ISSUER_MARK.topFromBlock - linesAbove * LINE - size * 0.1);
    out.push(
      paragraph(
        { ...(meta.docNumber || meta.signer ? {} : { borderBottom: rule }), before: twip(before), line: twip(lineH), jc: 'center' },
        lineRuns(meta.issuerMark, { role: 'title', size, color: ISSUER_MARK.color, scale }),
      ),
    );
    if (meta.signer) out.push(...signerParagraphs(meta, widthPt, rule));
    else if (meta.docNumber) {
      // 发文字号: two blank lines below the mark, centred; the red rule 4 mm below it (§7.2.5, §7.2.7).
      out.push(paragraph({ borderBottom: rule, before: twip(2 * LINE), line: BODY_LINE, jc: 'center' }, lineRuns(meta.docNumber, BODY)));
    }
  } else if (meta.docNumber) {
    out.push(paragraph({ line: BODY_LINE, jc: 'right' }, lineRuns(meta.docNumber, BODY)));
  }
  return [...out, ...titleParagraphs(meta, widthPt, titleGap)];
}

/** 标题, 副标题 and 主送机关, `gap` below what is above them. */
function titleParagraphs(meta: DocMeta, widthPt: number, gap: number): string[] {
  const out: string[] = [];
  if (meta.title) {
    // 标题 2号 小标宋, two blank lines below the red rule, centred (§7.3.1).
    out.push(
      paragraph(
        { keepNext: true, before: twip(gap), line: twip(LINE * 1.2), jc: 'center' },
        lineRuns(
          titleLines(meta.title, Math.floor(widthPt / TITLE.size)).flatMap((l, i) => (i ? [{ type: 'break' as const }, ...l] : l)),
          { role: TITLE.role, size: TITLE.size },
        ),
      ),
    );
  }
  if (meta.subtitle) {
    out.push(paragraph({ line: BODY_LINE, jc: 'center' }, lineRuns(meta.subtitle, { ...BODY, role: 'heading2' })));
  }
  if (meta.recipients) {
    // 主送机关: one blank line below the title, flush left, ending with a full-width colon (§7.3.2).
    const text = lineText(meta.recipients);
    const line: Line = /[：:]$/.test(text) ? meta.recipients : [...meta.recipients, { type: 'text', text: '：', source: {} }];
    out.push(paragraph({ before: twip(LINE), line: BODY_LINE, jc: 'both' }, lineRuns(line, BODY)));
  } else if (meta.title) {
    out.push(paragraph({ line: BODY_LINE }, ''));
  }
  return out;
}

export function tailParagraphs(meta: DocMeta, widthPt: number): string[] {
  const out: string[] = [];
  // 附件说明: one blank line below the body; each name at a tab stop, its wrapped lines under it
  // (the hanging indent), kept with the 署名 below as the PDF keeps them (no 此页无正文).
  const signed = !!(meta.signature || meta.date);
  const items = attachmentNoteItems(meta);
  items.forEach((it, i) => {
    const nameAt = twip(it.nameAt * BODY_CELL);
    out.push(
      paragraph(
        { ...(signed || i < items.length - 1 ? { keepNext: true } : {}), ...(i === 0 ? { before: twip(LINE) } : {}), leftTab: nameAt, line: BODY_LINE, ind: { left: nameAt, hanging: nameAt - twip(it.start * BODY_CELL) }, jc: 'left' },
        textRun(it.prefix + '\t', BODY) + lineRuns(it.name, BODY),
      ),
    );
  });
  if (meta.signature || meta.date) {
    // Widths as the GB fonts set them (digits half a character, the autospace a quarter): starts
    // from the 版心's left edge, as the PDF places them (compose/signature.ts).
    const cells = (l: Line | undefined) => (l ? setCells(lineText(l)) * BODY_CELL : 0);
    const at = signaturePlace({ signature: cells(meta.signature), date: cells(meta.date), width: widthPt, cell: BODY_CELL, sealed: meta.sealed });
    for (let k = 0; k < signatureGap(meta.sealed); k++) out.push(paragraph({ keepNext: true, line: BODY_LINE }, ''));
    if (meta.signature) {
      out.push(paragraph({ keepNext: true, line: BODY_LINE, ind: { left: twip(at.signature) }, jc: 'left' }, lineRuns(meta.signature, BODY)));
    }
    if (meta.date) {
      out.push(paragraph({ ...(meta.note ? { keepNext: true } : {}), line: BODY_LINE, ind: { left: twip(at.date) }, jc: 'left' }, lineRuns(meta.date, BODY)));
    }
  }
  if (meta.note) {
    // 附注: the line below the date, indented two characters, in parentheses (§7.3.6).
    const t = lineText(meta.note);
    const line: Line = /^[（(]/.test(t) ? meta.note : [{ type: 'text', text: '（', source: {} }, ...meta.note, { type: 'text', text: '）', source: {} }];
    out.push(paragraph({ line: BODY_LINE, ind: FIRST_LINE, jc: 'left' }, lineRuns(line, BODY)));
  }
  return out;
}

/** 版记: 抄送 and 印发 between 0.35 mm rules with a 0.25 mm rule between them, floated to the bottom (§7.4). */
export function colophonTable(meta: DocMeta, widthPt: number): string | undefined {
  // A letter's 版记 is the 抄送 alone, without rules (§10.1).
  const letter = meta.format === 'letter';
  const printed = !letter && !!(meta.printer || meta.printDate);
  if (!meta.cc && !printed) return undefined;
  const size = COLOPHON.size;
  const run = { role: 'body' as const, size };
  const indent = twip(size);
  const width = twip(widthPt);
  let rows = '';
  const para = (runs: string, extra: Partial<ParaProps> = {}) => paragraph({ line: twip(LINE), ind: { left: indent, right: indent }, ...extra }, runs);
  const oneCell = (p: string) => row({}, cell({ width }, p));
  if (meta.cc) {
    const t = lineText(meta.cc);
    const line: Line = [{ type: 'text', text: '抄送：', source: {} }, ...meta.cc, ...(/[。]$/.test(t) ? [] : [{ type: 'text' as const, text: '。', source: {} }])];
    // One character in; wrapped lines align after “抄送：” (§7.4.2), as the PDF sets it.
    rows += oneCell(para(lineRuns(line, run), { ind: { left: indent + twip(size * 3), right: indent, hanging: twip(size * 3) } }));
  }
  if (printed) {
    let runs = lineRuns(meta.printer, run);
    if (meta.printDate) runs += textRun('\t', run) + lineRuns([...meta.printDate, { type: 'text', text: '印发', source: {} }], run);
    rows += oneCell(para(runs, { rightTab: width - indent }));
  }
  const thick: Border = { val: 'single', size: eighthPt(COLOPHON.thick), color: '000000' };
  const thin: Border = { val: 'single', size: eighthPt(COLOPHON.thin), color: '000000' };
  const none: Border = { val: 'none', size: 0, color: 'FFFFFF' };
  const tbl = table({ width, columns: [width], jc: 'center', borders: letter ? { top: none, left: none, bottom: none, right: none, insideH: none, insideV: none } : { top: thick, left: none, bottom: thick, right: none, insideH: thin, insideV: none } }, rows);
  const lines = (meta.cc ? Math.max(1, Math.ceil(charCells(`抄送：${lineText(meta.cc)}。`) / (widthPt / size - 2))) : 0) + (printed ? 1 : 0);
  // A text box anchored to the bottom of the text block, full width, text above and below it:
  // LibreOffice 7 ignores a floating table's tblpYSpec="bottom" and a frame's yAlign="bottom" and
  // sets either after the text.
  const heightPt = (lines * twip(LINE) + 40) / 20;
  const content = tbl + anchorParagraph('');
  return textBoxParagraph({ h: { align: 'center' }, v: { align: 'bottom' }, width: widthPt, height: heightPt, content, wrap: 'topAndBottom', id: 9001, name: '版记' });
}
