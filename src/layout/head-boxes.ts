// Head and tail elements that are not plain paragraphs, as boxes: an attachment's “附件N” line, the
// 签发人 lines, the 信函格式 head, blank lines; and the red rule under the 版头 (§7.2.7).
import type { HeadPlan, LetterHeadPlan, SignerPlan } from '../compose/plan.js';

import { GRID, LETTER, RED_RULE } from '../style/gbt9704.js';
import { moveItems, type Box } from './boxes.js';
import { lineItems } from './lines-to-items.js';
import { baselineIn, natural, paragraphBoxes, styleOf, type BlockContext } from './paragraph-boxes.js';
import { RED, type PageItem } from './types.js';
import { bodyFont, textLine } from '../compose/compose-head.js';

const PITCH = GRID.linePitch;
const body = (role: 'body' | 'heading1' | 'heading2' = 'body') => styleOf(bodyFont(role));

export function headBoxes(h: HeadPlan, width: number, landscape: boolean, ctx: BlockContext): Box[] {
  switch (h.kind) {
    case 'para':
      return paragraphBoxes(h, width, landscape, ctx);
    case 'blank':
      return [{ height: h.lineHeight ?? PITCH, items: [], ...(h.keepNext ? { keepWithNext: true } : {}), landscape, pitch: h.lineHeight ?? PITCH }];
    case 'annexLabel': {
      // [发文字号] “附件N” in 3号黑体 flush left on line 1 (§7.3.7).
      const items: PageItem[] = [];
      let x = 0;
      for (const [line, role] of [
        [h.docNumber, 'body'],
        [textLine(h.label), 'heading1'],
      ] as const) {
        if (!line) continue;
        const n = natural(line, body(role), ctx);
        items.push(...lineItems(n, x, baselineIn(PITCH, GRID.bodySize)));
        x += n.width;
      }
      return [{ height: PITCH, items, keepWithNext: true, landscape, ...(h.pageBreakBefore ? { pageBreakBefore: true } : {}) }];
    }
    case 'signer':
      return signerBoxes(h, landscape, ctx);
    case 'letterHead':
      return [letterHeadBox(h, width, landscape, ctx)];
  }
}

/** The red rule 4 mm below the glyphs of the box's last line, as wide as the 版心. */
export function addRedRule(last: Box, width: number): void {
  const glyphBottom = last.height - (PITCH - GRID.bodySize) / 2;
  const y = glyphBottom + RED_RULE.gap;
  last.items.push({ kind: 'rule', x1: 0, x2: width, y1: y, y2: y, width: RED_RULE.thickness, color: RED, element: 'separator' });
  last.height = y + RED_RULE.thickness;
}

/** “签发人：” and the names right-aligned at `end`, wrapped rows from `namesAt`, the 发文字号 on the last row. */
function signerBoxes(s: SignerPlan, landscape: boolean, ctx: BlockContext): Box[] {
  const label = natural(textLine(s.label), body(), ctx);
  const baseline = baselineIn(PITCH, GRID.bodySize);
  const tag = (its: PageItem[], element: 'signer' | 'docNumber') => its.map((it) => ({ ...it, element }));
  return s.rows.map((row, r) => {
    const before = r === 0 ? s.before : 0;
    const items: PageItem[] = [];
    if (r === 0) items.push(...tag(lineItems(label, s.namesAt - label.width, before + baseline), 'signer'));
    let x = s.namesAt;
    for (const n of row) {
      const set = natural(n, body('heading2'), ctx);
      items.push(...tag(lineItems(set, x, before + baseline), 'signer'));
      x += set.width + s.gap;
    }
    if (r === s.rows.length - 1 && s.docNumber) items.push(...tag(lineItems(natural(s.docNumber, body(), ctx), s.docNumberAt, before + baseline), 'docNumber'));
    return { height: before + PITCH, items, keepWithNext: true, landscape };
  });
}

/**
 * The 信函格式 head (§10.1), one box from the 版心 top: the organ's name 30 mm below the paper's top
 * edge (above the 版心), the red double line 4 mm below it, 份号/密级/紧急程度 flush left and the
 * 发文字号 flush right under it; and the second double line 20 mm above the paper's bottom edge.
 */
function letterHeadBox(h: LetterHeadPlan, width: number, landscape: boolean, ctx: BlockContext): Box {
  const items: PageItem[] = [];
  const g = h.geometry;
  if (h.mark) {
    // A line box as high as the type: its em box from the top, the name's top edge at 30 mm.
    const font = { role: 'title' as const, size: h.mark.size, color: 'red' as const, scale: h.mark.scale };
    const [b] = paragraphBoxes({ kind: 'para', line: h.mark.line, font, align: 'center', lineHeight: h.mark.size, element: 'issuerMark' }, width, landscape, ctx);
    items.push(...moveItems(b!.items, 0, g.markTop));
  }
  const x1 = (width - LETTER.lineLength) / 2;
  const rule = (at: number, w: number): PageItem => ({ kind: 'rule', x1, x2: width - x1, y1: at, y2: at, width: w, color: RED, element: 'separator' });
  // Thick over thin under the name; thin over thick at the foot.
  items.push(rule(g.lineTop + LETTER.thick / 2, LETTER.thick), rule(g.lineEnd - LETTER.thin / 2, LETTER.thin));
  items.push(rule(g.footEnd - LETTER.thick / 2, LETTER.thick), rule(g.footEnd - LETTER.thick - LETTER.between - LETTER.thin / 2, LETTER.thin));
  const row = (line: (typeof h.rows)[number]['line'], role: 'body' | 'heading1', align: 'left' | 'right', element: 'copyNumber' | 'secrecy' | 'urgency' | 'docNumber', k: number) => {
    const [b] = paragraphBoxes({ kind: 'para', line, font: bodyFont(role), align, lineHeight: PITCH, element }, width, landscape, ctx);
    items.push(...moveItems(b!.items, 0, g.firstLine + k * PITCH));
  };
  h.rows.forEach((e, k) => row(e.line, e.role === 'heading1' ? 'heading1' : 'body', 'left', e.element as 'copyNumber', k));
  if (h.docNumber) row(h.docNumber, 'body', 'right', 'docNumber', 0);
  const lines = Math.max(h.rows.length, h.docNumber ? 1 : 0);
  return { height: lines ? g.firstLine + lines * PITCH : g.lineEnd, items, keepWithNext: true, landscape };
}
