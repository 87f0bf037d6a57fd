// `gongwen summary`: many units → the summary workbook and report as of a day.
import { args, readConfig, fontOptions, parseFormats, asOfDay, today } from '../command-kit.js';
import { nodeWorld } from '../../world/node-world.js';
import { formatDiagnostics } from '../../diag/format.js';
import { sortDiagnostics } from '../../diag/diagnostic.js';

export async function run(rest: string[]): Promise<number> {
  const { summarize } = await import('../../api/summary.js');
  const { values, positionals } = args(rest, {
    'as-of': { type: 'string' },
    out: { type: 'string', short: 'o' },
    format: { type: 'string' },
    issuer: { type: 'string' },
    fonts: { type: 'string' },
    'no-system-fonts': { type: 'boolean', default: false },
    templates: { type: 'string' },
  });
  const world = nodeWorld();
  const { config, problems } = await readConfig(world);
  for (const p of problems) process.stderr.write(`警告：${p}\n`);
  const asOf = (await asOfDay(values['as-of'], config)) ?? today();
  const formats = await parseFormats(values.format ?? 'xlsx,pdf,docx');
  const out = String(values.out ?? 'summary');
  const r = await summarize(world, {
    inputs: positionals.length ? positionals : (config.data ?? ['data']),
    out,
    asOf,
    formats,
    kinds: (await import('../config.js')).kindOptions(config),
    templatesDir: String(values.templates ?? config.templates ?? 'templates'),
    ...(values.issuer ? { issuer: String(values.issuer) } : config.summaryIssuer ? { issuer: config.summaryIssuer } : {}),
    fontOptions: fontOptions(values, config),
  });
  const failedDiags = r.failed.flatMap((f) => f.diagnostics);
  if (r.diagnostics.length || failedDiags.length) process.stderr.write(formatDiagnostics(sortDiagnostics([...r.diagnostics, ...failedDiags])) + '\n');
  const t = r.units.reduce((a, u) => ({ m: a.m + u.measures, d: a.d + u.done, o: a.o + u.overdue }), { m: 0, d: 0, o: 0 });
  process.stderr.write(`汇总了 ${r.units.length} 个单位（另有 ${r.failed.length} 个单位有错误，未计入）：整改措施 ${t.m} 项，已完成 ${t.d} 项，超期 ${t.o} 项\n`);
  for (const f of r.files) process.stderr.write(`已写入 ${f}\n`);
  if (world.env('GONGWEN_STATS') === '1')
    process.stderr.write(`GONGWEN_STATS ${JSON.stringify({ seconds: process.uptime(), maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024), units: r.units.length })}\n`);
  return r.failed.length || r.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}
