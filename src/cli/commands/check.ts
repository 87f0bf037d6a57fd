// `gongwen check`: the data and the review rules as of a day, as text or JSON; writes nothing.
import { UsageError, args, readConfig, asOfDay, today } from '../command-kit.js';
import { nodeWorld } from '../../world/node-world.js';
import { diagnosticsToJson, formatDiagnostics } from '../../diag/format.js';
import { sortDiagnostics } from '../../diag/diagnostic.js';

export async function run(rest: string[]): Promise<number> {
  const { checkInputs } = await import('../../api/check.js');
  const { values, positionals } = args(rest, { format: { type: 'string', default: 'text' }, 'as-of': { type: 'string' } });
  const format = String(values.format);
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format 只能是 text 或 json`);
  const world = nodeWorld();
  const { config } = await readConfig(world);
  // Judged as of the day asked for, else today: what is overdue now.
  const asOf = (await asOfDay(values['as-of'], config)) ?? today();
  const result = checkInputs(world, positionals.length ? positionals : (config.data ?? ['data']), (await import('../config.js')).kindOptions(config), asOf);
  const all = [...result.diagnostics, ...result.units.flatMap((u) => u.diagnostics)];
  const failed = result.units.filter((u) => !u.ok).length + (result.diagnostics.some((d) => d.severity === 'error') ? 1 : 0);
  if (format === 'json') {
    process.stdout.write(
      JSON.stringify(
        {
          units: result.units.map((u) => ({ id: u.source.id, name: u.data?.unit.name ?? null, ok: u.ok, diagnostics: diagnosticsToJson(u.diagnostics) })),
          diagnostics: diagnosticsToJson(result.diagnostics),
        },
        null,
        2,
      ) + '\n',
    );
  } else {
    if (all.length) process.stdout.write(formatDiagnostics(sortDiagnostics(all), (f) => result.texts.get(f)) + '\n');
    const errors = all.filter((d) => d.severity === 'error').length;
    const warnings = all.length - errors;
    process.stdout.write(`检查了 ${result.units.length} 个单位：${result.units.length - result.units.filter((u) => !u.ok).length} 个通过，错误 ${errors} 个，警告 ${warnings} 个\n`);
  }
  return failed || result.units.length === 0 ? 1 : 0;
}
