// One unit → its documents (.docx, .pdf, .ofd), its ledger (.xlsx) and its filing packet
// (备案材料.pdf/.ofd), written atomically into its folder. Used by the main thread (--jobs 1) and by
// the worker threads alike. The stages: documents built and laid out (unit-builds.ts), the packet
// planned (packet/), files made by the writer table (unit-outputs.ts), written all or nothing
// (unit-folder.ts).
import * as path from 'node:path';
import { error, hasErrors, sortDiagnostics, uniqueDiagnostics, type Diagnostic } from '../diag/diagnostic.js';
import type { UnitSource } from '../data/discover.js';
import type { UnitData } from '../data/types.js';
import type { DateValue } from '../data/dates.js';
import { FontError, type FontBook } from '../fonts/font-book.js';
import { buildView } from '../template/view.js';
import type { Format } from '../backends/writers.js';
import { findAttachments, loadAttachments } from '../packet/attachments.js';
import { PACKET, planPacket } from '../packet/packet-plan.js';
import type { World } from '../world/world.js';
import { checkUnit, type CheckedUnit } from './check.js';
import { packetDocs } from './documents.js';
import { NameRegistry } from './file-names.js';
import { buildOne, unitInstances, wantedBy, withSeparate, type Built, type BuildContext } from './unit-builds.js';
import { manifestEntry, writeFailure, writeUnitFolder, type ManifestEntry, type Output } from './unit-folder.js';
import { documentOutputs, packetOutputs, type OutputContext } from './unit-outputs.js';

export type { Format } from '../backends/writers.js';
export type { ManifestEntry } from './unit-folder.js';
export { LEDGER_XLSX } from './unit-outputs.js';
export { PACKET } from '../packet/packet-plan.js';

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

/** Dates inside files come from the data, else SOURCE_DATE_EPOCH, else a fixed day: never the clock. */
export function documentDate(world: World, data: UnitData): Date {
  const d = data.unit.date;
  if (d && d.kind === 'date') return new Date(Date.UTC(d.year, d.month - 1, d.day));
  const epoch = Number(world.env('SOURCE_DATE_EPOCH'));
  if (Number.isFinite(epoch) && epoch > 0) return new Date(epoch * 1000);
  return new Date(Date.UTC(2000, 0, 1));
}

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

async function renderData(world: World, data: UnitData, folder: string, opts: UnitRenderOptions, fonts: () => FontBook, summary: UnitSummary, texts: Map<string, string>): Promise<void> {
  summary.name = data.unit.name;
  const dir = path.join(opts.out, folder);
  summary.dir = dir;
  const { view, fields } = buildView(data, [], opts.asOf ? { asOf: opts.asOf } : {});
  const ctx: BuildContext = { world, data, view, fields, formats: opts.formats, templatesDir: opts.templatesDir, fonts, diagnostics: summary.diagnostics, texts };
  const { instances, skipped } = unitInstances(data, opts.only, opts.asOf);
  summary.skipped.push(...skipped);
  const others = instances.filter((i) => i.id !== 'filing-form').flatMap((i) => withSeparate(ctx, buildOne(ctx, i, { documents: [] })));
  const formInst = instances.find((i) => i.id === 'filing-form');
  // Attachments are read when the 备案表 is made (it lists them with their page counts). One that
  // cannot be filed is reported and left out; the unit's documents are still made.
  const found = formInst && data.attachments.length ? findAttachments(world, data) : { found: [], diagnostics: [] };
  const loaded = await loadAttachments(world, found.found);
  const inPacket = packetDocs(data);
  const filed = others.filter((b): b is Built => !!b && inPacket.includes(b.inst.id));
  const plan = planPacket(filed, formInst, loaded.loaded);
  const form = formInst ? buildOne(ctx, formInst, { documents: plan.enclosed }) : undefined;
  // Attachment problems do not stop the unit: judged before they are added.
  const broken = hasErrors(summary.diagnostics);
  summary.diagnostics.push(...found.diagnostics, ...loaded.diagnostics, ...plan.diagnostics);
  // A unit with a broken document writes nothing, so no half-rendered set is left behind.
  if (broken) return void (summary.failed = true);

  const wanted = wantedBy(opts.only);
  const octx: OutputContext = {
    world,
    data,
    formats: opts.formats,
    date: documentDate(world, data),
    pdfa: opts.pdfa !== false,
    wanted,
    ledger: !opts.only || opts.only.includes('problem-list'),
    fonts,
    names: new NameRegistry(),
    diagnostics: summary.diagnostics,
  };
  const outputs = await documentOutputs(octx, [form, ...others]);
  if (form) outputs.push(...(await packetOutputs(octx, plan, form, filed, outputs, loaded.loaded)));
  // Every file is written into a staging folder beside the unit's first; only when all are there do
  // they replace the previous outputs. A write that fails (disk full, no permission) changes nothing.
  try {
    writeUnitFolder(world, opts.out, dir, outputs, !opts.only);
  } catch (e) {
    summary.diagnostics.push(error('E_WRITE', `无法写入输出目录 ${dir}：${writeFailure(e)}；该单位的文件保持上次生成的样子`, { file: data.sources[0] ?? dir, line: 1, column: 1 }));
    summary.failed = true;
    return;
  }
  summary.replaced = !opts.only;
  record(summary, opts.out, dir, data.unit.name, outputs);
}

/** The files into the summary: manifest entries, and per document its files and pages. */
function record(summary: UnitSummary, out: string, dir: string, unit: string, outputs: readonly Output[]): void {
  for (const o of outputs) {
    summary.files.push(manifestEntry(out, dir, unit, o));
    let entry = summary.documents.find((d) => d.name === o.name);
    if (!entry) summary.documents.push((entry = { id: o.doc, name: o.name, files: [] }));
    entry.files.push(path.join(dir, o.file));
    // A document's pages are counted once, whatever formats it is written in; the packet's are the
    // PDF's (the OFD carries scanned attachments as files, not pages).
    if (o.pages && entry.pages === undefined) {
      entry.pages = o.pages;
      if (o.doc !== PACKET.id) summary.pages += o.pages;
    }
  }
}
