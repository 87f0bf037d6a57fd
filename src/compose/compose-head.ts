// The 版头 and the title block of page 1 (GB/T 9704 §7.2, §7.3.1–7.3.2) as elements: 份号 → 密级 →
// 紧急程度 → 发文机关标志 → 签发人/发文字号 → (red rule) → 标题 → 副标题 → 主送机关.
import { lineText, type DocMeta, type Line } from '../doc/tree.js';
import { BODY_CELL, GRID, ISSUER_MARK, TITLE, type FontRole } from '../style/gbt9704.js';
import { issuerMarkFit } from './issuer-mark.js';
import { letterElements, letterHead } from './letter-head.js';
import type { FontSpec, HeadPlan, LetterHeadPlan, Measure, ParaPlan, SignerPlan } from './plan.js';
import { signerNames } from './signature.js';
import { titleLines } from './title-lines.js';

const PITCH = GRID.linePitch;
export const bodyFont = (role: FontRole = 'body', bold = false): FontSpec => ({ role, size: GRID.bodySize, spacing: GRID.charSpacing, ...(bold ? { bold } : {}) });
export const textLine = (t: string): Line => [{ type: 'text', text: t, source: {} }];
const bodyPara = (p: Omit<ParaPlan, 'kind' | 'lineHeight' | 'font'> & { font?: FontSpec }): ParaPlan => ({ kind: 'para', font: bodyFont(), lineHeight: PITCH, ...p });

/** The head's elements and the index of the one the red rule goes under (none without a 标志). */
export function composeHead(meta: DocMeta, width: number, measure: Measure): { head: HeadPlan[]; ruleAfter?: number } {
  if (meta.annexOf) {
    const label: HeadPlan = { kind: 'annexLabel', label: meta.annexOf.label, pageBreakBefore: false, ...(meta.annexOf.docNumber ? { docNumber: meta.annexOf.docNumber } : {}) };
    return { head: [label, { kind: 'blank', keepNext: true }, ...titleBlock(meta, width, 0)] };
  }
  if (meta.format === 'letter') return { head: [letterHeadPlan(meta, width), ...titleBlock(meta, width, 2 * PITCH)] };
  const out: HeadPlan[] = [];
  if (meta.copyNumber) out.push(bodyPara({ line: meta.copyNumber, align: 'left', element: 'copyNumber' }));
  if (meta.secrecy) out.push(bodyPara({ line: meta.secrecy, font: bodyFont('heading1'), align: 'left', element: 'secrecy' }));
  if (meta.urgency) out.push(bodyPara({ line: meta.urgency, font: bodyFont('heading1'), align: 'left', element: 'urgency' }));
  let ruleAfter: number | undefined;
  if (meta.issuerMark) {
    const { size, scale } = issuerMarkFit(lineText(meta.issuerMark), width);
    // Top edge of the mark 35 mm below the 版心 top (§7.2.4): the glyph box sits 0.1 em below the line top.
    const before = Math.max(0, ISSUER_MARK.topFromBlock - out.length * PITCH - size * 0.1);
    out.push({ kind: 'para', line: meta.issuerMark, font: { role: 'title', size, color: 'red', scale }, align: 'center', before, lineHeight: size * 1.2, element: 'issuerMark' });
    if (meta.signer) out.push(signerPlan(meta, width, measure));
    // 发文字号: two blank lines below the mark, centred (§7.2.5).
    else if (meta.docNumber) out.push(bodyPara({ line: meta.docNumber, align: 'center', before: 2 * PITCH, element: 'docNumber' }));
    // The red rule 4 mm below the 发文字号 (or the mark), as wide as the 版心 (§7.2.7).
    ruleAfter = out.length - 1;
  } else if (meta.docNumber) {
    out.push(bodyPara({ line: meta.docNumber, align: 'right', element: 'docNumber' }));
  }
  const head = [...out, ...titleBlock(meta, width, meta.issuerMark ? 2 * PITCH : 0)];
  return ruleAfter === undefined ? { head } : { head, ruleAfter };
}

/** 标题 (2号 小标宋, centred, in a trapezoid of lines), 副标题 and 主送机关, `gap` below what is above them. */
function titleBlock(meta: DocMeta, width: number, gap: number): HeadPlan[] {
  const out: HeadPlan[] = [];
  if (meta.title) {
    const lines = titleLines(meta.title, Math.floor(width / TITLE.size));
    const line: Line = lines.flatMap((l, i) => (i ? [{ type: 'break' as const }, ...l] : l));
    const outline = { title: lineText(meta.title).replace(/\n/g, ''), level: 0 };
    out.push({ kind: 'para', line, font: { role: TITLE.role, size: TITLE.size }, align: 'center', before: gap, lineHeight: PITCH * 1.2, keepNext: true, keepLines: true, outline, element: 'title' });
  }
  if (meta.subtitle) out.push(bodyPara({ line: meta.subtitle, font: bodyFont('heading2'), align: 'center', keepNext: true, element: 'subtitle' }));
  if (meta.recipients) {
    // 主送机关: one blank line below the title, flush left, ending with a full-width colon (§7.3.2).
    const line = /[：:]$/.test(lineText(meta.recipients)) ? meta.recipients : [...meta.recipients, ...textLine('：')];
    out.push(bodyPara({ line, align: 'justify', before: PITCH, element: 'recipients' }));
  } else if (meta.title) out.push({ kind: 'blank' });
  return out;
}

/**
 * 签发人 of a 上行文 (§7.2.5–7.2.6): two blank lines below the 发文机关标志, “签发人：” in 3号仿宋 and
 * the names in 3号楷体, right-aligned one character in, two names a line, wrapped lines aligned
 * with the first name; the 发文字号 one character in from the left on the line of the last name.
 */
function signerPlan(meta: DocMeta, width: number, measure: Measure): SignerPlan {
  const names = signerNames(meta.signer!);
  const rows: Line[][] = [];
  for (let i = 0; i < names.length; i += 2) rows.push(names.slice(i, i + 2));
  const first = rows[0] ?? [];
  const firstWidth = first.reduce((w, n) => w + measure(n, 'heading2'), 0) + BODY_CELL * Math.max(0, first.length - 1);
  const end = width - BODY_CELL;
  return {
    kind: 'signer',
    label: '签发人：',
    rows,
    gap: BODY_CELL,
    namesAt: end - firstWidth,
    end,
    docNumberAt: BODY_CELL,
    before: 2 * PITCH,
    ...(meta.docNumber ? { docNumber: meta.docNumber } : {}),
  };
}

function letterHeadPlan(meta: DocMeta, width: number): LetterHeadPlan {
  const mark = meta.issuerMark ? { line: meta.issuerMark, ...issuerMarkFit(lineText(meta.issuerMark), width) } : undefined;
  return { kind: 'letterHead', geometry: letterHead(mark?.size), rows: letterElements(meta), ...(mark ? { mark } : {}), ...(meta.docNumber ? { docNumber: meta.docNumber } : {}) };
}
