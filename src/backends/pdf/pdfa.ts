// What makes our PDFs PDF/A (ISO 19005-2/-3, GB/T 23286): the document information, the same
// values as an XMP packet (uncompressed, in the catalog), and an sRGB OutputIntent with the ICC v2
// profile shipped in assets/icc (Zlib licence). Fonts, glyphs and widths are the font embedder's part.
import type { FileMeta } from '../../doc/file-meta.js';
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import type { PDFDict, PDFRef } from 'pdf-lib';
import { packagePath } from '../../package-root.js';
import { ascii, pdfDate, text, type Literal, type PdfFile } from './pdf-file.js';

/** The document's metadata as the PDF's Info and XMP carry it. */
export type PdfMeta = FileMeta;

/** The PDF/A part a file claims: 2 (documents) or 3 (the packet, which embeds its source files). */
export type PdfaPart = 2 | 3;

/** What writes the file, in Info /Creator and /Producer and in XMP. */
const TOOL = 'gongwen';

let icc: Uint8Array | undefined;
/** The sRGB profile, read and deflated once per process from the package's assets. */
function srgbProfile(): Uint8Array {
  return (icc ??= deflateSync(readFileSync(packagePath('assets', 'icc', 'sRGB.icc'))));
}

/** Characters XML 1.0 cannot carry are dropped from metadata, in Info and XMP alike (they must agree). */
export function cleanMeta(meta: PdfMeta): PdfMeta {
  const clean = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udfff](?![\udc00-\udfff])/g, '');
  return { ...meta, title: clean(meta.title), author: meta.author && clean(meta.author), subject: meta.subject && clean(meta.subject), keywords: meta.keywords?.map(clean) };
}

/** The Info dictionary (ISO 32000 §14.3.3). */
export function writeInfo(pdf: PdfFile, meta: PdfMeta): PDFRef {
  const info: Record<string, Literal> = { Title: text(meta.title) };
  if (meta.author) info.Author = text(meta.author);
  if (meta.subject) info.Subject = text(meta.subject);
  if (meta.keywords?.length) info.Keywords = text(meta.keywords.join(' '));
  Object.assign(info, { Creator: ascii(TOOL), Producer: ascii(TOOL), CreationDate: pdfDate(meta.date), ModDate: pdfDate(meta.date) });
  return pdf.add(info);
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A UUID-shaped id from a hex hash, for xmpMM:DocumentID. */
const uuid = (h: string): string => `uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;

/** The XMP packet: pdfaid, Dublin Core, XMP basic, Adobe PDF and media management, equal to Info. */
export function xmpPacket(meta: PdfMeta, part: PdfaPart, identity: string): string {
  const date = meta.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const desc = (ns: string, uri: string, body: string[]) => `  <rdf:Description rdf:about="" xmlns:${ns}="${uri}">\n${body.map((l) => `   ${l}`).join('\n')}\n  </rdf:Description>`;
  const dc = ['<dc:format>application/pdf</dc:format>', `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${esc(meta.title)}</rdf:li></rdf:Alt></dc:title>`];
  if (meta.author) dc.push(`<dc:creator><rdf:Seq><rdf:li>${esc(meta.author)}</rdf:li></rdf:Seq></dc:creator>`);
  if (meta.subject) dc.push(`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${esc(meta.subject)}</rdf:li></rdf:Alt></dc:description>`);
  dc.push('<dc:language><rdf:Bag><rdf:li>zh-CN</rdf:li></rdf:Bag></dc:language>');
  const pdfNs = [`<pdf:Producer>${TOOL}</pdf:Producer>`];
  if (meta.keywords?.length) pdfNs.push(`<pdf:Keywords>${esc(meta.keywords.join(' '))}</pdf:Keywords>`);
  return [
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    desc('pdfaid', 'http://www.aiim.org/pdfa/ns/id/', [`<pdfaid:part>${part}</pdfaid:part>`, '<pdfaid:conformance>B</pdfaid:conformance>']),
    desc('dc', 'http://purl.org/dc/elements/1.1/', dc),
    desc('xmp', 'http://ns.adobe.com/xap/1.0/', [
      `<xmp:CreateDate>${date}</xmp:CreateDate>`,
      `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
      `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
      `<xmp:CreatorTool>${TOOL}</xmp:CreatorTool>`,
    ]),
    desc('pdf', 'http://ns.adobe.com/pdf/1.3/', pdfNs),
    desc('xmpMM', 'http://ns.adobe.com/xap/1.0/mm/', [`<xmpMM:DocumentID>${uuid(identity)}</xmpMM:DocumentID>`, `<xmpMM:InstanceID>${uuid(identity)}</xmpMM:InstanceID>`]),
    ' </rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}

/** Adds the XMP stream and the sRGB OutputIntent to the catalog. */
export function markPdfa(pdf: PdfFile, catalog: PDFDict, meta: PdfMeta, part: PdfaPart): void {
  const xmp = pdf.alloc();
  // Uncompressed, so an archive can read it without a PDF library; not part of the /ID.
  pdf.putStream(xmp, { Type: 'Metadata', Subtype: 'XML' }, Buffer.from(xmpPacket(meta, part, pdf.identity()), 'utf8'), { level: 0, identifies: false });
  const profile = pdf.alloc();
  pdf.putStream(profile, { N: 3 }, srgbProfile(), { identifies: false, deflated: true });
  const intent = pdf.add({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: ascii('sRGB IEC61966-2.1'),
    RegistryName: ascii('http://www.color.org'),
    Info: ascii('sRGB IEC61966-2.1'),
    DestOutputProfile: profile,
  });
  catalog.set(pdf.ctx.obj('Metadata'), xmp);
  catalog.set(pdf.ctx.obj('OutputIntents'), pdf.obj([intent]));
}
