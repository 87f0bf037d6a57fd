// PagedLayout → .pdf bytes: draws, never breaks lines. Fonts embedded as subsets, character spacing
// as Tc, bookmarks, page labels and metadata, PDF/A (2b, or 3b with embedded source files), byte-
// stable. pdf-lib holds the objects and writes the file; the content streams and font programs are
// ours, handed to it finished. A packet may also carry pages copied from other PDFs (attachments).
import { AFRelationship, PDFName, type PDFRef } from 'pdf-lib';
import type { EmbeddedFile } from '../../doc/file-meta.js';
import { partPages, type PacketPart } from '../../packet/packet-part.js';
import type { Face } from '../../fonts/font-book.js';
import type { PagedLayout } from '../../layout/types.js';
import { embedFont, type EmbeddedFont, type FontUse } from './embed-font.js';
import { nestOutline } from '../outline-tree.js';
import { pageLabels, writeOutline, type OutlineItem } from './outline.js';
import { collectGlyphs, pageContent } from './page-content.js';
import { PdfFile, ascii, num, type Literal } from './pdf-file.js';
import { cleanMeta, markPdfa, writeInfo, type PdfMeta } from './pdfa.js';

export type { PdfMeta } from './pdfa.js';

export interface PdfOptions {
  /** Embed whole fonts instead of subsets (tests compare the two renderings). */
  fullFonts?: boolean;
  /** PDF/A-2b, or 3b when files are embedded (default); false writes a plain PDF 1.7. */
  pdfa?: boolean;
  /** Files to embed (the packet's source data). */
  files?: EmbeddedFile[];
}

export async function writePdf(layout: PagedLayout, meta: PdfMeta, opts: PdfOptions = {}): Promise<Uint8Array> {
  return writePdfParts([{ name: meta.title, layout }], meta, { ...opts, single: true });
}

/**
 * Several documents in one PDF (the filing packet): pages in order, a bookmark per document with the
 * document's own headings beneath, and page labels that restart per document (备案表-1, 整改方案-1 …).
 */
export async function writePdfParts(parts: PacketPart[], rawMeta: PdfMeta, opts: PdfOptions & { single?: boolean } = {}): Promise<Uint8Array> {
  const meta = cleanMeta(rawMeta);
  const pdf = await PdfFile.create();
  const { doc } = pdf;

  const uses = new Map<Face, FontUse>();
  collectGlyphs(
    parts.flatMap((p) => ('layout' in p ? p.layout.pages : [])),
    uses,
  );
  const fonts = new Map<Face, { resource: string; font: EmbeddedFont }>();
  const fontDict: Record<string, PDFRef> = {};
  [...uses.values()].forEach((use, i) => {
    const id = pdf.alloc();
    fonts.set(use.face, { resource: `F${i}`, font: embedFont(pdf, id, use, opts.fullFonts) });
    fontDict[`F${i}`] = id;
  });
  const resources = pdf.add({ Font: fontDict });

  const flat: OutlineItem[] = [];
  for (const part of parts) {
    if ('layout' in part) {
      const refs = part.layout.pages.map((p) => {
        const content = pdf.alloc();
        pdf.putStream(content, {}, pageContent(p, fonts));
        return pdf.addPage([num(p.geometry.width), num(p.geometry.height)], resources, content);
      });
      const at = (o: { page: number; y: number }) => ({ page: refs[o.page]!, top: part.layout.pages[o.page]!.geometry.height - o.y });
      if (opts.single) {
        for (const o of part.layout.outline) flat.push({ title: o.title, level: o.level, ...at(o) });
      } else {
        // The document's bookmark replaces its title entry; its headings go beneath it.
        flat.push({ title: part.name, level: 0, ...at({ page: 0, y: 0 }) });
        for (const o of part.layout.outline) if (o.level > 0) flat.push({ title: o.title, level: o.level, ...at(o) });
      }
    } else {
      pdf.identify(part.scan.bytes);
      const copied = await doc.copyPages(part.scan.pdf, part.scan.pdf.getPageIndices());
      copied.forEach((page, i) => {
        // Annotations and page actions of a scanned attachment are not kept: PDF/A limits both, and
        // an archived copy should not carry links or scripts.
        for (const key of ['Annots', 'AA']) page.node.delete(PDFName.of(key));
        pdf.appendPage(page.ref, page.node);
        if (i === 0) {
          const box = page.getMediaBox();
          flat.push({ title: part.name, level: 0, page: page.ref, top: box.y + box.height });
        }
      });
    }
  }

  const catalog = doc.catalog;
  const set = (key: string, value: Literal) => catalog.set(PDFName.of(key), pdf.obj(value));
  set('PageLayout', 'OneColumn');
  set('Lang', ascii('zh-CN'));
  set('ViewerPreferences', { DisplayDocTitle: true });
  const outline = writeOutline(pdf, nestOutline(flat));
  if (outline) (set('Outlines', outline), set('PageMode', 'UseOutlines'));
  if (!opts.single)
    set(
      'PageLabels',
      pageLabels(
        pdf,
        parts.map((p) => ({ name: p.name, pages: partPages(p) })),
      ),
    );

  pdf.identify(JSON.stringify(meta));
  for (const f of opts.files ?? []) {
    pdf.identify(f.name);
    pdf.identify(f.bytes);
    await doc.attach(f.bytes, f.name, { mimeType: f.mime, description: f.description, creationDate: meta.date, modificationDate: meta.date, afRelationship: AFRelationship.Source });
  }
  pdf.ctx.trailerInfo.Info = writeInfo(pdf, meta);
  if (opts.pdfa !== false) markPdfa(pdf, catalog, meta, opts.files?.length ? 3 : 2);
  return pdf.finish();
}
