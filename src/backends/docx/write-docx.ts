// DocTree → .docx bytes laid out to GB/T 9704: A4, 37/35/28/26 mm, 22 × 28 grid that holds in
// Word, WPS and LibreOffice (exact 28.95 pt lines, runs squeezed 0.25 pt, no character grid).
// The body is written as WordprocessingML text; the shared parts come from package-skeleton.ts.
import { lineText, type Annex, type Block, type DocTree, type TableNode } from '../../doc/tree.js';
import { FONT_NAMES, PAGE, PAGE_NUMBER, TABLE, TEXT_BLOCK, mm, type FontRole } from '../../style/gbt9704.js';
import { blockToXml, BODY_LINE } from './blocks.js';
import { colophonTable, headParagraphs, tailParagraphs } from './elements.js';
import { skeleton, type Skeleton } from './package-skeleton.js';
import { twip } from './units.js';
import { esc } from '../xml-escape.js';
import { paragraph } from './xml.js';
import { pack, zipEntries, type Packed } from '../zip-package.js';

export interface DocxOptions {
  /** Fixed date for core properties and zip entries (byte-identical output). */
  date: Date;
  /**
   * Font names per role when they are not the standard ones: the family names of the user's fonts
   * the PDF used, so Word on the same machine shows the same faces.
   */
  fontNames?: Partial<Record<FontRole, string>>;
  /** Page breaks before the 版记 (PagedLayout.colophonBreaks), so it lands on the page our PDF puts it on. */
  colophonBreaks?: number;
}

/**
 * The standard role names → the user's, as one replacement over every part. The names appear only
 * in w:rFonts attributes (and the font table), and the roles' standard names are distinct but for
 * 仿宋_GB2312, shared by body and heading3, which resolve alike.
 */
function renamer(names: Partial<Record<FontRole, string>> | undefined): ((xml: string) => string) | undefined {
  const map = new Map<string, string>();
  for (const [role, name] of Object.entries(names ?? {}) as [FontRole, string][]) if (name && name !== FONT_NAMES[role]) map.set(FONT_NAMES[role], name);
  if (!map.size) return undefined;
  const re = new RegExp(`(w:(?:ascii|hAnsi|eastAsia|cs|name)=")(${[...map.keys()].map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})"`, 'g');
  return (xml) => xml.replace(re, (_m, attr: string, name: string) => `${attr}${esc(map.get(name)!)}"`);
}

const PORTRAIT_MARGIN = { top: twip(PAGE.margin.top), bottom: twip(PAGE.margin.bottom), left: twip(PAGE.margin.left), right: twip(PAGE.margin.right) };
/** Landscape pages turn the sheet so the table's top is on the binding side (§8). */
const LANDSCAPE_MARGIN = { top: twip(PAGE.margin.left), bottom: twip(PAGE.margin.right), left: twip(PAGE.margin.bottom), right: twip(PAGE.margin.top) };
/** Footer distance that puts the 一字线 7 mm below the 版心 (measured, docx-notes §8). */
const FOOTER_DISTANCE = twip(mm(28)) - twip(PAGE_NUMBER.inset) - 40;

/** A table this wide goes on landscape pages of its own inside a portrait document. */
function needsLandscape(b: Block): b is TableNode {
  return b.type === 'table' && b.header.length >= TABLE.manyColumns;
}

/** `titlePg`: a letter's first page shows no number (§10.1), its first-page footer is the empty one. */
function sectPr(sk: Skeleton, landscape: boolean, first: boolean, unnumbered = false, titlePg = false): string {
  const w = twip(PAGE.width);
  const h = twip(PAGE.height);
  const m = landscape ? LANDSCAPE_MARGIN : PORTRAIT_MARGIN;
  return (
    `<w:sectPr>${unnumbered ? sk.blankFooterRefs : landscape ? sk.landscapeFooterRefs : sk.footerRefs}${titlePg ? sk.blankFirstFooterRef : ''}${first ? '' : '<w:type w:val="nextPage"/>'}` +
    `<w:pgSz w:w="${landscape ? h : w}" w:h="${landscape ? w : h}" w:orient="${landscape ? 'landscape' : 'portrait'}"/>` +
    `<w:pgMar w:top="${m.top}" w:right="${m.right}" w:bottom="${m.bottom}" w:left="${m.left}" w:header="708" w:footer="${FOOTER_DISTANCE}" w:gutter="0"/>` +
    `<w:pgNumType/>${titlePg ? '<w:titlePg/>' : ''}<w:docGrid w:linePitch="360"/></w:sectPr>`
  );
}

function coreXml(doc: DocTree, date: Date): string {
  const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const author = esc(doc.meta.author ?? 'gongwen');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${esc(lineText(doc.meta.title).replace(/\n/g, ''))}</dc:title>` +
    (doc.meta.subject ? `<dc:subject>${esc(doc.meta.subject)}</dc:subject>` : '') +
    `<dc:creator>${author}</dc:creator><dc:description>${esc(doc.id)}</dc:description><cp:lastModifiedBy>${author}</cp:lastModifiedBy><cp:revision>1</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${iso}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${iso}</dcterms:modified></cp:coreProperties>`
  );
}

type Part = { landscape: boolean; body: string[]; unnumbered?: boolean };

/** Body blocks into the parts, a new section where the orientation changes (wide tables go landscape). */
function addBlocks(parts: Part[], blocks: readonly Block[], landscapeDoc: boolean): void {
  for (const b of blocks) {
    const landscape = landscapeDoc || needsLandscape(b);
    partFor(parts, landscape).part.body.push(blockToXml(b, landscape ? TEXT_BLOCK.height : TEXT_BLOCK.width));
  }
}

/** The part the next content goes in: the last one, or a new section when it has the other orientation. */
function partFor(parts: Part[], landscape: boolean): { part: Part; newPage: boolean } {
  const last = parts[parts.length - 1]!;
  if (last.landscape === landscape) return { part: last, newPage: false };
  const part = { landscape, body: [] };
  parts.push(part);
  return { part, newPage: true };
}

/**
 * An attachment from a page of its own (§7.3.7), as the PDF sets it: “附件N” in 3号黑体 flush left on
 * line 1, a blank line, the title centred on line 3, then its body in its own orientation.
 */
function addAnnex(parts: Part[], a: Annex): void {
  const landscape = a.doc.meta.orientation === 'landscape';
  const { part, newPage } = partFor(parts, landscape);
  part.body.push(...headParagraphs({ ...a.doc.meta, annexOf: { label: a.label } }, landscape ? TEXT_BLOCK.height : TEXT_BLOCK.width, { pageBreakBefore: !newPage }));
  addBlocks(parts, a.doc.blocks, landscape);
}

/** The document body: sections split by orientation, each closed by its sectPr. */
function documentXml(doc: DocTree, sk: Skeleton, colophonBreaks = 0): string {
  const landscapeDoc = doc.meta.orientation === 'landscape';
  const parts: Part[] = [{ landscape: landscapeDoc, body: headParagraphs(doc.meta, landscapeDoc ? TEXT_BLOCK.height : TEXT_BLOCK.width) }];
  addBlocks(parts, doc.blocks, landscapeDoc);
  const tail = tailParagraphs(doc.meta, landscapeDoc ? TEXT_BLOCK.height : TEXT_BLOCK.width);
  if (tail.length) {
    const { part, newPage } = partFor(parts, landscapeDoc);
    // The last paragraph of text goes with the 附件说明 and the 署名 (no 此页无正文). Word then moves
    // its last lines, as the PDF does; LibreOffice moves the whole paragraph.
    const last = part.body.length - 1;
    const xml = part.body[last];
    if (!newPage && xml && (doc.meta.signature || doc.meta.date) && xml.startsWith('<w:p><w:pPr>') && !xml.startsWith('<w:p><w:pPr><w:keepNext/>')) part.body[last] = xml.replace('<w:p><w:pPr>', '<w:p><w:pPr><w:keepNext/>');
    part.body.push(...tail);
  }
  for (const a of doc.annexes ?? []) if (!a.separate) addAnnex(parts, a);
  const colophon = colophonTable(doc.meta, landscapeDoc ? TEXT_BLOCK.height : TEXT_BLOCK.width);
  if (colophon) {
    // The anchor paragraph of the 版记's box starts the page it is on: one or two breaks after the
    // text, the first of them a new section after a landscape attachment or before a blank page
    // (colophonBreaks 2: the blank page and the 版记 page are a section without numbers).
    const blank = colophonBreaks >= 2;
    if (blank) parts.push({ landscape: landscapeDoc, body: [], unnumbered: true });
    const { part, newPage } = blank ? { part: parts[parts.length - 1]!, newPage: true } : partFor(parts, landscapeDoc);
    const breaks = newPage ? Math.max(0, colophonBreaks - 1) : colophonBreaks;
    // A break at the top of a new section's first page is no break: a line holds that page first.
    if (newPage && breaks) part.body.push(paragraph({ line: twip(2) }, ''));
    for (let i = 0; i < breaks; i++) part.body.push(paragraph({ line: twip(2), pageBreakBefore: true }, ''));
    part.body.push(colophon, paragraph({ line: twip(2) }, ''));
  }

  let body = '';
  parts.forEach((p, i) => {
    if (!p.body.length) p.body.push(paragraph({ line: BODY_LINE }, ''));
    const sect = sectPr(sk, p.landscape, i === 0, p.unnumbered, i === 0 && doc.meta.format === 'letter');
    if (i === parts.length - 1) {
      body += p.body.join('') + sect;
      return;
    }
    // A section that is not the last ends with a paragraph carrying its sectPr.
    const lastXml = p.body[p.body.length - 1]!;
    if (lastXml.startsWith('<w:p>')) body += p.body.slice(0, -1).join('') + lastXml.replace('</w:pPr>', `${sect}</w:pPr>`);
    else body += p.body.join('') + `<w:p><w:pPr>${sect}</w:pPr></w:p>`;
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${sk.documentOpen}<w:body>${body}</w:body></w:document>`;
}

const sharedPacks = new WeakMap<Skeleton, Map<string, Packed[]>>();
const OWN = new Set(['word/document.xml', 'docProps/core.xml']);
const TYPES = '[Content_Types].xml';
const bytesOf = (d: string | Uint8Array | ArrayBuffer): Uint8Array => (typeof d === 'string' ? Buffer.from(d, 'utf8') : d instanceof Uint8Array ? d : new Uint8Array(d));

export async function writeDocx(doc: DocTree, opts: DocxOptions): Promise<Uint8Array> {
  const sk = skeleton(doc.meta.pageNumbers);
  const rename = renamer(opts.fontNames);
  const key = rename ? JSON.stringify(opts.fontNames) : '';
  let byNames = sharedPacks.get(sk);
  if (!byNames) sharedPacks.set(sk, (byNames = new Map()));
  let shared = byNames.get(key);
  if (!shared) {
    // [Content_Types].xml first, as Word writes it.
    const parts = [...sk.parts].filter(([name]) => !OWN.has(name)).sort(([a], [b]) => Number(b === TYPES) - Number(a === TYPES));
    shared = parts.map(([name, data]) => pack({ name, data: rename && name.endsWith('.xml') ? Buffer.from(rename(Buffer.from(bytesOf(data)).toString('utf8')), 'utf8') : bytesOf(data) }));
    byNames.set(key, shared);
  }
  const body = documentXml(doc, sk, opts.colophonBreaks);
  const own = [
    { name: 'word/document.xml', data: Buffer.from(rename ? rename(body) : body, 'utf8') },
    { name: 'docProps/core.xml', data: Buffer.from(coreXml(doc, opts.date), 'utf8') },
  ];
  const [types, ...rest] = shared;
  return zipEntries([types!, ...own, ...rest], opts.date);
}
