// One unit → its documents (.docx, .pdf, .ofd) and its filing packet (备案材料.pdf/.ofd), written
// atomically into its folder. Used by the main thread (--jobs 1) and by the worker threads alike.
// The DOCX, OFD and XLSX writers load on first use (a PDF-only run needs none of them).
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { partPages, writePdf, writePdfParts, type PacketPart } from '../backends/pdf/write-pdf.js';
import { error, hasErrors, sortDiagnostics, uniqueDiagnostics, warning, type Diagnostic } from '../diag/diagnostic.js';
import type { UnitSource } from '../data/discover.js';
import type { UnitData } from '../data/types.js';
import type { DateValue } from '../data/dates.js';
import { lineText, type DocTree } from '../doc/tree.js';
import { FontError, type FontBook } from '../fonts/font-book.js';
import type { FontRole } from '../style/gbt9704.js';
import { layoutDocument } from '../layout/layout-document.js';
import type { PagedLayout } from '../layout/types.js';
import { buildView } from '../template/view.js';
import type { World } from '../world/world.js';
import { checkUnit, type CheckedUnit } from './check.js';
import { docTypes, packetDocs as packetDocIds, type DocInstance } from './documents.js';
import { NameRegistry, safeFileName } from './file-names.js';
import { packetSourceFiles, type MadeFile } from './source-files.js';
import { buildUnitDocument, separateAnnex } from './unit-document.js';
import { findAttachments, loadAttachments, placeAttachments } from './attachments.js';
import { pdfaProblem } from './attachment-pdfa.js';

export type Format = 'docx' | 'pdf' | 'ofd' | 'xlsx';

/** The ledger workbook's file name (GB/T 9704 has no say; offices call it so). */
export const LEDGER_XLSX = '问题清单和整改台账';

export interface UnitRenderOptions {
  out: string;
  only?: string[];
  formats: Format[];
  templatesDir?: string;
  /** PDF/A (default); false writes plain PDFs. */
  pdfa?: boolean;
  /** The day the documents' figures and R_OVERDUE are for (`--as-of`); without it each document's own date. */
  asOf?: DateValue;
}

export interface ManifestEntry {
  path: string;
  sha256: string;
  bytes: number;
  doc: string;
  unit: string;
  sources: string[];
}

export interface UnitSummary {
  id: string;
  name?: string;
  dir?: string;
  documents: { id: string; name: string; files: string[]; pages?: number }[];
  skipped: { id: string; name: string; reason: string }[];
  diagnostics: Diagnostic[];
  failed: boolean;
  pages: number;
  files: ManifestEntry[];
  /** Source texts read, for code frames. */
  texts: [string, string][];
  /** The unit's folder now holds exactly `files` (the previous outputs in it are gone). */
  replaced?: boolean;
}

/** The name of the packet file and its document id in the manifest. */
export const PACKET = { id: 'filing-packet', name: '备案材料' };

/** Dates inside files come from the data, else SOURCE_DATE_EPOCH, else a fixed day: never the clock. */
export function documentDate(world: World, data: UnitData): Date {
  const d = data.unit.date;
  if (d && d.kind === 'date') return new Date(Date.UTC(d.year, d.month - 1, d.day));
  const epoch = Number(world.env('SOURCE_DATE_EPOCH'));
  if (Number.isFinite(epoch) && epoch > 0) return new Date(epoch * 1000);
  return new Date(Date.UTC(2000, 0, 1));
}

/** Font problems are reported once per thread, with the first unit that uses the fonts. */
const reported = new WeakSet<FontBook>();

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Loads, checks and renders one unit into `out/<folder>/`; never throws for bad input. */
export async function renderOneUnit(
  world: World,
  source: UnitSource,
  folder: string,
  opts: UnitRenderOptions,
  fonts: () => FontBook,
  /** The unit as the caller already checked it (with the source texts it read), to check it once. */
  pre?: { checked: CheckedUnit; texts: Map<string, string> },
): Promise<UnitSummary> {
  const texts = pre?.texts ?? new Map<string, string>();
  const checked = pre?.checked ?? checkUnit(world, source, texts, opts.asOf);
  const summary: UnitSummary = { id: source.id, documents: [], skipped: [], diagnostics: [...checked.diagnostics], failed: !checked.ok, pages: 0, files: [], texts: [] };
  if (checked.ok && checked.data) {
    try {
      await renderData(world, checked.data, folder, opts, fonts, summary, texts);
    } catch (e) {
      // A bug or an I/O failure in one unit must not stop the batch.
      const code = e instanceof FontError ? 'E_FONT' : 'E_INTERNAL';
      summary.diagnostics.push(error(code, code === 'E_FONT' ? (e as Error).message : `渲染失败：${(e as Error).message}`, { file: source.files[0] ?? source.id, line: 1, column: 1 }));
      summary.failed = true;
      summary.files = [];
    }
  }
  summary.diagnostics = sortDiagnostics(uniqueDiagnostics(summary.diagnostics));
  summary.texts = [...texts];
  return summary;
}

interface Built {
  inst: DocInstance;
  doc: DocTree;
  sources: string[];
  layout?: PagedLayout;
}

async function renderData(world: World, data: UnitData, folder: string, opts: UnitRenderOptions, fonts: () => FontBook, summary: UnitSummary, texts: Map<string, string>): Promise<void> {
  summary.name = data.unit.name;
  const dir = path.join(opts.out, folder);
  summary.dir = dir;
  const { view, fields } = buildView(data, [], opts.asOf ? { asOf: opts.asOf } : {});
  const date = documentDate(world, data);
  const pdf = opts.formats.includes('pdf');
  const ofd = opts.formats.includes('ofd');
  const ofdWriter = () => import('../backends/ofd/write-ofd.js');
  const wanted = (id: string) => !opts.only || opts.only.includes(id) || (id === 'filing-form' && opts.only.includes(PACKET.id));

  // Every document asked for; when the 备案表 or the packet is, the packet's documents too, so the
  // 备案表 can list them with their page counts.
  const instances: DocInstance[] = [];
  const inPacket = packetDocIds(data);
  for (const t of docTypes(data.kind)) {
    const why = t.missing(data);
    if (why) {
      if (wanted(t.id)) summary.skipped.push({ id: t.id, name: t.name, reason: why });
      continue;
    }
    // The packet's documents are made for the 备案表 (their page counts) and the packet only.
    if (wanted(t.id) || (wanted('filing-form') && inPacket.includes(t.id))) instances.push(...t.instances(data, opts.asOf));
  }
  const build = (inst: DocInstance, extra: Record<string, unknown>): Built | undefined => {
    const b = buildUnitDocument({ world, data, inst, view, fields, extra, templatesDir: opts.templatesDir });
    for (const t of b.templates) texts.set(t.file, t.text);
    summary.diagnostics.push(...b.diagnostics);
    if (!b.doc || hasErrors(b.diagnostics)) return undefined;
    return laidOut({ inst, doc: b.doc, sources: [...data.sources, ...new Set(b.templates.map((t) => t.file))] });
  };
  // One layout for every paged format: the PDF and the OFD show the same pages; the DOCX of a
  // document with a 版记 asks it which page that goes on.
  const laidOut = (built: Built): Built | undefined => {
    const colophon = !!(built.doc.meta.cc || built.doc.meta.printer || built.doc.meta.printDate);
    if (pdf || ofd || (colophon && opts.formats.includes('docx'))) {
      const book = fonts();
      if (book.problems.length && !reported.has(book)) {
        reported.add(book);
        for (const p of book.problems) summary.diagnostics.push(warning('W_FONT', p));
      }
      const laid = layoutDocument(built.doc, book);
      summary.diagnostics.push(...laid.diagnostics);
      if (hasErrors(laid.diagnostics)) return undefined;
      built.layout = laid.layout;
    }
    return built;
  };
  /** A document and, after it, each of its attachments bound separately as a document of its own (§7.3.7). */
  const withSeparate = (b: Built | undefined): (Built | undefined)[] =>
    !b ? [b] : [b, ...(b.doc.annexes ?? []).filter((a) => a.separate).map((a) => laidOut({ inst: { ...b.inst, name: `${b.inst.name}${a.label}（${a.name}）` }, doc: separateAnnex(b.doc, a), sources: b.sources }))];

  const others = instances.filter((i) => i.id !== 'filing-form').flatMap((i) => withSeparate(build(i, { documents: [] })));
  const formInst = instances.find((i) => i.id === 'filing-form');
  // Attachments are read when the 备案表 is made (it lists them with their page counts). One that
  // cannot be filed is reported and left out; the unit's documents are still made.
  const found = formInst && data.attachments.length ? findAttachments(world, data) : { found: [], diagnostics: [] };
  const loaded = await loadAttachments(world, found.found);
  const packetDocs = others.filter((b): b is Built => !!b && inPacket.includes(b.inst.id));
  // The packet's order: the 备案报告 when there is one, then the 备案表 (an attachment may follow it:
  // the stamped scan), then the documents filed.
  const member = (b: Built) => ({ name: b.inst.name, id: b.inst.id, built: b, ...(b.inst.id === 'issue-notice' ? { aka: ['rectification-plan', '整改方案'] } : {}) });
  const leading = packetDocs.filter((b) => b.inst.id === 'filing-report');
  const anchors = [...leading.map(member), ...(formInst ? [{ name: formInst.name, id: formInst.id, built: undefined }] : []), ...packetDocs.filter((b) => !leading.includes(b)).map(member)];
  const placed = placeAttachments(anchors, loaded.loaded);
  const attachmentProblems = [...found.diagnostics, ...loaded.diagnostics, ...placed.diagnostics];
  const enclosed = placed.order
    .filter((m) => m.attachment || m.doc!.built)
    .map((m, i) => ({ index: i + 1, name: m.doc ? m.doc.name : m.attachment!.title, pages: m.doc ? (m.doc.built!.layout?.pages.length ?? null) : m.attachment!.pdf.getPageCount() }));
  const form = formInst ? build(formInst, { documents: enclosed }) : undefined;
  // Attachment problems do not stop the unit: judged before they are added.
  const broken = hasErrors(summary.diagnostics);
  summary.diagnostics.push(...attachmentProblems);
  if (broken) {
    // A unit with a broken document writes nothing, so no half-rendered set is left behind.
    summary.failed = true;
    return;
  }

  const names = new NameRegistry();
  const docxNames = opts.formats.includes('docx') ? docxFontNames(fonts()) : {};
  const outputs: { file: string; bytes: Uint8Array; doc: string; sources: string[]; name: string; pages?: number }[] = [];
  for (const b of [form, ...others]) {
    if (!b || !wanted(b.inst.id)) continue;
    const base = names.claim(safeFileName(b.inst.name));
    if (opts.formats.includes('docx')) outputs.push({ file: `${base}.docx`, bytes: await (await import('../backends/docx/write-docx.js')).writeDocx(b.doc, { date, fontNames: docxNames, ...(b.layout?.colophonBreaks ? { colophonBreaks: b.layout.colophonBreaks } : {}) }), doc: b.inst.id, sources: b.sources, name: b.inst.name });
    if (b.layout && pdf) {
      const bytes = await writePdf(b.layout, pdfMeta(b, data, date), { pdfa: opts.pdfa !== false });
      outputs.push({ file: `${base}.pdf`, bytes, doc: b.inst.id, sources: b.sources, name: b.inst.name, pages: b.layout.pages.length });
    }
    if (b.layout && ofd) {
      const bytes = await (await ofdWriter()).writeOfd(b.layout, pdfMeta(b, data, date));
      outputs.push({ file: `${base}.ofd`, bytes, doc: b.inst.id, sources: b.sources, name: b.inst.name, pages: b.layout.pages.length });
    }
  }
  if (opts.formats.includes('xlsx') && data.problems.length && (!opts.only || opts.only.includes('problem-list'))) {
    outputs.push({ file: `${names.claim(LEDGER_XLSX)}.xlsx`, bytes: await (await import('../backends/xlsx/write-ledger.js')).writeLedgerXlsx(data, date), doc: 'problem-list', sources: data.sources, name: LEDGER_XLSX });
  }
  // The filing packet: 备案表 + 整改方案 + every 专项整治方案 + 制度建设计划, one PDF and/or one OFD (SPEC §1).
  if ((pdf || ofd) && form?.layout && wanted(PACKET.id)) {
    const made: MadeFile[] = outputs.map((o) => ({ doc: o.doc, name: o.name, file: o.file, sha256: sha256(o.bytes), bytes: o.bytes.length, ...(o.pages ? { pages: o.pages } : {}) }));
    const files = packetSourceFiles(world, data, made, loaded.loaded.map((a) => ({ title: a.title, file: a.file, sha256: sha256(a.bytes), pages: a.pdf.getPageCount() })));
    const meta = { title: `${data.unit.name}${PACKET.name}`, author: data.unit.issuer, subject: PACKET.name, keywords: [PACKET.id, data.unit.name], date };
    const sources = [...new Set([form, ...packetDocs].flatMap((b) => b.sources)), ...loaded.loaded.map((a) => a.file)];
    const layoutOf = (m: (typeof placed.order)[number]) => (m.doc!.built ?? form).layout!;
    const name = names.claim(PACKET.name);
    if (pdf) {
      const parts = placed.order.map((m): PacketPart => (m.doc ? { name: m.doc.name, layout: layoutOf(m) } : { name: m.attachment!.title, pdf: m.attachment!.pdf, bytes: m.attachment!.bytes }));
      // The packet is labelled PDF/A only when every part is: an attachment that is not keeps its
      // pages as they are, and the label goes, with a warning naming it and the reason.
      const notPdfa = opts.pdfa === false ? [] : placed.order.flatMap((m) => (m.attachment ? [{ a: m.attachment, why: pdfaProblem(m.attachment.pdf) }] : [])).filter((x) => x.why);
      for (const { a, why } of notPdfa) summary.diagnostics.push(warning('W_PDFA', `附件“${a.title}”不符合 PDF/A（${why}），备案材料.pdf 因此不标为 PDF/A`, a.span, '用扫描软件或 WPS、Acrobat 把附件另存为 PDF/A 后再生成'));
      const bytes = await writePdfParts(parts, meta, { pdfa: opts.pdfa !== false && !notPdfa.length, files });
      outputs.push({ file: `${name}.pdf`, bytes, doc: PACKET.id, sources, name: PACKET.name, pages: parts.reduce((n, p) => n + partPages(p), 0) });
    }
    if (ofd) {
      // Scanned attachments travel as OFD attachments, not pages: they are PDF content.
      const parts = placed.order.map((m) => (m.doc ? { name: m.doc.name, layout: layoutOf(m) } : { name: m.attachment!.title, file: { name: path.basename(m.attachment!.file), bytes: m.attachment!.bytes } }));
      const bytes = await (await ofdWriter()).writeOfdParts(parts, meta, { files });
      outputs.push({ file: `${name}.ofd`, bytes, doc: PACKET.id, sources, name: PACKET.name, pages: placed.order.reduce((n, m) => n + (m.doc ? layoutOf(m).pages.length : 0), 0) });
    }
  }

  // Every file is written into a staging folder beside the unit's first; only when all are there do
  // they replace the previous outputs. A write that fails (disk full, no permission) changes nothing.
  try {
    writeUnitFolder(world, opts.out, dir, outputs, !opts.only);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'ENOSPC' ? '磁盘空间不足' : err.code === 'EACCES' || err.code === 'EPERM' ? '没有写入权限' : err.code === 'EROFS' ? '文件系统只读' : err.message;
    summary.diagnostics.push(error('E_WRITE', `无法写入输出目录 ${dir}：${why}；该单位的文件保持上次生成的样子`, { file: data.sources[0] ?? dir, line: 1, column: 1 }));
    summary.failed = true;
    return;
  }
  summary.replaced = !opts.only;
  for (const o of outputs) {
    const file = path.join(dir, o.file);
    summary.files.push({
      path: path.relative(opts.out, file).split(path.sep).join('/'),
      sha256: sha256(o.bytes),
      bytes: o.bytes.length,
      doc: o.doc,
      unit: data.unit.name,
      sources: o.sources.map((s) => s.split(path.sep).join('/')),
    });
    let entry = summary.documents.find((d) => d.name === o.name);
    if (!entry) summary.documents.push((entry = { id: o.doc, name: o.name, files: [] }));
    entry.files.push(file);
    // A document's pages are counted once, whatever formats it is written in; the packet's are the
    // PDF's (the OFD carries scanned attachments as files, not pages).
    if (o.pages && entry.pages === undefined) {
      entry.pages = o.pages;
      if (o.doc !== PACKET.id) summary.pages += o.pages;
    }
  }
}

/** The DOCX names a role's font by the family of the user's face the PDF uses; else the standard name. */
function docxFontNames(book: FontBook): Partial<Record<FontRole, string>> {
  const out: Partial<Record<FontRole, string>> = {};
  for (const [role, src] of Object.entries(book.sources) as [FontRole, FontBook['sources'][FontRole]][]) if (src.tier && src.family) out[role] = src.family;
  return out;
}

function pdfMeta(b: Built, data: UnitData, date: Date) {
  const m = b.doc.meta;
  return {
    title: lineText(m.title).replace(/\n/g, '') || b.inst.name,
    author: m.author ?? data.unit.issuer,
    subject: m.subject ?? b.inst.name,
    keywords: [b.inst.id, data.unit.name],
    date,
  };
}

/**
 * Writes a unit's files through a staging folder on the same filesystem. `whole`: the unit's folder
 * becomes exactly these files (the previous folder is swapped out, then removed); otherwise (`--only`)
 * each file replaces its namesake and the others stay. On any failure the staging folder goes and the
 * unit's folder is as it was.
 */
function writeUnitFolder(world: World, out: string, dir: string, outputs: readonly { file: string; bytes: Uint8Array }[], whole: boolean): void {
  const staging = path.join(out, world.uniqueName(`.${path.basename(dir)}.staging`));
  for (const o of outputs) assertInside(out, path.join(dir, o.file));
  try {
    world.mkdirp(staging);
    for (const o of outputs) world.writeAtomic(path.join(staging, o.file), o.bytes);
  } catch (e) {
    removeQuietly(world, staging);
    throw e;
  }
  // A link where the unit's folder goes (out/某单位 → elsewhere) is replaced, never written through.
  if (world.isLink(dir)) world.remove(dir);
  if (whole) {
    const old = world.exists(dir) ? path.join(out, world.uniqueName(`.${path.basename(dir)}.old`)) : undefined;
    if (old) world.rename(dir, old);
    try {
      world.rename(staging, dir);
    } catch (e) {
      if (old) world.rename(old, dir);
      removeQuietly(world, staging);
      throw e;
    }
    if (old) removeQuietly(world, old);
    return;
  }
  world.mkdirp(dir);
  for (const o of outputs) world.rename(path.join(staging, o.file), path.join(dir, o.file));
  removeQuietly(world, staging);
}

function removeQuietly(world: World, p: string): void {
  try {
    world.removeTree(p);
  } catch {
    // Left for the next run's clean-up of stale staging folders.
  }
}

/** Every path we write is built from sanitized names; this is the last guard. */
function assertInside(out: string, file: string): void {
  const rel = path.relative(path.resolve(out), path.resolve(file));
  if (rel.startsWith('..') || path.isAbsolute(rel)) throw new Error(`refusing to write outside --out: ${file}`);
}
