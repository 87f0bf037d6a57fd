// What every command shares: argument parsing, gongwen.yaml, the options several commands take
// (--fonts, --format, --as-of, --kind), diagnostics to stderr, usage errors.
import { parseArgs } from 'node:util';
import { sortDiagnostics, type Diagnostic } from '../diag/diagnostic.js';
import { formatDiagnostics } from '../diag/format.js';
import type { FontBookOptions } from '../fonts/font-book.js';
import type { nodeWorld } from '../world/node-world.js';
import type { ProjectConfig } from './config.js';

/** A mistake in the command line: printed with the usage, exit code 2. */
export class UsageError extends Error {}

type ArgOptions = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>;

export function args<T extends ArgOptions>(rest: string[], options: T) {
  return parseArgs({ args: rest, options, allowPositionals: true, strict: true });
}

export function printDiagnostics(diags: readonly Diagnostic[], texts: ReadonlyMap<string, string>): void {
  if (diags.length) process.stderr.write(formatDiagnostics(sortDiagnostics(diags), (f) => texts.get(f)) + '\n');
}

/** gongwen.yaml, read only by the commands that use it (its YAML parser is not needed for --help). */
export async function readConfig(world: ReturnType<typeof nodeWorld>): Promise<{ config: ProjectConfig; problems: string[] }> {
  return (await import('./config.js')).readConfig(world);
}

/** Where fonts come from, as render, preview and fonts all take it: options over gongwen.yaml. */
export function fontOptions(values: { fonts?: unknown; 'no-system-fonts'?: unknown }, config: ProjectConfig): FontBookOptions {
  return { fontDirs: values.fonts ? [String(values.fonts)] : (config.fonts ?? ['fonts']), system: !values['no-system-fonts'], ...(config.roles ? { roles: config.roles } : {}) };
}

/** The inputs named, else gongwen.yaml's data:, else data/. */
export const inputsOf = (positionals: string[], config: ProjectConfig): string[] => (positionals.length ? positionals : (config.data ?? ['data']));

/** `--format a,b`: each a format of the writer table. */
export async function parseFormats(raw: unknown) {
  const { FORMATS, isFormat } = await import('../backends/writers.js');
  const formats = String(raw)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const f of formats) if (!isFormat(f)) throw new UsageError(`不支持的格式“${f}”（可用：${FORMATS.join('、')}）`);
  return formats.filter(isFormat);
}

/** --as-of (or gongwen.yaml as_of:) as a day; a value that is no day is a usage error. */
export async function asOfDay(raw: unknown, config: ProjectConfig) {
  const text = raw === undefined ? config.asOf : String(raw);
  if (text === undefined) return undefined;
  const d = (await import('../data/dates.js')).parseDate(text);
  if (!d || d.kind !== 'date') throw new UsageError(`--as-of 应为日期，如 2014-02-15 或 2014年2月15日；这里是“${text}”`);
  return d;
}

/** Today on this machine's calendar. */
export function today() {
  const now = new Date();
  return { kind: 'date' as const, year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

/** The kind named on the command line, else gongwen.yaml's, else the default; an unknown name is a usage error. */
export async function kindFor(world: ReturnType<typeof nodeWorld>, name: string | undefined) {
  const { config } = await readConfig(world);
  const registry = (await import('../kinds/kind-registry.js')).loadKinds(world, (await import('./config.js')).kindOptions(config));
  const want = name ?? registry.defaultKind;
  const k = registry.resolve(want);
  if (!k) throw new UsageError(`未知的整改类型“${want}”（可用：${registry.kinds.map((x) => x.name).join('、')}）`);
  return k;
}
