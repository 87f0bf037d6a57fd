// 版记 (§7.4) as one box, and its place: the foot of an even last page, after a blank unnumbered
// page when the text ends on an odd page or leaves no room.
import type { ColophonPlan } from '../compose/plan.js';
import { COLOPHON, GRID } from '../style/gbt9704.js';
import type { Box } from './boxes.js';
import { LANDSCAPE, PORTRAIT } from './paginate.js';
import { paragraphBoxes, type BlockContext } from './paragraph-boxes.js';
import { BLACK, type LaidPage, type PageItem } from './types.js';

/** 抄送 and 印发 lines between 0.35 mm rules, a 0.25 mm rule between them (§7.4); a letter's without rules. */
export function colophonBox(c: ColophonPlan, width: number, landscape: boolean, ctx: BlockContext): Box {
  const font = { role: 'body' as const, size: c.size };
  const para = { kind: 'para', font, lineHeight: GRID.linePitch, element: 'colophon' } as const;
  const rows: Box[][] = [];
  // Wrapped 抄送 lines align after the colon; one character in on both sides (§7.4.2).
  if (c.cc) rows.push(paragraphBoxes({ ...para, line: c.cc, align: 'left', left: c.size * 4, right: c.size, hanging: c.size * 3 }, width, landscape, ctx));
  if (c.printer || c.printDate) {
    const left = c.printer ? paragraphBoxes({ ...para, line: c.printer, align: 'left', left: c.size }, width, landscape, ctx) : [];
    const right = c.printDate ? paragraphBoxes({ ...para, line: c.printDate, align: 'right', right: c.size }, width, landscape, ctx) : [];
    rows.push([{ height: GRID.linePitch, items: [...(left[0]?.items ?? []), ...(right[0]?.items ?? [])], landscape }]);
  }
  const items: PageItem[] = [];
  let y = 0;
  const rule = (yy: number, w: number): PageItem => ({ kind: 'rule', x1: 0, x2: width, y1: yy, y2: yy, width: w, color: BLACK, element: 'colophon' });
  if (c.ruled) items.push(rule(COLOPHON.thick / 2, COLOPHON.thick));
  rows.forEach((r, k) => {
    if (k > 0) items.push(rule(y, COLOPHON.thin));
    for (const b of r) {
      items.push(...b.items.map((it) => (it.kind === 'text' ? { ...it, y: it.y + y } : it)));
      y += b.height;
    }
  });
  if (c.ruled) items.push(rule(y - COLOPHON.thick / 2, COLOPHON.thick));
  return { height: y, items, landscape };
}

/**
 * The 版记 sits at the bottom of the last page, which must be even (§7.4.1): on the last page when
 * it is even and has room, else on the next even page. A 版记 page of its own is numbered; a blank
 * page before it and the 版记 page then carry none (§7.5).
 */
export function placeColophon(pages: LaidPage[], lastY: number, box: Box, numbered: Set<number>, evenPage = true): void {
  let idx = pages.length - 1;
  // On a page of the document's orientation: after a landscape attachment, on a portrait page.
  const geom = box.landscape ? LANDSCAPE : PORTRAIT;
  const fits = pages[idx]!.geometry.landscape === box.landscape && lastY + box.height <= geom.block.height + 0.05;
  if (!(fits && (!evenPage || (idx + 1) % 2 === 0))) {
    idx++;
    pages.push({ geometry: geom, items: [] });
    numbered.add(idx);
    if (evenPage && (idx + 1) % 2 === 1) {
      idx++;
      pages.push({ geometry: geom, items: [] });
      numbered.delete(idx - 1);
      numbered.delete(idx);
    }
  }
  const page = pages[idx]!;
  const top = page.geometry.block.y + page.geometry.block.height - box.height;
  page.items.push(
    ...box.items.map((it) =>
      it.kind === 'text'
        ? { ...it, x: it.x + page.geometry.block.x, y: it.y + top }
        : { ...it, x1: it.x1 + page.geometry.block.x, x2: it.x2 + page.geometry.block.x, y1: it.y1 + top, y2: it.y2 + top },
    ),
  );
}
