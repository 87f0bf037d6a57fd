// PagedLayout → .pdf bytes: draws, never breaks lines. Fonts embedded as subsets, character spacing
// as Tc, bookmarks, page labels and metadata, byte-stable. The file is written by our own small
// object writer: pdf-lib's object model and fontkit's glyph-decoding subsetter took ≈85% of the
// time of a document (bench/results.md), for a file structure this simple.
import type { Face } from '../../fonts/font-book.js';
import type { PagedLayout } from '../../layout/types.js';
import { embedFont, type EmbeddedFont, type FontUse } from './embed-font.js';
import { nestOutline, pageLabels, writeOutline, type OutlineItem } from './outline.js';
import { collectGlyphs, pageContent } from './page-content.js';
import { PdfFile, num, pdfDate, ref, textString } from './pdf-file.js';

export interface PdfMeta {
  title: string;
  author?: string;
  subject?: string;
  keywords?: string[];
  date: Date;
}

export interface PdfOptions {
  /** Embed whole fonts instead of subsets (tests compare the two renderings). */
  fullFonts?: boolean;
}

/** One document of a packet: its layout, the bookmark over it, and the page label prefix. */
export interface PacketPart {
  name: string;
  layout: PagedLayout;
}

export async function writePdf(layout: PagedLayout, meta: PdfMeta, opts: PdfOptions = {}): Promise<Uint8Array> {
  return writePdfParts([{ name: meta.title, layout }], meta, { ...opts, single: true });
}

/**
 * Several documents in one PDF (the filing packet): pages in order, a bookmark per document with the
 * document's own headings beneath, and page labels that restart per document (备案表-1, 整改方案-1 …).
 */
export async function writePdfParts(parts: PacketPart[], meta: PdfMeta, opts: PdfOptions & { single?: boolean } = {}): Promise<Uint8Array> {
  const pdf = new PdfFile();
  const allPages = parts.flatMap((p) => p.layout.pages);
  const catalog = pdf.alloc();
  const pagesId = pdf.alloc();
  const info = pdf.alloc();
  const resources = pdf.alloc();

  const uses = new Map<Face, FontUse>();
  collectGlyphs(allPages, uses);
  const fonts = new Map<Face, { resource: string; font: EmbeddedFont }>();
  const fontRefs: string[] = [];
  [...uses.values()].forEach((use, i) => {
    const id = pdf.alloc();
    fonts.set(use.face, { resource: `F${i}`, font: embedFont(pdf, id, use, opts.fullFonts) });
    fontRefs.push(`/F${i} ${ref(id)}`);
  });
  pdf.put(resources, `<</Font <<${fontRefs.join(' ')}>>>>`);

  const pageIds = allPages.map((p) => {
    const id = pdf.alloc();
    const content = pdf.alloc();
    pdf.putStream(content, '', pageContent(p, fonts));
    pdf.put(id, `<</Type /Page /Parent ${ref(pagesId)} /MediaBox [0 0 ${num(p.geometry.width)} ${num(p.geometry.height)}] /Resources ${ref(resources)} /Contents ${ref(content)}>>`);
    return id;
  });
  pdf.put(pagesId, `<</Type /Pages /Kids [${pageIds.map(ref).join(' ')}] /Count ${pageIds.length}>>`);

  const flat: OutlineItem[] = [];
  let first = 0;
  for (const part of parts) {
    const at = (o: { page: number; y: number }) => ({ page: pageIds[first + o.page]!, top: part.layout.pages[o.page]!.geometry.height - o.y });
    if (opts.single) {
      for (const o of part.layout.outline) flat.push({ title: o.title, level: o.level, ...at(o) });
    } else {
      // The document's bookmark replaces its title entry; its headings go beneath it.
      flat.push({ title: part.name, level: 0, ...at({ page: 0, y: 0 }) });
      for (const o of part.layout.outline) if (o.level > 0) flat.push({ title: o.title, level: o.level, ...at(o) });
    }
    first += part.layout.pages.length;
  }
  const outline = writeOutline(pdf, nestOutline(flat));

  let cat = `/Type /Catalog /Pages ${ref(pagesId)} /PageLayout /OneColumn /Lang (zh-CN) /ViewerPreferences <</DisplayDocTitle true>>`;
  if (outline) cat += ` /Outlines ${ref(outline)} /PageMode /UseOutlines`;
  if (!opts.single) cat += ` /PageLabels ${pageLabels(parts.map((p) => ({ name: p.name, pages: p.layout.pages.length })))}`;
  pdf.put(catalog, `<<${cat}>>`);

  let inf = `/Title ${textString(meta.title)}`;
  if (meta.author) inf += ` /Author ${textString(meta.author)}`;
  if (meta.subject) inf += ` /Subject ${textString(meta.subject)}`;
  if (meta.keywords?.length) inf += ` /Keywords ${textString(meta.keywords.join(' '))}`;
  inf += ` /Creator (gongwen) /Producer (gongwen) /CreationDate ${pdfDate(meta.date)} /ModDate ${pdfDate(meta.date)}`;
  pdf.put(info, `<<${inf}>>`);
  return pdf.finish(catalog, info);
}
