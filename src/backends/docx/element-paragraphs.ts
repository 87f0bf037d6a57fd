// Planned head and tail elements (compose/) → WordprocessingML paragraph records: the same fonts,
// places, gaps and keep rules the paged layout sets, in the terms Word and LibreOffice honour
// (exact line heights, indents in twips and characters, tab stops for places).
import type { AnnexLabelPlan, FontSpec, HeadPlan, LetterHeadPlan, ParaPlan, SignerPlan } from '../../compose/plan.js';
import { textLine } from '../../compose/compose-head.js';
import { BODY_CELL, GRID, ISSUER_MARK, LETTER, PAGE, RED_RULE } from '../../style/gbt9704.js';
import { para, raw, type BodyRecord } from './records.js';
import { lineRuns, textRun, type RunOptions } from './runs.js';
import { ANCHOR_PT, anchorParagraph, textBoxRun } from './text-box.js';
import { eighthPt, twip } from './units.js';
import { paragraph, type Jc, type ParaProps } from './xml.js';

export const BODY_LINE = twip(GRID.linePitch);
const BODY: RunOptions = { role: 'body', size: GRID.bodySize, spacing: GRID.charSpacing };
/** The red rule under the 版头 as a paragraph's bottom border (§7.2.7). */
export const RED_BORDER = { size: eighthPt(RED_RULE.thickness * 1.5), color: RED_RULE.color, space: Math.round(RED_RULE.gap) };
const JC: Record<ParaPlan['align'], Jc> = { justify: 'both', left: 'left', center: 'center', right: 'right' };

export const runOptions = (f: FontSpec): RunOptions => ({
  role: f.role,
  size: f.size,
  ...(f.spacing !== undefined ? { spacing: f.spacing } : {}),
  ...(f.bold ? { bold: true } : {}),
  ...(f.color === 'red' ? { color: ISSUER_MARK.color } : {}),
  ...(f.scale !== undefined ? { scale: f.scale } : {}),
});

/** Indents: a first line of whole characters also in *Chars, which Word prefers (docx-notes problem 3). */
function indents(p: ParaPlan): ParaProps['ind'] {
  if (p.firstIndent) return { firstLine: twip(p.firstIndent), firstLineChars: Math.round((p.firstIndent / BODY_CELL) * 100) };
  const ind: NonNullable<ParaProps['ind']> = {};
  if (p.left !== undefined) ind.left = twip(p.left);
  if (p.right !== undefined) ind.right = twip(p.right);
  if (p.prefix) ind.hanging = twip(p.left ?? 0) - twip(p.prefix.at);
  else if (p.hanging !== undefined) ind.hanging = twip(p.hanging);
  return Object.keys(ind).length ? ind : undefined;
}

/** `extraBefore`: points the DOCX needs above this element that the layout does not (after an anchor). */
export function paraRecord(p: ParaPlan, extraBefore = 0): BodyRecord {
  const ind = indents(p);
  const before = p.before !== undefined || extraBefore ? { before: twip((p.before ?? 0) + extraBefore) } : {};
  const props: ParaProps = {
    ...(p.keepNext ? { keepNext: true } : {}),
    ...(p.keepLines ? { keepLines: true } : {}),
    ...(p.pageBreakBefore ? { pageBreakBefore: true } : {}),
    ...before,
    ...(p.prefix ? { leftTab: twip(p.left ?? 0) } : {}),
    line: twip(p.lineHeight),
    ...(ind ? { ind } : {}),
    jc: JC[p.align],
  };
  const o = runOptions(p.font);
  const runs = (p.prefix ? textRun(p.prefix.text + '\t', o) : '') + lineRuns(p.line, o, p.tight);
  return para(props, runs);
}

export function headRecords(h: HeadPlan, widthPt: number, o: { pageBreakOk: boolean; rule: boolean; extraBefore?: number }): BodyRecord[] {
  switch (h.kind) {
    case 'para': {
      const r = paraRecord(h.pageBreakBefore && !o.pageBreakOk ? { ...h, pageBreakBefore: false } : h, o.extraBefore);
      if (o.rule && r.kind === 'p') r.props.borderBottom = RED_BORDER;
      return [r];
    }
    case 'blank':
      return [para({ ...(h.keepNext ? { keepNext: true } : {}), line: h.lineHeight !== undefined ? twip(h.lineHeight) : BODY_LINE })];
    case 'annexLabel':
      return [annexLabel(h, o.pageBreakOk)];
    case 'signer':
      return signerRecords(h, o.rule);
    case 'letterHead':
      return letterRecords(h, widthPt);
  }
}

/** [发文字号] “附件N” in 3号黑体 flush left on line 1 (§7.3.7); from a new page within its section. */
function annexLabel(h: AnnexLabelPlan, pageBreakOk: boolean): BodyRecord {
  const runs = lineRuns(h.docNumber, BODY) + lineRuns(textLine(h.label), { ...BODY, role: 'heading1' });
  return para({ keepNext: true, ...(h.pageBreakBefore && pageBreakOk ? { pageBreakBefore: true } : {}), line: BODY_LINE, jc: 'left' }, runs);
}

/**
 * 签发人 as the PDF sets it: “签发人：” and the names right-aligned at a right tab one character in,
 * wrapped lines aligned with the first name by a left tab; the 发文字号 one character in from the
 * left on the line of the last names; the red rule under that line.
 */
function signerRecords(s: SignerPlan, rule: boolean): BodyRecord[] {
  const names = (r: SignerPlan['rows'][number]) => r.map((n, i) => (i ? textRun('\u3000', BODY) : '') + lineRuns(n, { ...BODY, role: 'heading2' })).join('');
  return s.rows.map((r, k) => {
    const last = k === s.rows.length - 1;
    const doc = last && s.docNumber ? lineRuns(s.docNumber, BODY) : '';
    const tabs = k === 0 ? { before: twip(s.before), rightTab: twip(s.end) } : { leftTab: twip(s.namesAt) };
    const props: ParaProps = { line: BODY_LINE, jc: 'left', ind: { left: twip(s.docNumberAt) }, ...tabs, ...(last && rule ? { borderBottom: RED_BORDER } : {}) };
    return para(props, doc + textRun('\t', BODY) + (k === 0 ? textRun(s.label, BODY) : '') + names(r));
  });
}

/**
 * 信函格式 head (§10.1) where the PDF puts it: the organ's name in a text box 30 mm below the paper's
 * top edge and the two red double lines as filled rectangles, anchored to the page in one
 * paragraph; then 份号/密级/紧急程度 flush left with the 发文字号 flush right on the first line.
 */
function letterRecords(h: LetterHeadPlan, widthPt: number): BodyRecord[] {
  const g = h.geometry;
  const runs: string[] = [];
  let id = 9201;
  if (h.mark) {
    // As in the 文件 head: the glyph box sits about 0.1 em below the top of a 1.2 em line.
    const lineH = h.mark.size * 1.2;
    const content = paragraph({ line: twip(lineH), jc: 'center' }, lineRuns(h.mark.line, { role: 'title', size: h.mark.size, color: ISSUER_MARK.color, scale: h.mark.scale }));
    runs.push(
      textBoxRun({
        h: { fromPage: PAGE.margin.left },
        v: { fromPage: PAGE.margin.top + g.markTop - h.mark.size * 0.1 },
        width: widthPt,
        height: lineH,
        content,
        wrap: 'none',
        id: id++,
        name: '发文机关标志',
      }),
    );
  }
  const x = PAGE.margin.left + (widthPt - LETTER.lineLength) / 2;
  const bar = (y: number, hh: number) =>
    textBoxRun({ h: { fromPage: x }, v: { fromPage: PAGE.margin.top + y }, width: LETTER.lineLength, height: hh, fill: ISSUER_MARK.color, wrap: 'none', id: id++, name: '红色双线' });
  runs.push(bar(g.lineTop, LETTER.thick), bar(g.lineEnd - LETTER.thin, LETTER.thin));
  runs.push(bar(g.footEnd - LETTER.thick, LETTER.thick), bar(g.footEnd - LETTER.thick - LETTER.between - LETTER.thin, LETTER.thin));
  const out: BodyRecord[] = [raw(anchorParagraph(runs.join('')))];
  const n = Math.max(h.rows.length, h.docNumber ? 1 : 0);
  for (let k = 0; k < n; k++) {
    const e = h.rows[k];
    const withNumber = k === 0 && !!h.docNumber;
    const runsK = (e ? lineRuns(e.line, { ...BODY, role: e.role }) : '') + (withNumber ? textRun('\t', BODY) + lineRuns(h.docNumber, BODY) : '');
    out.push(para({ ...(k === 0 ? { before: twip(g.firstLine - ANCHOR_PT) } : {}), line: BODY_LINE, jc: 'left', ...(withNumber ? { rightTab: twip(widthPt) } : {}) }, runsK));
  }
  return out;
}

/** What the title needs above it in the DOCX beyond the plan's gap: after a letter head without element lines, the head itself. */
export function letterTitleExtra(h: LetterHeadPlan): number {
  return Math.max(h.rows.length, h.docNumber ? 1 : 0) ? 0 : h.geometry.lineEnd - ANCHOR_PT;
}
