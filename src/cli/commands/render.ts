// `gongwen render`: units → documents, ledgers and packets under --out, with progress, a summary table and the manifest.
import { UsageError, args, printDiagnostics, readConfig, fontOptions, parseFormats, asOfDay } from '../command-kit.js';
import { nodeWorld } from '../../world/node-world.js';

export async function run(rest: string[]): Promise<number> {
  const [{ render }, { PACKET }, { Progress, summaryTable, unsuccessful }] = await Promise.all([import('../../api/render.js'), import('../../api/render-unit.js'), import('../progress.js')]);
  const { values, positionals } = args(rest, {
    out: { type: 'string', short: 'o' },
    only: { type: 'string' },
    format: { type: 'string' },
    'no-system-fonts': { type: 'boolean', default: false },
    fonts: { type: 'string' },
    templates: { type: 'string' },
    jobs: { type: 'string', short: 'j' },
    shard: { type: 'string' },
    'no-pdfa': { type: 'boolean', default: false },
    'as-of': { type: 'string' },
  });
  const world = nodeWorld();
  // gongwen.yaml gives the defaults; options on the command line win.
  const { config, problems } = await readConfig(world);
  // Without --as-of each document states the status on its own date, so reruns are byte-identical.
  const asOf = await asOfDay(values['as-of'], config);
  for (const p of problems) process.stderr.write(`警告：${p}\n`);
  const formats = await parseFormats(values.format ?? config.formats?.join(',') ?? 'docx,pdf');
  const only = values.only
    ? String(values.only)
        .split(',')
        .map((s) => s.trim())
    : undefined;
  const kinds = (await import('../config.js')).kindOptions(config);
  if (only) {
    // The default kind's documents first: every kind is parsed only for an id that is not one of them.
    const { loadKinds } = await import('../../kinds/kind-registry.js');
    const registry = loadKinds(world, kinds);
    const known = new Set([PACKET.id, ...(registry.resolve(registry.defaultKind)?.documents.map((d) => d.id) ?? [])]);
    if (only.some((id) => !known.has(id))) {
      const ids = [...new Set([...registry.kinds.flatMap((k) => k.documents.map((d) => d.id)), PACKET.id])];
      for (const id of only) if (!ids.includes(id)) throw new UsageError(`未知的文档“${id}”（可用：${ids.join('、')}）`);
    }
  }
  const jobs = Number(values.jobs ?? config.jobs ?? 1);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) throw new UsageError('--jobs 应为 1 到 256 的整数');
  let shard: { k: number; n: number } | undefined;
  if (values.shard) {
    const m = /^(\d+)\/(\d+)$/.exec(String(values.shard));
    if (!m || +m[1]! < 1 || +m[1]! > +m[2]!) throw new UsageError('--shard 应写作 k/n，例如 2/8');
    shard = { k: +m[1]!, n: +m[2]! };
  }
  const inputs = positionals.length ? positionals : (config.data ?? ['data']);
  const out = String(values.out ?? config.out ?? 'out');
  const progress = new Progress(process.stderr, !!process.stderr.isTTY);
  const { signal, release } = interruptible(progress);
  const summary = await render(world, {
    inputs,
    out,
    ...(only ? { only } : {}),
    formats,
    templatesDir: String(values.templates ?? config.templates ?? 'templates'),
    kinds,
    ...(asOf ? { asOf } : {}),
    ...(values['no-pdfa'] ? { pdfa: false } : {}),
    fontOptions: fontOptions(values, config),
    jobs,
    ...(shard ? { shard } : {}),
    signal,
    onUnit: (u, done, total, texts) => {
      if (u.diagnostics.length) {
        progress.clear();
        printDiagnostics(u.diagnostics, texts);
      }
      progress.unit(u, done, total);
    },
  });
  release();
  printDiagnostics(summary.diagnostics, summary.texts);
  const units = report(summary, world, unsuccessful, summaryTable);
  const failed = units.filter(unsuccessful);
  if (summary.interrupted) return 130;
  if (units.length === 0) return 1;
  // A unit made with an error (an attachment it could not file) is written but still exits 1.
  const errors = [...summary.diagnostics, ...units.flatMap((u) => u.diagnostics)].some((d) => d.severity === 'error');
  return failed.length || errors ? 1 : 0;
}

type RenderSummary = Awaited<ReturnType<typeof import('../../api/render.js').render>>;
type Progressing = typeof import('../progress.js');

/** The summary table, skipped documents and totals; with GONGWEN_STATS=1 the process's time and memory. */
function report(summary: RenderSummary, world: ReturnType<typeof nodeWorld>, unsuccessful: Progressing['unsuccessful'], summaryTable: Progressing['summaryTable']) {
  const units = [...summary.units].sort((a, b) => (a.id < b.id ? -1 : 1));
  const failed = units.filter(unsuccessful);
  const lines = ['', '汇总：', summaryTable(units)];
  for (const u of units) {
    for (const s of u.skipped) lines.push(`  ${u.name ?? u.id} 未生成 ${s.name}：${s.reason}`);
  }
  lines.push(`共 ${units.length} 个单位，成功 ${units.length - failed.length} 个，失败 ${failed.length} 个；文件 ${summary.manifest.length} 个，清单见 ${summary.manifestFile}`);
  if (summary.interrupted) lines.push('已中断：未处理的单位没有生成，清单只列出已写入的文件。');
  process.stderr.write(lines.join('\n') + '\n');
  // For benchmarks: wall time and peak memory of the whole process (worker threads included), and
  // with node --expose-gc the heap still live at the end (what the batch keeps per unit).
  if (world.env('GONGWEN_STATS') === '1') {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const liveHeapMB = gc ? Math.round(process.memoryUsage().heapUsed / 2 ** 20) : undefined;
    process.stderr.write(
      `GONGWEN_STATS ${JSON.stringify({ seconds: process.uptime(), maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024), liveHeapMB, units: units.length, files: summary.manifest.length })}\n`,
    );
  }
  return units;
}

/**
 * Ctrl-C: finish the units under way, write the manifest, stop; a second Ctrl-C stops at once.
 * SIGTERM (a service manager, `timeout`) ends the run at once: every file is written atomically
 * and staged, so what is on disk stays whole; the next run takes over the lock and cleans up.
 */
function interruptible(progress: { clear(): void }) {
  const signal = { stopped: false };
  const onInt = () => {
    if (signal.stopped) process.exit(130);
    signal.stopped = true;
    progress.clear();
    process.stderr.write('\n正在停止：等待进行中的单位完成（再按一次 Ctrl-C 立即退出）…\n');
  };
  const onTerm = () => process.exit(143);
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  return { signal, release: () => (process.off('SIGINT', onInt), process.off('SIGTERM', onTerm)) };
}
