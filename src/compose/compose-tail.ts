// After the text (GB/T 9704 §7.3.4–7.3.6, §7.4): 附件说明, 署名 and 成文日期, 附注 as elements, and the
// 版记's lines.
import { lineText, type DocMeta, type Line } from '../doc/tree.js';
import { BODY_CELL, COLOPHON, GRID } from '../style/gbt9704.js';
import { attachmentNoteItems } from './attachment-note.js';
import { bodyFont, textLine } from './compose-head.js';
import type { ColophonPlan, HeadPlan, Measure } from './plan.js';
import { signatureGap, signaturePlace } from './signature.js';

const PITCH = GRID.linePitch;

export function composeTail(meta: DocMeta, width: number, measure: Measure): HeadPlan[] {
  const out: HeadPlan[] = [];
  const para = { kind: 'para', font: bodyFont(), lineHeight: PITCH, align: 'left' } as const;
  // 附件说明: one blank line below the body; each name at a fixed place, its wrapped lines under it,
  // kept with the 署名 below (it is part of the text the 署名 stays with: no 此页无正文).
  const signed = !!(meta.signature || meta.date);
  const items = attachmentNoteItems(meta);
  items.forEach((it, i) => {
    const nameAt = it.nameAt * BODY_CELL;
    const keepNext = signed || i < items.length - 1;
    out.push({
      ...para,
      line: it.name,
      left: nameAt,
      prefix: { text: it.prefix, at: it.start * BODY_CELL },
      ...(i === 0 ? { before: PITCH } : {}),
      ...(keepNext ? { keepNext } : {}),
      element: 'attachmentNote',
    });
  });
  if (signed) {
    const widthOf = (l: Line | undefined) => (l ? measure(l, 'body') : 0);
    const at = signaturePlace({ signature: widthOf(meta.signature), date: widthOf(meta.date), width, cell: BODY_CELL, sealed: meta.sealed });
    // Blank lines, the 署名, the date: kept together, and with the last line of text above.
    for (let k = 0; k < signatureGap(meta.sealed); k++) out.push({ kind: 'blank', keepNext: true });
    if (meta.signature) out.push({ ...para, line: meta.signature, left: at.signature, ...(meta.date || meta.note ? { keepNext: true } : {}), element: 'signature' });
    if (meta.date) out.push({ ...para, line: meta.date, left: at.date, ...(meta.note ? { keepNext: true } : {}), element: 'date' });
  }
  if (meta.note) {
    // 附注: the line below the date, indented two characters, in parentheses (§7.3.6).
    const line = /^[（(]/.test(lineText(meta.note)) ? meta.note : [...textLine('（'), ...meta.note, ...textLine('）')];
    out.push({ ...para, line, firstIndent: 2 * BODY_CELL, element: 'note' });
  }
  return out;
}

/** 版记 (§7.4.2): “抄送：…。” and “印发机关 … 印发日期印发”; a letter's is the 抄送 alone, without rules (§10.1). */
export function composeColophon(meta: DocMeta): ColophonPlan | undefined {
  const letter = meta.format === 'letter';
  const printed = !letter && !!(meta.printer || meta.printDate);
  if (!meta.cc && !printed) return undefined;
  const plan: ColophonPlan = { size: COLOPHON.size, ruled: !letter };
  if (meta.cc) plan.cc = [...textLine('抄送：'), ...meta.cc, ...(/。$/.test(lineText(meta.cc)) ? [] : textLine('。'))];
  if (printed && meta.printer) plan.printer = meta.printer;
  if (printed && meta.printDate) plan.printDate = [...meta.printDate, ...textLine('印发')];
  return plan;
}
