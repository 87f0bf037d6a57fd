// PagedLayout → .ofd (GB/T 33190-2016): the same pages, lines and positions as the PDF, from the
// same layout. The package as Annex A gives it — OFD.xml (DocInfo), Doc_0/Document.xml (CommonData,
// Pages, Outlines, CustomTags, Attachments), PublicRes.xml with the fonts as standalone subsets, one
// Content.xml per page — every element with the `ofd:` prefix and in schema order, one ID space
// within MaxUnitID, a plain deflated zip with UTF-8 names and fixed dates (reruns are byte-identical).
import { createHash } from 'node:crypto';
import type { PagedLayout } from '../../layout/types.js';
import { PACKAGE_VERSION } from '../../package-root.js';
import { nestOutline, type Nested } from '../outline-tree.js';
import type { EmbeddedFile, FileMeta as PdfMeta } from '../../doc/file-meta.js';
import type { PacketPart } from '../../packet/packet-part.js';
import { esc } from '../xml-escape.js';
import { pack, packAway, zipEntries, type Packed, type ZipEntry } from '../zip-package.js';
import { ofdFonts } from './ofd-fonts.js';
import { pageXml } from './ofd-page.js';
import { TAG_FILE, customTagsXml, elementValues, tagFileXml, type TagRef, type TaggedDocument } from './ofd-tags.js';
import { XML_DECL, len, root, xsDate, xsDateTime } from './ofd-xml.js';

/** One part of a packet: a document we laid out, or a file (a scanned attachment) carried as an OFD attachment. */

export interface OfdOptions {
  /** Files the package carries as attachments (the packet's source data). */
  files?: EmbeddedFile[];
}

/** 公文 elements DocInfo repeats as CustomData, under the names a 电子公文 system uses. */
const CUSTOM_DATA: [keyof ReturnType<typeof elementValues>, string][] = [
  ['issuerMark', '发文机关标志'],
  ['docNumber', '发文字号'],
  ['title', '标题'],
  ['recipients', '主送机关'],
  ['signature', '署名'],
  ['date', '成文日期'],
  ['secrecy', '密级和保密期限'],
  ['urgency', '紧急程度'],
  ['copyNumber', '份号'],
];

export function writeOfd(layout: PagedLayout, meta: PdfMeta, opts: OfdOptions = {}): Promise<Uint8Array> {
  return writeOfdParts([{ name: meta.title, layout }], meta, { ...opts, single: true });
}

interface OutlineEntry {
  title: string;
  level: number;
  page?: number;
  top?: number;
  attach?: number;
}

/**
 * Several documents in one OFD (the filing packet): their pages in order, an outline entry per
 * document with its headings beneath, and scanned attachments as OFD attachments (their pages are
 * PDF content, which OFD pages cannot carry without re-drawing them), each reachable from its
 * outline entry.
 */
export async function writeOfdParts(parts: PacketPart[], meta: PdfMeta, opts: OfdOptions & { single?: boolean } = {}): Promise<Uint8Array> {
  let last = 0;
  const nextId = () => ++last;
  const laid = parts.flatMap((p) => ('layout' in p ? p.layout.pages : []));
  const fonts = ofdFonts(laid, nextId);
  // The font programs, the bulk of the package, deflate on other threads while the pages are written.
  const fontsPacked = fonts.files.map((f) => packAway({ name: `Doc_0/${f.name}`, data: f.data, level: 1 }));

  const entries: ZipEntry[] = [];
  const pageRefs: string[] = [];
  const outline: OutlineEntry[] = [];
  const tagged: TaggedDocument[] = [];
  const attachments: string[] = [];
  const docEntries: ZipEntry[] = [];
  const hash = createHash('md5');
  let pageIndex = 0;
  const attach = (name: string, bytes: Uint8Array, format: string, usage?: string): number => {
    const id = nextId();
    const loc = `file_${id}.${format}`;
    // Attached files (scans, which are compressed already) are stored with the quickest deflate.
    docEntries.push({ name: `Attachs/${loc}`, data: bytes, level: 1 });
    hash.update(name).update(bytes);
    attachments.push(
      `<ofd:Attachment ID="${id}" Name="${esc(name)}" Format="${format}" CreationDate="${xsDateTime(meta.date)}" Size="${Math.round((bytes.length / 1024) * 1000) / 1000}"${usage ? ` Usage="${usage}"` : ''}><ofd:FileLoc>${loc}</ofd:FileLoc></ofd:Attachment>`,
    );
    return id;
  };

  for (const part of parts) {
    if (!('layout' in part)) {
      const id = attach(part.scan.fileName, part.scan.bytes, 'pdf');
      outline.push({ title: part.name, level: 0, attach: id });
      continue;
    }
    const refs: TagRef[] = [];
    const pageIds: number[] = [];
    for (const page of part.layout.pages) {
      const id = nextId();
      pageIds.push(id);
      const loc = `Pages/Page_${pageIndex++}/Content.xml`;
      const xml = pageXml(page, fonts.ids, { next: nextId }, (t) => refs.push({ ...t, page: id }));
      hash.update(xml);
      docEntries.push({ name: loc, data: Buffer.from(xml, 'utf8') });
      pageRefs.push(`<ofd:Page ID="${id}" BaseLoc="${loc}"/>`);
    }
    tagged.push({ name: part.name, refs });
    outline.push(...partOutline(part.name, part.layout.outline, pageIds, !!opts.single));
  }
  for (const f of opts.files ?? []) attach(f.name, f.bytes, extensionOf(f.name), 'Source');

  const first = laid[0]?.geometry ?? { width: 595.28, height: 841.89 };
  const tags = tagged.some((d) => d.refs.length);
  const document = documentXml(last, first, pageRefs, outline, tags, attachments.length > 0);

  hash.update(JSON.stringify({ ...meta, date: meta.date.toISOString() }));
  const docId = hash.digest('hex');
  const values = opts.single ? elementValues(tagged[0]?.refs ?? []) : {};
  const custom = CUSTOM_DATA.filter(([e]) => values[e]).map(([e, name]) => `<ofd:CustomData Name="${name}">${esc(values[e]!)}</ofd:CustomData>`);
  const info = docInfoXml(meta, docId, custom);
  const ofd = `${XML_DECL}${root('OFD', ' Version="1.0" DocType="OFD"')}<ofd:DocBody><ofd:DocInfo>${info}</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>\n`;

  entries.push({ name: 'OFD.xml', data: Buffer.from(ofd, 'utf8') });
  entries.push({ name: 'Doc_0/Document.xml', data: Buffer.from(document, 'utf8') });
  entries.push({ name: 'Doc_0/PublicRes.xml', data: Buffer.from(fonts.resXml, 'utf8') });
  if (tags) {
    entries.push({ name: 'Doc_0/Tags/CustomTags.xml', data: Buffer.from(customTagsXml(), 'utf8') });
    entries.push({ name: `Doc_0/Tags/${TAG_FILE}`, data: Buffer.from(tagFileXml(tagged), 'utf8') });
  }
  if (attachments.length) entries.push({ name: 'Doc_0/Attachs/Attachments.xml', data: Buffer.from(`${XML_DECL}${root('Attachments')}${attachments.join('')}</ofd:Attachments>\n`, 'utf8') });
  for (const e of docEntries) entries.push({ ...e, name: `Doc_0/${e.name}` });
  // XML deflates nearly as well at level 1 (+1 % here) in a third of the time.
  const packed: Packed[] = [...entries.map((e) => pack({ level: 1, ...e })), ...(await Promise.all(fontsPacked))];
  return zipEntries(packed, meta.date);
}

function outlineXml(e: Nested<OutlineEntry>): string {
  const goto = e.attach !== undefined ? `<ofd:GotoA AttachID="${e.attach}"/>` : `<ofd:Goto><ofd:Dest Type="XYZ" PageID="${e.page}" Left="0" Top="${len(e.top ?? 0)}"/></ofd:Goto>`;
  // Documents open to their headings; headings with sub-headings start closed, as in the PDF.
  const expanded = e.level > 0 && e.children.length ? ' Expanded="false"' : '';
  return `<ofd:OutlineElem Title="${esc(e.title)}"${expanded}><ofd:Actions><ofd:Action Event="CLICK">${goto}</ofd:Action></ofd:Actions>${e.children.map(outlineXml).join('')}</ofd:OutlineElem>`;
}

/** OFD.xml's DocInfo (GB/T 33190 §7.4): id, title, author, dates, usage, keywords, creator, the 公文 elements as CustomData. */
function docInfoXml(meta: PdfMeta, docId: string, custom: string[]): string {
  return [
    `<ofd:DocID>${docId}</ofd:DocID>`,
    `<ofd:Title>${esc(meta.title)}</ofd:Title>`,
    meta.author ? `<ofd:Author>${esc(meta.author)}</ofd:Author>` : '',
    meta.subject ? `<ofd:Subject>${esc(meta.subject)}</ofd:Subject>` : '',
    `<ofd:CreationDate>${xsDate(meta.date)}</ofd:CreationDate>`,
    `<ofd:ModDate>${xsDate(meta.date)}</ofd:ModDate>`,
    // GB/T 33190 §7.4 DocUsage: Normal, EBook, ENewsPaper, EMagzine — a 公文 is Normal.
    '<ofd:DocUsage>Normal</ofd:DocUsage>',
    meta.keywords?.length ? `<ofd:Keywords>${meta.keywords.map((k) => `<ofd:Keyword>${esc(k)}</ofd:Keyword>`).join('')}</ofd:Keywords>` : '',
    '<ofd:Creator>gongwen</ofd:Creator>',
    `<ofd:CreatorVersion>${PACKAGE_VERSION}</ofd:CreatorVersion>`,
    custom.length ? `<ofd:CustomDatas>${custom.join('')}</ofd:CustomDatas>` : '',
  ].join('');
}

/** Doc_0/Document.xml: the page area, the pages, the outline, viewer preferences, tags and attachments. */
function documentXml(maxId: number, first: { width: number; height: number }, pageRefs: string[], outline: OutlineEntry[], tags: boolean, attached: boolean): string {
  return [
    XML_DECL,
    root('Document'),
    `<ofd:CommonData><ofd:MaxUnitID>${maxId}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 ${len(first.width)} ${len(first.height)}</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>`,
    `<ofd:Pages>${pageRefs.join('')}</ofd:Pages>`,
    outline.length ? `<ofd:Outlines>${nestOutline(outline).map(outlineXml).join('')}</ofd:Outlines>` : '',
    `<ofd:VPreferences><ofd:PageMode>${outline.length ? 'UseOutlines' : 'None'}</ofd:PageMode><ofd:PageLayout>OneColumn</ofd:PageLayout><ofd:TabDisplay>DocTitle</ofd:TabDisplay></ofd:VPreferences>`,
    tags ? '<ofd:CustomTags>Tags/CustomTags.xml</ofd:CustomTags>' : '',
    attached ? '<ofd:Attachments>Attachs/Attachments.xml</ofd:Attachments>' : '',
    '</ofd:Document>\n',
  ].join('');
}

/** An attachment's format: its extension, lower case (bin when it has none). */
const extensionOf = (name: string): string =>
  name
    .split('.')
    .pop()!
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '') || 'bin';

/** A document's outline entries: its own, or (in a packet) its name with its headings beneath it. */
function partOutline(name: string, entries: readonly { title: string; level: number; page: number; y: number }[], pageIds: readonly number[], single: boolean): OutlineEntry[] {
  const at = (o: { page: number; y: number }) => ({ page: pageIds[o.page]!, top: o.y });
  if (single) return entries.map((o) => ({ title: o.title, level: o.level, ...at(o) }));
  // The document's entry replaces its title's; its headings go beneath it.
  return [{ title: name, level: 0, ...at({ page: 0, y: 0 }) }, ...entries.filter((o) => o.level > 0).map((o) => ({ title: o.title, level: o.level, ...at(o) }))];
}
