// `render`: every unit below the inputs → out/<unit>/<文档名>.docx and out/manifest.json.
// One failing unit never stops the others; every file is written atomically.
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { error, hasErrors, sortDiagnostics, type Diagnostic } from '../diag/diagnostic.js';
import { discoverUnits } from '../data/discover.js';
import type { UnitData } from '../data/types.js';
import { writeDocx } from '../backends/docx/write-docx.js';
import { writePdf } from '../backends/pdf/write-pdf.js';
import { lineText } from '../doc/tree.js';
import { FontBook, type FontBookOptions } from '../fonts/font-book.js';
import { layoutDocument } from '../layout/layout-document.js';
import { findTemplate } from '../template/template-store.js';
import { buildView } from '../template/view.js';
import type { World } from '../world/world.js';
import { buildDocument } from './build-document.js';
import { checkUnit } from './check.js';
import { DOC_TYPES, PACKET_DOCS, type DocInstance } from './documents.js';
import { NameRegistry, safeFileName } from './file-names.js';

export type Format = 'docx' | 'pdf';

export interface RenderOptions {
  inputs: string[];
  out: string;
  only?: string[];
  formats: Format[];
  /** The project's templates/ folder (user templates override built-in ones). */
  templatesDir?: string;
  /** Fonts for the PDF, loaded once for the whole batch (loaded on first use when absent). */
  fonts?: FontBook;
  fontOptions?: FontBookOptions;
  onUnit?: (u: UnitSummary, done: number, total: number, texts: ReadonlyMap<string, string>) => void;
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
  documents: { id: string; name: string; files: string[] }[];
  skipped: { id: string; reason: string }[];
  diagnostics: Diagnostic[];
  failed: boolean;
}

export interface RenderSummary {
  units: UnitSummary[];
  diagnostics: Diagnostic[];
  manifest: ManifestEntry[];
  texts: Map<string, string>;
}

/** Dates inside files come from the data, else SOURCE_DATE_EPOCH, else a fixed day: never the clock. */
export function documentDate(world: World, data: UnitData): Date {
  const d = data.unit.date;
  if (d && d.kind === 'date') return new Date(Date.UTC(d.year, d.month - 1, d.day));
  const epoch = Number(world.env('SOURCE_DATE_EPOCH'));
  if (Number.isFinite(epoch) && epoch > 0) return new Date(epoch * 1000);
  return new Date(Date.UTC(2000, 0, 1));
}

const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

export async function render(world: World, opts: RenderOptions): Promise<RenderSummary> {
  const found = discoverUnits(world, opts.inputs);
  const texts = new Map<string, string>();
  const manifest: ManifestEntry[] = [];
  const units: UnitSummary[] = [];
  const folders = new NameRegistry();
  const total = found.units.length;

  for (const source of found.units) {
    const checked = checkUnit(world, source, texts);
    const summary: UnitSummary = { id: source.id, documents: [], skipped: [], diagnostics: [...checked.diagnostics], failed: !checked.ok };
    units.push(summary);
    if (!checked.ok || !checked.data) {
      opts.onUnit?.(summary, units.length, total, texts);
      continue;
    }
    try {
      await renderUnit(world, opts, checked.data, summary, folders, manifest, texts);
    } catch (e) {
      // A bug or an I/O failure in one unit must not stop the batch.
      summary.diagnostics.push(error('E_INTERNAL', `渲染失败：${(e as Error).message}`, { file: source.files[0] ?? source.id, line: 1, column: 1 }));
      summary.failed = true;
    }
    summary.diagnostics = sortDiagnostics(summary.diagnostics);
    opts.onUnit?.(summary, units.length, total, texts);
  }

  manifest.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  world.mkdirp(opts.out);
  world.writeAtomic(path.join(opts.out, 'manifest.json'), JSON.stringify({ generator: 'gongwen', files: manifest }, null, 2) + '\n');
  return { units, diagnostics: found.diagnostics, manifest, texts };
}

async function renderUnit(
  world: World,
  opts: RenderOptions,
  data: UnitData,
  summary: UnitSummary,
  folders: NameRegistry,
  manifest: ManifestEntry[],
  texts: Map<string, string>,
): Promise<void> {
  summary.name = data.unit.name;
  const dirName = folders.claim(safeFileName(data.unit.name));
  const dir = path.join(opts.out, dirName);
  summary.dir = dir;
  const { view, fields } = buildView(data);
  const date = documentDate(world, data);

  // Which documents this unit gets, and why not the others.
  const instances: DocInstance[] = [];
  for (const t of DOC_TYPES) {
    if (opts.only && !opts.only.includes(t.id)) continue;
    const why = t.missing(data);
    if (why) summary.skipped.push({ id: t.id, reason: why });
    else instances.push(...t.instances(data));
  }
  // The 备案表 lists every document of the packet the unit has.
  const enclosed = DOC_TYPES.filter((t) => PACKET_DOCS.includes(t.id) && t.id !== 'filing-form' && !t.missing(data))
    .flatMap((t) => t.instances(data))
    .map((inst, i) => ({ index: i + 1, name: inst.name }));

  const names = new NameRegistry();
  const pending: { file: string; bytes: Uint8Array; inst: DocInstance; sources: string[] }[] = [];
  for (const inst of instances) {
    const template = findTemplate(world, inst.id, opts.templatesDir);
    if (!template) {
      summary.diagnostics.push(error('E_TEMPLATE', `找不到文档“${inst.id}”的模板（${inst.id}.md.hbs）`));
      continue;
    }
    texts.set(template.file, template.text);
    const built = buildDocument({ id: inst.id, template, view: { ...view, ...inst.extra(view), documents: enclosed, doc_name: inst.name }, fields });
    summary.diagnostics.push(...built.diagnostics);
    if (!built.doc || hasErrors(built.diagnostics)) continue;
    const fileBase = names.claim(safeFileName(inst.name));
    const sources = [...data.sources, template.file];
    if (opts.formats.includes('docx')) {
      const bytes = await writeDocx(built.doc, { date });
      pending.push({ file: path.join(dir, `${fileBase}.docx`), bytes, inst, sources });
    }
    if (opts.formats.includes('pdf')) {
      opts.fonts ??= FontBook.load(world, opts.fontOptions);
      const laid = layoutDocument(built.doc, opts.fonts);
      summary.diagnostics.push(...laid.diagnostics);
      if (hasErrors(laid.diagnostics)) continue;
      const m = built.doc.meta;
      const bytes = await writePdf(laid.layout, {
        title: lineText(m.title).replace(/\n/g, '') || inst.name,
        author: m.author ?? data.unit.issuer,
        subject: m.subject ?? inst.name,
        keywords: [inst.id, data.unit.name],
        date,
      });
      pending.push({ file: path.join(dir, `${fileBase}.pdf`), bytes, inst, sources });
    }
  }
  // A unit with a broken document writes nothing, so no half-rendered set is left behind.
  if (hasErrors(summary.diagnostics)) {
    summary.failed = true;
    return;
  }
  world.mkdirp(dir);
  for (const p of pending) {
    assertInside(opts.out, p.file);
    world.writeAtomic(p.file, p.bytes);
    manifest.push({
      path: path.relative(opts.out, p.file).split(path.sep).join('/'),
      sha256: sha256(p.bytes),
      bytes: p.bytes.length,
      doc: p.inst.id,
      unit: data.unit.name,
      sources: p.sources.map((s) => s.split(path.sep).join('/')),
    });
    const entry = summary.documents.find((d) => d.name === p.inst.name);
    if (entry) entry.files.push(p.file);
    else summary.documents.push({ id: p.inst.id, name: p.inst.name, files: [p.file] });
  }
}

/** Every path we write is built from sanitized names; this is the last guard. */
function assertInside(out: string, file: string): void {
  const rel = path.relative(path.resolve(out), path.resolve(file));
  if (rel.startsWith('..') || path.isAbsolute(rel)) throw new Error(`refusing to write outside --out: ${file}`);
}
