// `render`: every unit below the inputs → out/<unit>/… and out/manifest.json.
// Units run one by one or on worker threads (--jobs); one failing unit never stops the others;
// the manifest is rewritten after every unit, so it always lists what is on disk.
import * as path from 'node:path';
import { error, type Diagnostic } from '../diag/diagnostic.js';
import { discoverUnits, type UnitSource } from '../data/discover.js';
import type { KindOptions } from '../kinds/kind-registry.js';
import type { DateValue } from '../data/dates.js';
import { checkUnit, type CheckedUnit } from './check.js';
import { FontBook, type FontBookOptions } from '../fonts/font-book.js';
import type { World } from '../world/world.js';
import { NameRegistry, safeFileName } from './file-names.js';
import { renderOneUnit, type Format, type ManifestEntry, type UnitRenderOptions, type UnitSummary } from './render-unit.js';
import type { WorkerTask } from './render-worker.js';

export type { Format, ManifestEntry, UnitSummary } from './render-unit.js';
export { documentDate } from './render-unit.js';

export interface RenderOptions {
  inputs: string[];
  out: string;
  only?: string[];
  formats: Format[];
  /** The project's templates/ folder (user templates override built-in ones). */
  templatesDir?: string;
  /** The project's kinds folder and default kind. */
  kinds?: KindOptions;
  /** The day the figures and R_OVERDUE are for (`--as-of`). */
  asOf?: DateValue;
  /** PDF/A (default); false writes plain PDFs. */
  pdfa?: boolean;
  /** Fonts for the PDF, loaded once (loaded on first use when absent). */
  fonts?: FontBook;
  fontOptions?: FontBookOptions;
  /** Worker threads; 1 renders in this thread. */
  jobs?: number;
  /** Render only the k-th of n deterministic slices (1-based). */
  shard?: { k: number; n: number };
  onUnit?: (u: UnitSummary, done: number, total: number, texts: ReadonlyMap<string, string>) => void;
  /** Set to stop scheduling new units (Ctrl-C); units under way finish. */
  signal?: { stopped: boolean };
}

export interface RenderSummary {
  units: UnitSummary[];
  diagnostics: Diagnostic[];
  manifest: ManifestEntry[];
  texts: Map<string, string>;
  manifestFile: string;
  interrupted: boolean;
}

/**
 * Folder names for every unit, over the whole input (not just this shard), so that shards and
 * unsharded runs name every folder alike. Reads each unit's name only.
 */
function folderNames(world: World, units: UnitSource[]): string[] {
  const claim = folderNamer();
  return units.map((u) => claim(checkUnit(world, u, new Map())));
}

/** Claims folder names in unit order; units that will fail claim none, so a broken copy never pushes a good unit to “（2）”. */
function folderNamer(): (c: CheckedUnit) => string {
  const reg = new NameRegistry();
  return (c) => {
    const name = c.ok ? c.data?.unit.name : undefined;
    return name ? reg.claim(safeFileName(name)) : '';
  };
}

/**
 * What a killed run left behind is removed: temporary files (`.name.pid.n.tmp`, see writeAtomic),
 * staging folders and swapped-out folders (`.unit.staging.pid.n`, `.unit.old.pid.n`). Only called
 * with the lock held, so no other run is using them.
 */
function removeStaleTemporaries(world: World, out: string): void {
  const walk = (dir: string, depth: number) => {
    for (const e of world.listDir(dir)) {
      const p = path.join(dir, e.name);
      if (e.isDir && /^\..+\.(staging|old)\.\d+\.\d+$/.test(e.name)) world.removeTree(p);
      else if (e.isDir) {
        if (depth < 2) walk(p, depth + 1);
      } else if (/^\..+\.\d+\.\d+\.tmp$/.test(e.name)) world.remove(p);
    }
  };
  walk(out, 0);
}

/** The lock file that keeps two runs from writing into one --out at once. */
export const LOCK_FILE = '.gongwen.lock';

/** The previous run's manifest entries (none when there is none or it cannot be read). */
function previousManifest(world: World, file: string): ManifestEntry[] {
  try {
    if (!world.exists(file)) return [];
    const files = (JSON.parse(world.readText(file)) as { files?: unknown }).files;
    return Array.isArray(files) ? (files as ManifestEntry[]).filter((f) => f && typeof f.path === 'string') : [];
  } catch {
    return [];
  }
}

export function manifestName(shard?: { k: number; n: number }): string {
  return shard && shard.n > 1 ? `manifest.shard-${shard.k}-of-${shard.n}.json` : 'manifest.json';
}

export async function render(world: World, opts: RenderOptions): Promise<RenderSummary> {
  const found = discoverUnits(world, opts.inputs, opts.kinds);
  const indices = found.units.map((_u, i) => i).filter((i) => !opts.shard || i % opts.shard.n === opts.shard.k - 1);
  const jobs = Math.max(1, opts.jobs ?? 1);
  const sequential = jobs === 1 || indices.length < 2;
  // In one thread without shards, each unit is checked once, named in order, then rendered; with
  // workers or shards every name is settled first (a shard must name the units it skips alike).
  const inOrder = sequential && !opts.shard;
  const folders = inOrder ? [] : folderNames(world, found.units);
  const texts = new Map<string, string>();
  const units: UnitSummary[] = [];
  const manifest: ManifestEntry[] = [];
  const manifestFile = path.join(opts.out, manifestName(opts.shard));
  const unitOpts: UnitRenderOptions = {
    out: opts.out,
    formats: opts.formats,
    ...(opts.only ? { only: opts.only } : {}),
    ...(opts.templatesDir ? { templatesDir: opts.templatesDir } : {}),
    ...(opts.pdfa === false ? { pdfa: false } : {}),
    ...(opts.asOf ? { asOf: opts.asOf } : {}),
  };
  const diagnostics: Diagnostic[] = [...found.diagnostics];
  // One lock per manifest: the shards of one batch may run side by side into one --out (disjoint units).
  const lockFile = path.join(opts.out, opts.shard && opts.shard.n > 1 ? `.gongwen.shard-${opts.shard.k}-of-${opts.shard.n}.lock` : LOCK_FILE);
  try {
    world.mkdirp(opts.out);
    const lock = world.lock(lockFile);
    if (!lock.taken) {
      diagnostics.push(
        error('E_WRITE', `输出目录 ${opts.out} 正被另一次 gongwen 运行使用${lock.holder ? `（进程 ${lock.holder}）` : ''}，本次未写入任何文件`, undefined, '等它结束后再运行，或换一个 --out'),
      );
      return { units: [], diagnostics, manifest: [], texts, manifestFile, interrupted: false };
    }
    removeStaleTemporaries(world, opts.out);
  } catch (e) {
    diagnostics.push(error('E_WRITE', `无法使用输出目录 ${opts.out}：${(e as Error).message}`));
    return { units: [], diagnostics, manifest: [], texts, manifestFile, interrupted: false };
  }
  try {
    return await renderLocked(world, opts, { found, indices, jobs, sequential, inOrder, folders, texts, units, manifest, manifestFile, unitOpts, diagnostics });
  } finally {
    try {
      world.remove(lockFile);
    } catch {
      // A lock left behind is taken over by the next run (its process is gone).
    }
  }
}

interface RunState {
  found: ReturnType<typeof discoverUnits>;
  indices: number[];
  jobs: number;
  sequential: boolean;
  inOrder: boolean;
  folders: string[];
  texts: Map<string, string>;
  units: UnitSummary[];
  manifest: ManifestEntry[];
  manifestFile: string;
  unitOpts: UnitRenderOptions;
  diagnostics: Diagnostic[];
}

/**
 * The manifest is rewritten as units finish, at most every quarter second, and never more than a
 * tenth of the time: at 1,000 units it lists 27,000 files (10 MB) and takes ≈150 ms to write, which
 * every quarter second had cost the batch more than its units (and the coordinating thread a core).
 * It never lists a file that is not complete on disk, and the last write after the batch lists them all.
 */
function paced(world: World, write: () => void): () => void {
  let last = 0;
  let cost = 0;
  return () => {
    if (world.now() - last <= Math.max(250, 10 * cost)) return;
    const start = world.now();
    write();
    last = world.now();
    cost = last - start;
  };
}

async function renderLocked(world: World, opts: RenderOptions, st: RunState): Promise<RenderSummary> {
  const { found, indices, jobs, sequential, inOrder, folders, texts, units, manifest, manifestFile, unitOpts, diagnostics } = st;
  // The manifest lists every output on disk: this run's, and the earlier ones still there (a unit
  // that failed keeps its previous files, a unit not in this run keeps its own).
  const earlier = previousManifest(world, manifestFile);
  const replacedDirs = new Set<string>();

  let manifestFailed = false;
  const writeManifest = () => {
    const now = new Set(manifest.map((f) => f.path));
    const kept = earlier.filter((f) => !now.has(f.path) && !replacedDirs.has(f.path.split('/')[0]!) && world.exists(path.join(opts.out, f.path)));
    const files = [...manifest, ...kept].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    try {
      world.writeAtomic(manifestFile, JSON.stringify({ generator: 'gongwen', files }, null, 2) + '\n');
    } catch (e) {
      if (!manifestFailed) diagnostics.push(error('E_WRITE', `无法写入清单 ${manifestFile}：${(e as Error).message}`));
      manifestFailed = true;
    }
  };
  const writeSoon = paced(world, writeManifest);
  const finish = (s: UnitSummary) => {
    // Source texts serve this unit's code frames only: not kept, so memory stays flat in the batch size.
    const unitTexts = new Map(s.texts);
    s.texts = [];
    units.push(s);
    manifest.push(...s.files);
    if (s.replaced && s.dir) replacedDirs.add(path.relative(opts.out, s.dir).split(path.sep)[0]!);
    writeSoon();
    opts.onUnit?.(s, units.length, indices.length, unitTexts);
  };

  if (sequential) {
    const fonts = () => (opts.fonts ??= FontBook.load(world, opts.fontOptions));
    const claim = folderNamer();
    for (const i of indices) {
      // Rendering a unit never waits on I/O: yield to the event loop so Ctrl-C is seen between units.
      await new Promise((r) => setImmediate(r));
      if (opts.signal?.stopped) break;
      const source = found.units[i]!;
      if (inOrder) {
        const unitTexts = new Map<string, string>();
        const checked = checkUnit(world, source, unitTexts, opts.asOf);
        finish(await renderOneUnit(world, source, claim(checked), unitOpts, fonts, { checked, texts: unitTexts }));
      } else finish(await renderOneUnit(world, source, folders[i]!, unitOpts, fonts));
    }
  } else {
    const { Piscina } = await import('piscina');
    const pool = new Piscina({ filename: new URL('./render-worker.js', import.meta.url).href, maxThreads: jobs, minThreads: jobs, idleTimeout: 1000 });
    try {
      // Keep at most two units per worker in flight: memory stays flat however many units there are.
      let next = 0;
      const inFlight = new Set<Promise<void>>();
      const start = (i: number) => {
        const task: WorkerTask = { cwd: world.cwd, source: found.units[i]!, folder: folders[i]!, opts: unitOpts, fontOptions: opts.fontOptions ?? {} };
        const p: Promise<void> = (pool.run(task) as Promise<UnitSummary>)
          .then(finish, (e: Error) =>
            finish({ id: found.units[i]!.id, documents: [], skipped: [], diagnostics: [error('E_INTERNAL', `渲染失败：${e.message}`)], failed: true, pages: 0, files: [], texts: [] }),
          )
          .finally(() => inFlight.delete(p));
        inFlight.add(p);
      };
      while (next < indices.length || inFlight.size) {
        while (next < indices.length && inFlight.size < jobs * 2 && !opts.signal?.stopped) start(indices[next++]!);
        if (!inFlight.size) break;
        await Promise.race(inFlight);
      }
    } finally {
      await pool.destroy();
    }
  }
  writeManifest();
  return { units, diagnostics, manifest, texts, manifestFile, interrupted: !!opts.signal?.stopped && units.length < indices.length };
}
