// DocTree + FontBook → PagedLayout, pure: the PDF engine's typesetting (GB/T 9704 as in gbt9704.md).
import { error, type Diagnostic } from '../diag/diagnostic.js';
import { lineText, type Annex, type DocMeta, type DocTree, type Line } from '../doc/tree.js';
import type { FontBook } from '../fonts/font-book.js';
import { COLOPHON, GRID, PAGE_NUMBER } from '../style/gbt9704.js';
import type { Box } from './boxes.js';
import { blockBoxes, headBoxes, paragraphBoxes, tailBoxes, type BlockContext } from './layout-blocks.js';
import { LANDSCAPE, PORTRAIT, paginate } from './paginate.js';
import { BLACK, type LaidPage, type PagedLayout, type PageItem } from './types.js';

export interface LayoutResult {
  layout: PagedLayout;
  diagnostics: Diagnostic[];
}

/** More pages than any 公文 with its attachments. */
export const MAX_PAGES = 1000;

export function layoutDocument(doc: DocTree, book: FontBook): LayoutResult {
  const diagnostics: Diagnostic[] = [];
  const ctx: BlockContext = {
    book,
    diagnostics,
    width: { portrait: PORTRAIT.block.width, landscape: LANDSCAPE.block.width },
    landscapeDoc: doc.meta.orientation === 'landscape',
  };
  const boxes: Box[] = [...headBoxes(doc.meta, ctx)];
  for (const b of doc.blocks) boxes.push(...blockBoxes(b, ctx));
  const tail = tailBoxes(doc.meta, ctx);
  if (tail.length && boxes.length) {
    // The 署名 never stands on a page of its own: the last line of text goes with it.
    const lastText = [...boxes].reverse().find((b) => b.items.length > 0);
    if (lastText) lastText.keepWithNext = true;
  }
  boxes.push(...tail);
  for (const a of doc.annexes ?? []) if (!a.separate) boxes.push(...annexBoxes(a, ctx));
  const pag = paginate(boxes);
  const pages = pag.pages;
  // No official document runs to a thousand pages: a template looping over the data is stopped here.
  if (pages.length > MAX_PAGES) {
    diagnostics.push(error('E_TOO_LARGE', `文档排版后有 ${pages.length} 页，超过上限 ${MAX_PAGES} 页`, undefined, '检查模板中的循环（{{#each}}）是否重复输出了数据'));
    return { layout: { pages: [], outline: [] }, diagnostics };
  }
  const numbered = new Set(pages.map((_p, i) => i));
  const colophon = colophonBox(doc.meta, ctx);
  const textPages = pages.length;
  const letter = doc.meta.format === 'letter';
  if (colophon) placeColophon(pages, pag.lastY, colophon, numbered, !letter);
  // A letter's first page shows no number (§10.1).
  if (letter) numbered.delete(0);
  if (doc.meta.pageNumbers) for (const i of numbered) addPageNumber(pages[i]!, i + 1, book);
  return { layout: { pages, outline: pag.outline, ...(colophon ? { colophonBreaks: pages.length - textPages } : {}) }, diagnostics };
}

/**
 * An attachment from a page of its own (§7.3.7): “附件N” in 3号黑体 flush left on line 1, its title
 * centred on line 3, then its body in its own orientation, the page numbers running on.
 */
function annexBoxes(a: Annex, ctx: BlockContext): Box[] {
  const actx: BlockContext = { ...ctx, landscapeDoc: a.doc.meta.orientation === 'landscape' };
  const boxes: Box[] = headBoxes({ ...a.doc.meta, annexOf: { label: a.label } }, actx);
  for (const b of a.doc.blocks) boxes.push(...blockBoxes(b, actx));
  boxes[0] = { ...boxes[0]!, pageBreakBefore: true };
  // The outline shows the attachment as “附件N 标题”.
  const titled = boxes.find((b) => b.outline?.level === 0);
  if (titled?.outline) titled.outline = { ...titled.outline, title: `${a.label}　${titled.outline.title}` };
  for (const b of boxes) b.items = b.items.map((it) => ({ ...it, element: 'attachment' as const }));
  return boxes;
}

/**
 * 版记: 抄送 and 印发 lines between 0.35 mm rules, a 0.25 mm rule between them (§7.4); a letter's is
 * the 抄送 alone, without rules (§10.1).
 */
function colophonBox(meta: DocMeta, ctx: BlockContext): Box | undefined {
  const letter = meta.format === 'letter';
  if (!meta.cc && (letter || (!meta.printer && !meta.printDate))) return undefined;
  const landscape = ctx.landscapeDoc;
  const width = landscape ? ctx.width.landscape : ctx.width.portrait;
  const size = COLOPHON.size;
  const style = { role: 'body' as const, size, color: BLACK };
  const rows: Box[][] = [];
  const text = (t: string): Line => [{ type: 'text', text: t, source: {} }];
  if (meta.cc) {
    const t = lineText(meta.cc);
    const line: Line = [...text('抄送：'), ...meta.cc, ...(/。$/.test(t) ? [] : text('。'))];
    // Wrapped lines align after the colon; one character in on both sides (§7.4.2).
    rows.push(paragraphBoxes({ line, style, align: 'left', left: size * 4, right: size, hanging: size * 3, landscape, width }, ctx));
  }
  if (!letter && (meta.printer || meta.printDate)) {
    const left = meta.printer ? paragraphBoxes({ line: meta.printer, style, align: 'left', left: size, landscape, width }, ctx) : [];
    const right = meta.printDate ? paragraphBoxes({ line: [...meta.printDate, ...text('印发')], style, align: 'right', right: size, landscape, width }, ctx) : [];
    const box: Box = { height: GRID.linePitch, items: [...(left[0]?.items ?? []), ...(right[0]?.items ?? [])], landscape };
    rows.push([box]);
  }
  const items: PageItem[] = [];
  let y = 0;
  const rule = (yy: number, w: number): PageItem => ({ kind: 'rule', x1: 0, x2: width, y1: yy, y2: yy, width: w, color: BLACK });
  if (!letter) items.push(rule(COLOPHON.thick / 2, COLOPHON.thick));
  rows.forEach((r, k) => {
    if (k > 0) items.push(rule(y, COLOPHON.thin));
    for (const b of r) {
      items.push(...b.items.map((it) => (it.kind === 'text' ? { ...it, y: it.y + y } : it)));
      y += b.height;
    }
  });
  if (!letter) items.push(rule(y - COLOPHON.thick / 2, COLOPHON.thick));
  return { height: y, items: items.map((it) => ({ ...it, element: 'colophon' as const })), landscape };
}

/**
 * The 版记 sits at the bottom of the last page, which must be even (§7.4.1): on the last page when
 * it is even and has room, else on the next even page. A 版记 page of its own is numbered; a blank
 * page before it and the 版记 page then carry none (§7.5).
 */
function placeColophon(pages: LaidPage[], lastY: number, box: Box, numbered: Set<number>, evenPage = true): void {
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
      it.kind === 'text' ? { ...it, x: it.x + page.geometry.block.x, y: it.y + top } : { ...it, x1: it.x1 + page.geometry.block.x, x2: it.x2 + page.geometry.block.x, y1: it.y1 + top, y2: it.y2 + top },
    ),
  );
}

/** — N — in 4号 宋体, its 一字线 7 mm below the 版心, odd pages right and even pages left, one character in (§7.5). */
function addPageNumber(page: LaidPage, n: number, book: FontBook): void {
  const face = book.roles.pageNumber;
  const size = PAGE_NUMBER.size;
  const text = `${PAGE_NUMBER.dash} ${n} ${PAGE_NUMBER.dash}`;
  const w = face.width(text, size);
  const g = page.geometry;
  const dash = face.inkBox(0x2014);
  const dashMid = (((dash.minY + dash.maxY) / 2) * size) / face.unitsPerEm;
  // Where it is on a portrait page; a landscape page is the portrait sheet turned (its table's top
  // on the sheet's left edge), so the number keeps the sheet's position and turns with it (§8).
  const p = PORTRAIT;
  const baseline = p.block.y + p.block.height + PAGE_NUMBER.below + dashMid;
  const x = n % 2 === 1 ? p.block.x + p.block.width - PAGE_NUMBER.inset - w : p.block.x + PAGE_NUMBER.inset;
  const at = g.landscape ? { x: p.height - baseline, y: x, rotated: true } : { x, y: baseline };
  page.items.push({ kind: 'text', ...at, text, face, size, spacing: 0, color: BLACK, element: 'pageNumber' });
  page.number = n;
}
