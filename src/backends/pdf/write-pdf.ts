// PagedLayout → .pdf bytes with pdf-lib: draws, never breaks lines. Fonts embedded as subsets
// (through fontkit 2), character spacing pushed as Tc, bookmarks and metadata, byte-stable.
import { createHash } from 'node:crypto';
import {
  LineCapStyle,
  PDFDocument,
  PDFName,
  TextRenderingMode,
  rgb,
  setCharacterSpacing,
  setCharacterSqueeze,
  setLineWidth,
  setStrokingRgbColor,
  setTextRenderingMode,
  type PDFFont,
  type PDFRef,
} from 'pdf-lib';
import type { Face } from '../../fonts/font-book.js';
import type { PagedLayout } from '../../layout/types.js';
import { fontkitFor } from './fontkit-adapter.js';
import { useNativeDeflate } from './native-deflate.js';

useNativeDeflate();
import { nestOutline, writeOutline, writePageLabels, type OutlineItem } from './outline.js';

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

/** A stable six-letter subset tag (ABCDEF+Name), so pdffonts shows the subsets and bytes repeat. */
function subsetTag(face: Face): string {
  const h = createHash('sha1').update(face.key).digest();
  return Array.from(h.subarray(0, 6), (b) => String.fromCharCode(65 + (b % 26))).join('');
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
  const doc = await PDFDocument.create({ updateMetadata: false });
  const allPages = parts.flatMap((p) => p.layout.pages);
  const faces = [...new Set(allPages.flatMap((p) => p.items.flatMap((it) => (it.kind === 'text' ? [it.face] : []))))];
  doc.registerFontkit(fontkitFor(faces) as never);
  const fonts = new Map<Face, PDFFont>();
  for (const f of faces) {
    const name = opts.fullFonts ? f.postscriptName : `${subsetTag(f)}+${f.postscriptName}`;
    fonts.set(f, await doc.embedFont(f.bytes, { subset: !opts.fullFonts, customName: name, features: { liga: false, clig: false, dlig: false } }));
  }

  const pageRefs: PDFRef[] = [];
  for (const p of allPages) {
    const page = doc.addPage([p.geometry.width, p.geometry.height]);
    pageRefs.push(page.ref);
    const H = p.geometry.height;
    for (const it of p.items) {
      if (it.kind === 'rule') {
        page.drawLine({ start: { x: it.x1, y: H - it.y1 }, end: { x: it.x2, y: H - it.y2 }, thickness: it.width, color: rgb(...it.color), lineCap: LineCapStyle.Butt });
        continue;
      }
      const font = fonts.get(it.face)!;
      const pre = [setCharacterSpacing(it.spacing)];
      const post = [setCharacterSpacing(0)];
      if (it.scale && it.scale !== 100) (pre.push(setCharacterSqueeze(it.scale)), post.push(setCharacterSqueeze(100)));
      if (it.bold) {
        // Faux bold as Word draws it for fonts with no bold face: fill and stroke.
        pre.push(setTextRenderingMode(TextRenderingMode.FillAndOutline), setLineWidth(it.size * 0.03), setStrokingRgbColor(...it.color));
        post.push(setTextRenderingMode(TextRenderingMode.Fill));
      }
      page.pushOperators(...pre);
      page.drawText(it.text, { x: it.x, y: H - it.y, size: it.size, font, color: rgb(...it.color) });
      page.pushOperators(...post);
    }
  }

  const flat: OutlineItem[] = [];
  let first = 0;
  for (const part of parts) {
    const at = (o: { page: number; y: number }) => ({ pageRef: pageRefs[first + o.page]!, top: part.layout.pages[o.page]!.geometry.height - o.y });
    if (opts.single) {
      for (const o of part.layout.outline) flat.push({ title: o.title, level: o.level, ...at(o) });
    } else {
      // The document's bookmark replaces its title entry; its headings go beneath it.
      flat.push({ title: part.name, level: 0, ...at({ page: 0, y: 0 }) });
      for (const o of part.layout.outline) if (o.level > 0) flat.push({ title: o.title, level: o.level, ...at(o) });
    }
    first += part.layout.pages.length;
  }
  writeOutline(doc, nestOutline(flat));
  if (!opts.single) writePageLabels(doc, parts);

  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.author) doc.setAuthor(meta.author);
  if (meta.subject) doc.setSubject(meta.subject);
  if (meta.keywords?.length) doc.setKeywords(meta.keywords);
  doc.setCreator('gongwen');
  doc.setProducer('gongwen (pdf-lib)');
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  doc.setLanguage('zh-CN');
  doc.catalog.set(PDFName.of('PageLayout'), PDFName.of('OneColumn'));
  return doc.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false });
}
