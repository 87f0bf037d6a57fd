// DocTree → .docx bytes laid out to GB/T 9704: A4, 37/35/28/26 mm, 22 × 28 grid that holds in
// Word, WPS and LibreOffice (exact 28.95 pt lines, runs squeezed 0.25 pt, no character grid).
// The body is written as WordprocessingML text; the shared parts come from package-skeleton.ts.
import { blockWidth, composeDocument } from '../../compose/compose-document.js';
import { setCells } from '../../compose/measure-chars.js';
import { squeezePlans, type Squeezed, type Tightenings } from '../../compose/squeeze.js';
import type { BlockPlan, HeadPlan, Measure, Placed } from '../../compose/plan.js';
import { lineText, type DocTree, type Line } from '../../doc/tree.js';
import { BODY_CELL, FONT_NAMES, PAGE, PAGE_NUMBER, mm, type FontRole } from '../../style/gbt9704.js';
import { blockRecords } from './blocks.js';
import { colophonXml } from './colophon.js';
import { BODY_LINE, headRecords, letterTitleExtra } from './element-paragraphs.js';
import { para, raw, serialize, type BodyRecord } from './records.js';
import { skeleton, type Skeleton } from './package-skeleton.js';
import { twip } from './units.js';
import { esc } from '../xml-escape.js';
import { pack, zipEntries, type Packed } from '../zip-package.js';

export interface DocxOptions {
  /** Fixed date for core properties and zip entries (byte-identical output). */
  date: Date;
  /** Font names per role where the project chose its own faces (font_roles, its fonts/ folder); else the standard names. */
  fontNames?: Partial<Record<FontRole, string>>;
  /** Page breaks before the 版记 (PagedLayout.colophonBreaks), so it lands on the page our PDF puts it on. */
  colophonBreaks?: number;
  /** Elements the paged layout set tighter so a page does not end short (PagedLayout.squeezed). */
  squeezed?: Squeezed;
  /** Paragraphs whose lines the layout set tighter (PagedLayout.tightened): their runs carry the same spacing. */
  tightened?: Tightenings;
  /** The file's metadata as the PDF carries it: its author (the 发文机关) where the template names none. */
  author?: string;
}

/** Widths as Word sets them with the GB fonts: digits half a character, the autospace a quarter. */
const DOCX_MEASURE: Measure = (line) => setCells(lineText(line)) * BODY_CELL;

const PORTRAIT_MARGIN = { top: twip(PAGE.margin.top), bottom: twip(PAGE.margin.bottom), left: twip(PAGE.margin.left), right: twip(PAGE.margin.right) };
/** Landscape pages turn the sheet so the table's top is on the binding side (§8). */
const LANDSCAPE_MARGIN = { top: twip(PAGE.margin.left), bottom: twip(PAGE.margin.right), left: twip(PAGE.margin.bottom), right: twip(PAGE.margin.top) };
/** Footer distance that puts the 一字线 7 mm below the 版心 (measured, docx-notes §8). */
const FOOTER_DISTANCE = twip(mm(28)) - twip(PAGE_NUMBER.inset) - 40;

/** `titlePg`: a letter's first page shows no number (§10.1), its first-page footer is the empty one. */
function sectPr(sk: Skeleton, landscape: boolean, first: boolean, unnumbered = false, titlePg = false, start: 'nextPage' | 'evenPage' = 'nextPage'): string {
  const w = twip(PAGE.width);
  const h = twip(PAGE.height);
  const m = landscape ? LANDSCAPE_MARGIN : PORTRAIT_MARGIN;
  return (
    `<w:sectPr>${unnumbered ? sk.blankFooterRefs : landscape ? sk.landscapeFooterRefs : sk.footerRefs}${titlePg ? sk.blankFirstFooterRef : ''}${first ? '' : `<w:type w:val="${start}"/>`}` +
    `<w:pgSz w:w="${landscape ? h : w}" w:h="${landscape ? w : h}" w:orient="${landscape ? 'landscape' : 'portrait'}"/>` +
    `<w:pgMar w:top="${m.top}" w:right="${m.right}" w:bottom="${m.bottom}" w:left="${m.left}" w:header="708" w:footer="${FOOTER_DISTANCE}" w:gutter="0"/>` +
    `<w:pgNumType/>${titlePg ? '<w:titlePg/>' : ''}<w:docGrid w:linePitch="360"/></w:sectPr>`
  );
}

function coreXml(doc: DocTree, date: Date, fallbackAuthor?: string): string {
  const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const author = esc(doc.meta.author ?? fallbackAuthor ?? 'gongwen');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${esc(lineText(doc.meta.title).replace(/\n/g, ''))}</dc:title>` +
    (doc.meta.subject ? `<dc:subject>${esc(doc.meta.subject)}</dc:subject>` : '') +
    `<dc:creator>${author}</dc:creator><dc:description>${esc(doc.id)}</dc:description><cp:lastModifiedBy>${author}</cp:lastModifiedBy><cp:revision>1</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${iso}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${iso}</dcterms:modified></cp:coreProperties>`
  );
}

/**
 * The 公文 elements as custom properties (docProps/custom.xml), for the OA system and the archive
 * that read a file's properties rather than its text: 发文机关, 发文字号, 标题, 成文日期, 密级, 紧急程度, 签发人.
 */
function customXml(doc: DocTree, fallbackAuthor?: string): string {
  const m = doc.meta;
  const flat = (l: Line | undefined) => (l ? lineText(l).replace(/\n/g, '') : '');
  const props: [string, string][] = [
    ['发文机关', m.author ?? fallbackAuthor ?? ''],
    ['发文字号', flat(m.docNumber)],
    ['标题', flat(m.title)],
    ['成文日期', flat(m.date)],
    ['密级', flat(m.secrecy)],
    ['紧急程度', flat(m.urgency)],
    ['签发人', flat(m.signer)],
  ];
  const items = props.filter(([, v]) => v).map(([name, v], i) => `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${i + 2}" name="${name}"><vt:lpwstr>${esc(v)}</vt:lpwstr></property>`);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${items.join('')}</Properties>`;
}

type Part = { landscape: boolean; body: BodyRecord[]; unnumbered?: boolean; evenPage?: boolean };

/** The part the next content goes in: the last one, or a new section when it has the other orientation. */
function partFor(parts: Part[], landscape: boolean): { part: Part; newPage: boolean } {
  const last = parts[parts.length - 1]!;
  if (last.landscape === landscape) return { part: last, newPage: false };
  const part = { landscape, body: [] };
  parts.push(part);
  return { part, newPage: true };
}

/** Body blocks into the parts, a new section where the orientation changes (wide tables go landscape). */
function addBlocks(parts: Part[], blocks: readonly Placed<BlockPlan>[]): void {
  for (const b of blocks) partFor(parts, b.landscape).part.body.push(...blockRecords(b.plan, b.width));
}

/** Head or tail elements; `rule`: the index the red rule goes under; a letter head adds to the title's gap. */
function headRecordsOf(hs: readonly Placed<HeadPlan>[], rule?: number, pageBreakOk = true): BodyRecord[] {
  const out: BodyRecord[] = [];
  let extraBefore = 0;
  hs.forEach((h, i) => {
    out.push(...headRecords(h.plan, h.width, { pageBreakOk, rule: i === rule, extraBefore }));
    extraBefore = h.plan.kind === 'letterHead' ? letterTitleExtra(h.plan) : 0;
  });
  return out;
}

/**
 * The 版记 at the foot of an even page, by the reader's own pagination (§7.4.1): when it needs a page
 * of its own it is a section that starts on an even page — Word and LibreOffice put the blank page
 * before it themselves when the text ends on an even page, and print that page bare; the 版记 page
 * is unnumbered when our layout expects the blank page (§7.5). On the text's last page (an even
 * page with room) it is anchored there. A letter's needs no even page: a plain break.
 */
function addColophon(parts: Part[], xml: string, landscapeDoc: boolean, colophonBreaks: number, letter: boolean): void {
  if (colophonBreaks >= 1 && !letter) {
    parts.push({ landscape: landscapeDoc, body: [para({ line: twip(2) }), raw(xml), para({ line: twip(2) })], unnumbered: colophonBreaks >= 2, evenPage: true });
    return;
  }
  const { part, newPage } = partFor(parts, landscapeDoc);
  // A break at the top of a new section's first page is no break: a line holds that page first.
  if (newPage) part.body.push(para({ line: twip(2) }));
  else for (let i = 0; i < colophonBreaks; i++) part.body.push(para({ line: twip(2), pageBreakBefore: true }));
  part.body.push(raw(xml), para({ line: twip(2) }));
}

/** The document body: sections split by orientation, each closed by its sectPr. */
function documentXml(doc: DocTree, sk: Skeleton, colophonBreaks = 0, squeezed?: Squeezed, tightened?: Tightenings): string {
  const c = squeezePlans(composeDocument(doc, DOCX_MEASURE), squeezed, tightened);
  const parts: Part[] = [{ landscape: c.landscape, body: headRecordsOf(c.head, c.ruleAfter) }];
  addBlocks(parts, c.blocks);
  if (c.tail.length) {
    const { part, newPage } = partFor(parts, c.landscape);
    // The last paragraph of text goes with the 附件说明 and the 署名 (no 此页无正文). Word then moves
    // its last lines, as the PDF does; LibreOffice moves the whole paragraph.
    const last = part.body.at(-1);
    if (!newPage && c.keepTextWithTail && last?.kind === 'p') last.props.keepNext = true;
    part.body.push(...headRecordsOf(c.tail));
  }
  for (const a of c.annexes) {
    const landscape = a.head[0]?.landscape ?? false;
    const { part, newPage } = partFor(parts, landscape);
    part.body.push(...headRecordsOf(a.head, undefined, !newPage));
    addBlocks(parts, a.blocks);
  }
  if (c.colophon) addColophon(parts, colophonXml(c.colophon, blockWidth(c.landscape)), c.landscape, colophonBreaks, c.letter);
  const records: BodyRecord[] = [];
  let finalSect = '';
  parts.forEach((p, i) => {
    if (!p.body.length) p.body.push(para({ line: BODY_LINE }));
    const sect = sectPr(sk, p.landscape, i === 0, p.unnumbered, i === 0 && c.letter, p.evenPage ? 'evenPage' : 'nextPage');
    const last = p.body.at(-1)!;
    // A section that is not the last ends with a paragraph carrying its sectPr.
    if (i === parts.length - 1) (records.push(...p.body), (finalSect = sect));
    else if (last.kind === 'p') records.push(...p.body.slice(0, -1), { ...last, props: { ...last.props, sectPr: sect } });
    else records.push(...p.body, raw(`<w:p><w:pPr>${sect}</w:pPr></w:p>`));
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${sk.documentOpen}<w:body>${serialize(records)}${finalSect}</w:body></w:document>`;
}

const sharedPacks = new WeakMap<Skeleton, Packed[]>();
const OWN = new Set(['word/document.xml', 'docProps/core.xml', 'docProps/custom.xml']);
const TYPES = '[Content_Types].xml';
const bytesOf = (d: string | Uint8Array | ArrayBuffer): Uint8Array => (typeof d === 'string' ? Buffer.from(d, 'utf8') : d instanceof Uint8Array ? d : new Uint8Array(d));

/** The parts every document of this skeleton shares, compressed once: [Content_Types].xml first, as Word writes it. */
function sharedParts(sk: Skeleton): Packed[] {
  let shared = sharedPacks.get(sk);
  if (!shared) {
    const parts = [...sk.parts].filter(([name]) => !OWN.has(name)).sort(([a], [b]) => Number(b === TYPES) - Number(a === TYPES));
    sharedPacks.set(sk, (shared = parts.map(([name, data]) => pack({ name, data: bytesOf(data) }))));
  }
  return shared;
}

export async function writeDocx(doc: DocTree, opts: DocxOptions): Promise<Uint8Array> {
  const names = Object.fromEntries(Object.entries(opts.fontNames ?? {}).filter(([role, name]) => name && name !== FONT_NAMES[role as FontRole]));
  const sk = await skeleton(doc.meta.pageNumbers, names);
  const own = [
    { name: 'word/document.xml', data: Buffer.from(documentXml(doc, sk, opts.colophonBreaks, opts.squeezed, opts.tightened), 'utf8') },
    { name: 'docProps/core.xml', data: Buffer.from(coreXml(doc, opts.date, opts.author), 'utf8') },
    { name: 'docProps/custom.xml', data: Buffer.from(customXml(doc, opts.author), 'utf8') },
  ];
  const [types, ...rest] = sharedParts(sk);
  return zipEntries([types!, ...own, ...rest], opts.date);
}
