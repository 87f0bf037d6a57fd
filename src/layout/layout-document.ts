// ComposedDocument + FontBook → PagedLayout, pure: the elements the compose stage planned set into
// lines and pages (GB/T 9704 as in gbt9704.md); the 版记 and page numbers placed last.
import { error, type Diagnostic } from '../diag/diagnostic.js';
import { composeDocument } from '../compose/compose-document.js';
import { blockRef, tailRef } from '../compose/squeeze.js';
import type { BlockPlan, ComposedDocument, HeadPlan, Measure, Placed } from '../compose/plan.js';
import { bodyFont } from '../compose/compose-head.js';
import type { DocTree } from '../doc/tree.js';
import type { FontBook } from '../fonts/font-book.js';
import { GRID, PAGE_NUMBER } from '../style/gbt9704.js';
import type { Box } from './boxes.js';
import type { Tightened } from '../compose/plan.js';
import { colophonBox, placeColophon } from './colophon-box.js';
import { addRedRule, headBoxes } from './head-boxes.js';
import { LANDSCAPE, PORTRAIT, paginate } from './paginate.js';
import { natural, paragraphBoxes, styleOf, type BlockContext } from './paragraph-boxes.js';
import { chartBoxes, tableBoxes } from './table-boxes.js';
import { glyphRun } from './lines-to-items.js';
import { BLACK, type LaidPage, type PagedLayout } from './types.js';

export interface LayoutResult {
  layout: PagedLayout;
  diagnostics: Diagnostic[];
}

/** More pages than any 公文 with its attachments. */
export const MAX_PAGES = 1000;

/** Widths as the PDF sets them: the fonts' own advances. */
export const measureWith =
  (ctx: BlockContext): Measure =>
  (line, role) =>
    natural(line, styleOf(bodyFont(role)), ctx).width;

function blockBoxes({ plan, width, landscape }: Placed<BlockPlan>, ctx: BlockContext): Box[] {
  switch (plan.kind) {
    case 'para':
      return paragraphBoxes(plan, width, landscape, ctx);
    case 'pagebreak':
      return [{ height: 0, items: [], pageBreakBefore: true, landscape }];
    case 'table':
      return [...tableBoxes(plan, width, landscape, ctx), { height: GRID.linePitch / 2, items: [], landscape }];
    case 'chart':
      return chartBoxes(plan, landscape, ctx);
  }
}

const placedBoxes = (hs: readonly Placed<HeadPlan>[], ctx: BlockContext): Box[][] => hs.map((h) => headBoxes(h.plan, h.width, h.landscape, ctx));

/** The document's boxes in reading order: head (with the red rule), blocks, tail, attachments. */
function documentBoxes(c: ComposedDocument, ctx: BlockContext): Box[] {
  const head = placedBoxes(c.head, ctx);
  if (c.ruleAfter !== undefined) addRedRule(head[c.ruleAfter]!.at(-1)!, c.head[c.ruleAfter]!.width);
  const boxes: Box[] = head.flat();
  const refer = (bs: Box[], ref: string) => bs.map((b) => ({ ...b, ref }));
  c.blocks.forEach((b, i) => boxes.push(...refer(blockBoxes(b, ctx), blockRef(i))));
  const tail = placedBoxes(c.tail, ctx).flatMap((bs, i) => refer(bs, tailRef(i)));
  if (c.keepTextWithTail && tail.length) {
    // The 署名 never stands on a page of its own: the last line of text goes with it.
    const lastText = [...boxes].reverse().find((b) => b.items.length > 0);
    if (lastText) lastText.keepWithNext = true;
  }
  boxes.push(...tail);
  for (const [ai, a] of c.annexes.entries()) {
    const annex = [...placedBoxes(a.head, ctx).flat(), ...a.blocks.flatMap((b, i) => refer(blockBoxes(b, ctx), blockRef(i, ai)))];
    // The outline shows the attachment as “附件N 标题”.
    const titled = annex.find((b) => b.outline?.level === 0);
    if (titled?.outline) titled.outline = { ...titled.outline, title: `${a.label}　${titled.outline.title}` };
    for (const b of annex) b.items = b.items.map((it) => ({ ...it, element: 'attachment' as const }));
    boxes.push(...annex);
  }
  return boxes;
}

export function layoutDocument(doc: DocTree, book: FontBook): LayoutResult {
  const diagnostics: Diagnostic[] = [];
  const ctx: BlockContext = { book, diagnostics };
  const composed = composeDocument(doc, measureWith(ctx));
  const boxes = documentBoxes(composed, ctx);
  const tightened: Record<string, Tightened[]> = {};
  for (const b of boxes) if (b.tight && b.ref) tightened[b.ref] = b.tight;
  const pag = paginate(boxes);
  const pages = pag.pages;
  // No official document runs to a thousand pages: a template looping over the data is stopped here.
  if (pages.length > MAX_PAGES) {
    diagnostics.push(error('E_TOO_LARGE', `文档排版后有 ${pages.length} 页，超过上限 ${MAX_PAGES} 页`, undefined, '检查模板中的循环（{{#each}}）是否重复输出了数据'));
    return { layout: { pages: [], outline: [] }, diagnostics };
  }
  const numbered = new Set(pages.map((_p, i) => i));
  const textPages = pages.length;
  const landscape = composed.landscape;
  if (composed.colophon) placeColophon(pages, pag.lastY, colophonBox(composed.colophon, (landscape ? LANDSCAPE : PORTRAIT).block.width, landscape, ctx), numbered, !composed.letter);
  // A letter's first page shows no number (§10.1).
  if (composed.letter) numbered.delete(0);
  if (doc.meta.pageNumbers) for (const i of numbered) addPageNumber(pages[i]!, i + 1, book);
  const squeezed = Object.keys(pag.squeezed).length ? { squeezed: pag.squeezed } : {};
  const tight = Object.keys(tightened).length ? { tightened } : {};
  return { layout: { pages, outline: pag.outline, ...(composed.colophon ? { colophonBreaks: pages.length - textPages } : {}), ...squeezed, ...tight }, diagnostics };
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
  const glyphs = [...text].map((ch) => face.drawnGlyph(ch.codePointAt(0)!) ?? 0);
  page.items.push({ kind: 'text', ...at, text, ...glyphRun(face, size, glyphs), face, size, spacing: 0, color: BLACK, element: 'pageNumber' });
  page.number = n;
}
