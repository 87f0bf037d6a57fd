// The PDF and OFD writers in process, read back with pdf-lib and fflate: pages and their sizes, the
// glyphs drawn per item, fonts embedded as subsets, metadata, the packet's parts, outline, page
// labels and embedded files — and the same bytes twice.
import { unzipSync, strFromU8 } from 'fflate';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFStream, PDFString, decodePDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { writePdf, writePdfParts } from '../../src/backends/pdf/write-pdf.js';
import { writeOfd, writeOfdParts } from '../../src/backends/ofd/write-ofd.js';
import { FontBook } from '../../src/fonts/font-book.js';
import { layoutDocument } from '../../src/layout/layout-document.js';
import type { PagedLayout } from '../../src/layout/types.js';
import { nodeWorld } from '../../src/world/node-world.js';
import { ROOT, exampleDocs } from '../support/examples.js';

const book = FontBook.load(nodeWorld(ROOT), { system: false });
const docs = exampleDocs().docs.filter((d) => d.unit === '上海市某某委员会');
const laid = (id: string): PagedLayout => layoutDocument(docs.find((d) => d.doc.id === id)!.doc, book).layout;
const meta = { title: '整改方案', author: '中共上海市某某委员会党组', subject: '整改方案', keywords: ['rectification-plan'], date: new Date(Date.UTC(2013, 11, 10)) };
const plan = laid('rectification-plan');
const form = laid('filing-form');

const contentOf = (page: ReturnType<PDFDocument['getPages']>[number]): string => {
  const c = page.node.get(PDFName.of('Contents'));
  const streams = c instanceof PDFArray ? c.asArray() : [c];
  return streams.map((ref) => Buffer.from(decodePDFRawStream(page.doc.context.lookup(ref) as PDFRawStream).decode()).toString('latin1')).join('\n');
};

describe('PDF writer', () => {
  it('writes every page of the layout at its size, each text item as glyphs of an embedded subset', async () => {
    const bytes = await writePdf(plan, meta);
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(pdf.getPageCount()).toBe(plan.pages.length);
    pdf.getPages().forEach((p, i) => {
      expect(p.getWidth()).toBeCloseTo(plan.pages[i]!.geometry.width, 1);
      expect(p.getHeight()).toBeCloseTo(plan.pages[i]!.geometry.height, 1);
    });
    // Page 1: one text-showing operator per text item (Tj or TJ), at least; and the red rule.
    const c = contentOf(pdf.getPages()[0]!);
    const items = plan.pages[0]!.items.filter((it) => it.kind === 'text').length;
    expect((c.match(/\b(Tj|TJ)\b/g) ?? []).length).toBeGreaterThanOrEqual(items);
    expect(c).toMatch(/\b1 0 0 rg\b|\b1 0 0 RG\b/);
    // Fonts: subsets (ABCDEF+ prefix) with their program embedded.
    const fonts = pdf.context.enumerateIndirectObjects().map(([, o]) => o).filter((o): o is PDFDict => o instanceof PDFDict && o.get(PDFName.of('Type')) === PDFName.of('FontDescriptor'));
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(String(f.get(PDFName.of('FontName')))).toMatch(/^\/[A-Z]{6}\+/);
      expect(f.get(PDFName.of('FontFile2')) ?? f.get(PDFName.of('FontFile3'))).toBeDefined();
    }
    expect(pdf.getTitle()).toBe('整改方案');
    expect(pdf.getAuthor()).toBe('中共上海市某某委员会党组');
  });

  it('labels the file PDF/A-2b in its XMP, and plain PDF when asked', async () => {
    const xmpOf = async (b: Uint8Array) => {
      const pdf = await PDFDocument.load(b, { updateMetadata: false });
      const m = pdf.catalog.lookup(PDFName.of('Metadata'));
      return m instanceof PDFStream ? Buffer.from(m instanceof PDFRawStream ? decodePDFRawStream(m).decode() : m.getContents()).toString('utf8') : '';
    };
    expect(await xmpOf(await writePdf(plan, meta))).toMatch(/pdfaid:part[^0-9]*2/);
    expect(await xmpOf(await writePdf(plan, meta, { pdfa: false }))).not.toMatch(/pdfaid:part/);
  });

  it('is byte-identical for the same layout', async () => {
    expect(Buffer.from(await writePdf(plan, meta)).equals(Buffer.from(await writePdf(plan, meta)))).toBe(true);
  });

  it('binds a packet: parts in order, a bookmark per part, page labels per part, the source files embedded', async () => {
    const scan = await PDFDocument.create();
    scan.addPage([595.28, 841.89]);
    const scanBytes = await scan.save();
    const parts = [
      { name: '备案表', layout: form },
      { name: '备案表（盖章扫描件）', scan: { pdf: await PDFDocument.load(scanBytes), bytes: scanBytes, fileName: 'scan.pdf' } },
      { name: '整改方案', layout: plan },
    ];
    const files = [{ name: 'gongwen-data.json', bytes: Buffer.from('{"a":1}'), mime: 'application/json', description: 'data' }];
    const pdf = await PDFDocument.load(await writePdfParts(parts, meta, { files }), { updateMetadata: false });
    expect(pdf.getPageCount()).toBe(form.pages.length + 1 + plan.pages.length);
    const outlines = pdf.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    const titles: string[] = [];
    for (let o = outlines.lookupMaybe(PDFName.of('First'), PDFDict); o; o = o.lookupMaybe(PDFName.of('Next'), PDFDict)) titles.push(o.lookup(PDFName.of('Title')).toString());
    expect(titles).toHaveLength(3);
    expect(pdf.catalog.get(PDFName.of('PageLabels'))).toBeDefined();
    const names = pdf.catalog.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('EmbeddedFiles'), PDFDict);
    const first = names.lookup(PDFName.of('Names'), PDFArray).lookup(0) as PDFHexString | PDFString;
    expect(first.decodeText()).toBe('gongwen-data.json');
  });
});

describe('OFD writer', () => {
  const unzip = (b: Uint8Array) => unzipSync(b);
  it('writes a page per layout page, text as TextObjects with their codes, fonts, and the document info', async () => {
    const files = unzip(await writeOfd(plan, meta));
    const doc = strFromU8(files['Doc_0/Document.xml']!);
    expect((doc.match(/<ofd:Page ID=/g) ?? []).length).toBe(plan.pages.length);
    const page1 = strFromU8(files['Doc_0/Pages/Page_0/Content.xml']!);
    const firstText = plan.pages[0]!.items.find((it) => it.kind === 'text');
    expect(firstText && firstText.kind === 'text').toBe(true);
    expect(page1).toContain('<ofd:TextObject');
    expect(page1).toContain((firstText as { text: string }).text.slice(0, 4));
    expect(strFromU8(files['OFD.xml']!)).toContain('<ofd:Title>整改方案</ofd:Title>');
    expect(Object.keys(files).some((n) => /^Doc_0\/.*\.(ttf|otf)$/i.test(n))).toBe(true);
    expect(strFromU8(files['Doc_0/PublicRes.xml']!)).toContain('<ofd:Font ');
  });

  it('carries a scanned attachment as a file of its own, reachable from the outline', async () => {
    const files = unzip(
      await writeOfdParts(
        [
          { name: '备案表', layout: form },
          { name: '扫描件', scan: { pdf: await PDFDocument.create(), bytes: Buffer.from('%PDF-1.7 scan'), fileName: 'scan.pdf' } },
        ],
        meta,
      ),
    );
    const attachments = strFromU8(files['Doc_0/Attachs/Attachments.xml']!);
    expect(attachments).toContain('Name="scan.pdf"');
    expect(strFromU8(files['Doc_0/Document.xml']!)).toMatch(/<ofd:GotoA AttachID="\d+"\/>/);
  });

  it('is byte-identical for the same layout', async () => {
    expect(Buffer.from(await writeOfd(plan, meta)).equals(Buffer.from(await writeOfd(plan, meta)))).toBe(true);
  });
});

