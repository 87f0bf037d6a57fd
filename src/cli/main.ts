// gongwen command line: argv → api calls. The only place that prints and sets exit codes.
import * as path from 'node:path';
import { parseArgs } from 'node:util';
// Only what every command needs is imported here; each command loads its own modules (a cold
// `--help` or `check` must not pay for exceljs, docx, pdf-lib, fontkit or the preview server).
import type { Format } from '../api/render.js';
import { sortDiagnostics, type Diagnostic } from '../diag/diagnostic.js';
import { diagnosticsToJson, formatDiagnostics } from '../diag/format.js';
import { nodeWorld } from '../world/node-world.js';
import type { ProjectConfig } from './config.js';
import type { FontBookOptions } from '../fonts/font-book.js';

/** gongwen.yaml, read only by the commands that use it (its YAML parser is not needed for --help). */
async function readConfig(world: ReturnType<typeof nodeWorld>): Promise<{ config: ProjectConfig; problems: string[] }> {
  return (await import('./config.js')).readConfig(world);
}

/** Where fonts come from, as render, preview and fonts all take it: options over gongwen.yaml. */
function fontOptions(values: { fonts?: unknown; 'no-system-fonts'?: unknown }, config: ProjectConfig): FontBookOptions {
  return { fontDirs: values.fonts ? [String(values.fonts)] : (config.fonts ?? ['fonts']), system: !values['no-system-fonts'], ...(config.roles ? { roles: config.roles } : {}) };
}

const HELP = `gongwen — 把 YAML 数据排成符合 GB/T 9704-2012 的公文（.docx、PDF/A 和 OFD）

用法：
  gongwen render [输入…] [--out out] [--only 文档,…] [--format docx,pdf,ofd,xlsx] [--jobs N] [--shard k/n] [--fonts 目录] [--no-pdfa] [--as-of 日期]
  gongwen check  [输入…] [--format text|json] [--as-of 日期]   校验数据和审核规则（截至该日超期的措施，默认今天），不写文件
  gongwen summary [输入…] [--as-of 日期] [--out summary] [--format xlsx,pdf,docx,ofd] [--issuer 机关]
                                                 多个单位的整改情况汇总表和汇总报告（截至该日，默认今天）
  gongwen init [目录] [--kind 整改类型]          创建一个可以直接生成的项目（配置、模板、示例单位）
  gongwen import 表格.xlsx|.csv [--sheet 名称] [--as problems|measures|…] [-o 文件.yaml] [--unit 目录] [--kind 整改类型] [--max-rows N] [--max-mb N]
                                                 把电子表格转成 YAML 数据
  gongwen preview [输入…] [--port 4173]           本机预览：保存模板或数据后页面自动更新
  gongwen extract 备案材料.pdf|.ofd 目录         取出备案材料中嵌入的单位数据文件（原样）
  gongwen templates                              列出内置模板和项目模板
  gongwen fonts [--fonts 目录]                   列出 PDF 各角色使用的字体文件
  gongwen schema                                 输出数据的 JSON Schema

输入默认为 data/，输出默认为 out/。各整改类型的文档见 gongwen templates；filing-packet 为备案材料（.pdf/.ofd）。
格式默认为 docx,pdf；加上 ofd 另出 GB/T 33190 版式文档（与 PDF 同版面）。
退出码：0 全部成功；1 有单位失败（其他单位照常生成）；2 用法错误。`;

class UsageError extends Error {}

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case 'render':
        return await cmdRender(rest);
      case 'check':
        return await cmdCheck(rest);
      case 'summary':
        return await cmdSummary(rest);
      case 'schema': {
        const { unitJsonSchema } = await import('../data/json-schema.js');
        const world = nodeWorld();
        const { config } = await readConfig(world);
        const { loadKinds } = await import('../kinds/kind-registry.js');
        const { kindSections } = await import('../kinds/kind-sections.js');
        const kinds = loadKinds(world, (await import('./config.js')).kindOptions(config)).kinds.map((k) => ({ names: [k.name, ...k.aliases], sections: kindSections(k) }));
        process.stdout.write(JSON.stringify(unitJsonSchema(kinds), null, 2) + '\n');
        return 0;
      }
      case 'templates':
        return await cmdTemplates();
      case 'fonts':
        return await cmdFonts(rest);
      case 'init':
        return await cmdInit(rest);
      case 'preview':
        return await cmdPreview(rest);
      case 'import':
        return await cmdImport(rest);
      case 'extract':
        return await cmdExtract(rest);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(HELP + '\n');
        return cmd === undefined ? 2 : 0;
      default:
        throw new UsageError(`未知的命令“${cmd}”`);
    }
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`用法错误：${(e as Error).message}\n\n${HELP}\n`);
      return 2;
    }
    throw e;
  }
}

type ArgOptions = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>;

function args<T extends ArgOptions>(rest: string[], options: T) {
  return parseArgs({ args: rest, options, allowPositionals: true, strict: true });
}

function printDiagnostics(diags: readonly Diagnostic[], texts: ReadonlyMap<string, string>): void {
  if (diags.length) process.stderr.write(formatDiagnostics(sortDiagnostics(diags), (f) => texts.get(f)) + '\n');
}

async function cmdRender(rest: string[]): Promise<number> {
  const [{ render }, { PACKET }, { Progress, summaryTable, unsuccessful }] = await Promise.all([import('../api/render.js'), import('../api/render-unit.js'), import('./progress.js')]);
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
  const formats = String(values.format ?? config.formats?.join(',') ?? 'docx,pdf')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const f of formats) if (!['docx', 'pdf', 'ofd', 'xlsx'].includes(f)) throw new UsageError(`不支持的格式“${f}”（可用：docx、pdf、ofd、xlsx）`);
  const only = values.only ? String(values.only).split(',').map((s) => s.trim()) : undefined;
  const kinds = (await import('./config.js')).kindOptions(config);
  const { loadKinds } = await import('../kinds/kind-registry.js');
  const ids = [...new Set([...loadKinds(world, kinds).kinds.flatMap((k) => k.documents.map((d) => d.id)), PACKET.id])];
  for (const id of only ?? []) if (!ids.includes(id)) throw new UsageError(`未知的文档“${id}”（可用：${ids.join('、')}）`);
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
  // Ctrl-C: finish the units under way, write the manifest, stop; a second Ctrl-C stops at once.
  const signal = { stopped: false };
  const onInt = () => {
    if (signal.stopped) process.exit(130);
    signal.stopped = true;
    progress.clear();
    process.stderr.write('\n正在停止：等待进行中的单位完成（再按一次 Ctrl-C 立即退出）…\n');
  };
  // SIGTERM (a service manager, `timeout`) ends the run at once: every file is written atomically
  // and staged, so what is on disk stays whole; the next run takes over the lock and cleans up.
  const onTerm = () => process.exit(143);
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  const summary = await render(world, {
    inputs,
    out,
    ...(only ? { only } : {}),
    formats: formats as Format[],
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
  process.off('SIGINT', onInt);
  process.off('SIGTERM', onTerm);
  printDiagnostics(summary.diagnostics, summary.texts);
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
    process.stderr.write(`GONGWEN_STATS ${JSON.stringify({ seconds: process.uptime(), maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024), liveHeapMB, units: units.length, files: summary.manifest.length })}\n`);
  }
  if (summary.interrupted) return 130;
  if (units.length === 0) return 1;
  // A unit made with an error (an attachment it could not file) is written but still exits 1.
  const errors = [...summary.diagnostics, ...units.flatMap((u) => u.diagnostics)].some((d) => d.severity === 'error');
  return failed.length || errors ? 1 : 0;
}

async function cmdCheck(rest: string[]): Promise<number> {
  const { checkInputs } = await import('../api/check.js');
  const { values, positionals } = args(rest, { format: { type: 'string', default: 'text' }, 'as-of': { type: 'string' } });
  const format = String(values.format);
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format 只能是 text 或 json`);
  const world = nodeWorld();
  const { config } = await readConfig(world);
  // Judged as of the day asked for, else today: what is overdue now.
  const asOf = (await asOfDay(values['as-of'], config)) ?? today();
  const result = checkInputs(world, positionals.length ? positionals : (config.data ?? ['data']), (await import('./config.js')).kindOptions(config), asOf);
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

async function cmdSummary(rest: string[]): Promise<number> {
  const { summarize } = await import('../api/summary.js');
  const { values, positionals } = args(rest, { 'as-of': { type: 'string' }, out: { type: 'string', short: 'o' }, format: { type: 'string' }, issuer: { type: 'string' }, fonts: { type: 'string' }, 'no-system-fonts': { type: 'boolean', default: false }, templates: { type: 'string' } });
  const world = nodeWorld();
  const { config, problems } = await readConfig(world);
  for (const p of problems) process.stderr.write(`警告：${p}\n`);
  const asOf = (await asOfDay(values['as-of'], config)) ?? today();
  const formats = String(values.format ?? 'xlsx,pdf,docx').split(',').map((s) => s.trim()).filter(Boolean);
  for (const f of formats) if (!['xlsx', 'pdf', 'docx', 'ofd'].includes(f)) throw new UsageError(`不支持的格式“${f}”（可用：xlsx、pdf、docx、ofd）`);
  const out = String(values.out ?? 'summary');
  const r = await summarize(world, {
    inputs: positionals.length ? positionals : (config.data ?? ['data']),
    out,
    asOf,
    formats: formats as ('xlsx' | 'pdf' | 'docx' | 'ofd')[],
    kinds: (await import('./config.js')).kindOptions(config),
    templatesDir: String(values.templates ?? config.templates ?? 'templates'),
    ...(values.issuer ? { issuer: String(values.issuer) } : config.summaryIssuer ? { issuer: config.summaryIssuer } : {}),
    fontOptions: fontOptions(values, config),
  });
  const failedDiags = r.failed.flatMap((f) => f.diagnostics);
  if (r.diagnostics.length || failedDiags.length) process.stderr.write(formatDiagnostics(sortDiagnostics([...r.diagnostics, ...failedDiags])) + '\n');
  const t = r.units.reduce((a, u) => ({ m: a.m + u.measures, d: a.d + u.done, o: a.o + u.overdue }), { m: 0, d: 0, o: 0 });
  process.stderr.write(`汇总了 ${r.units.length} 个单位（另有 ${r.failed.length} 个单位有错误，未计入）：整改措施 ${t.m} 项，已完成 ${t.d} 项，超期 ${t.o} 项\n`);
  for (const f of r.files) process.stderr.write(`已写入 ${f}\n`);
  if (world.env('GONGWEN_STATS') === '1') process.stderr.write(`GONGWEN_STATS ${JSON.stringify({ seconds: process.uptime(), maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024), units: r.units.length })}\n`);
  return r.failed.length || r.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

async function cmdTemplates(): Promise<number> {
  const { listTemplates } = await import('../template/template-store.js');
  const { loadKinds } = await import('../kinds/kind-registry.js');
  const world = nodeWorld();
  const { config } = await readConfig(world);
  const registry = loadKinds(world, (await import('./config.js')).kindOptions(config));
  const list = listTemplates(world, config.templates ?? 'templates');
  const { docTypes } = await import('../api/documents.js');
  const out: string[] = ['整改类型（单位中写 整改类型: 名称；gongwen.yaml 中 kind: 设默认类型）：'];
  for (const k of registry.kinds) {
    out.push(`${k.name}${k.aliases.length ? `（又称 ${k.aliases.join('、')}）` : ''}  ${k.builtin ? '内置' : '项目'}  ${k.file}${k.name === registry.defaultKind ? '  默认' : ''}`);
    for (const t of docTypes(k)) {
      const tpl = list.find((x) => x.id === t.template);
      out.push(`    ${t.id}  ${t.name}  模板 ${t.template}${tpl ? `（${tpl.builtin ? '内置' : '项目'}）` : '（找不到模板文件）'}  数据：${t.needs}`);
    }
  }
  out.push('', '模板：');
  for (const t of list) out.push(`${t.id}  ${t.builtin ? '内置' : '项目'}  ${t.file}`);
  process.stdout.write(out.join('\n') + '\n');
  if (registry.diagnostics.length) process.stdout.write('\n' + formatDiagnostics(sortDiagnostics(registry.diagnostics), (f) => (world.exists(f) ? world.readText(f) : undefined)) + '\n');
  return registry.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

async function cmdPreview(rest: string[]): Promise<number> {
  const [{ startPreview }, { FontBook }] = await Promise.all([import('../preview/server.js'), import('../fonts/font-book.js')]);
  const { values, positionals } = args(rest, { port: { type: 'string', short: 'p', default: '4173' }, templates: { type: 'string' }, fonts: { type: 'string' }, 'no-system-fonts': { type: 'boolean', default: false } });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port 应为 0 到 65535 的整数');
  const world = nodeWorld();
  const { config, problems } = await readConfig(world);
  for (const p of problems) process.stderr.write(`警告：${p}\n`);
  const fonts = FontBook.load(world, fontOptions(values, config));
  const server = await startPreview(world, {
    port,
    inputs: positionals.length ? positionals : (config.data ?? ['data']),
    templatesDir: String(values.templates ?? config.templates ?? 'templates'),
    kinds: (await import('./config.js')).kindOptions(config),
    fonts,
    watch: [(await import('./config.js')).CONFIG_FILE],
    log: (m) => process.stderr.write(`${m}\n`),
  });
  process.stdout.write(`预览：${server.url}（仅本机可访问；Ctrl-C 退出）\n`);
  await new Promise<void>((resolve) => {
    const stop = () => void server.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

async function cmdInit(rest: string[]): Promise<number> {
  const { initProject, kindExample } = await import('./init.js');
  const { values, positionals } = args(rest, { kind: { type: 'string' } });
  const dir = positionals[0] ?? '.';
  const world = nodeWorld();
  // Built-in kinds only: the project and its kinds/ folder do not exist yet.
  const kind = values.kind === undefined ? undefined : (await import('../kinds/kind-registry.js')).loadKinds(world, { dir: path.join(dir, 'kinds') }).resolve(String(values.kind));
  if (values.kind !== undefined && (!kind || !world.exists(kindExample(kind.name)))) {
    const names = (await import('../kinds/kind-registry.js')).loadKinds(world, { dir: path.join(dir, 'kinds') }).kinds.filter((k) => k.builtin).map((k) => k.name);
    throw new UsageError(`未知的整改类型“${String(values.kind)}”（可用：${names.join('、')}）`);
  }
  const r = initProject(world, dir, kind?.name);
  for (const f of r.written) process.stdout.write(`已创建 ${f}\n`);
  for (const f of r.kept) process.stdout.write(`已存在，未改动 ${f}\n`);
  process.stdout.write(`\n下一步：${dir === '.' ? '' : `cd ${dir} && `}npx gongwen render\n`);
  return 0;
}

async function cmdImport(rest: string[]): Promise<number> {
  // Our modules only: a bundled dynamic import of a CommonJS package (yaml) keeps only its default export.
  const [{ mapRows }, { readWorkbook }, { importUnit, mappedYaml }] = await Promise.all([import('../import/map-rows.js'), import('../import/read-sheet.js'), import('../import/import-unit.js')]);
  const { values, positionals } = args(rest, { sheet: { type: 'string' }, as: { type: 'string' }, output: { type: 'string', short: 'o' }, unit: { type: 'string' }, kind: { type: 'string' }, 'max-rows': { type: 'string' }, 'max-mb': { type: 'string' } });
  const file = positionals[0];
  if (!file) throw new UsageError('请指定要导入的 .xlsx 或 .csv 文件');
  const kind = /\.xlsx$/i.test(file) ? 'xlsx' : /\.csv$/i.test(file) ? 'csv' : undefined;
  if (!kind) throw new UsageError('只支持 .xlsx 和 .csv 文件');
  const world = nodeWorld();
  if (!world.exists(file)) throw new UsageError(`找不到文件“${file}”`);
  // The kind decides what the columns mean (问题类别 is a 四风 category only in 教育实践活动).
  const rectKind = await kindFor(world, values.kind === undefined ? undefined : String(values.kind));
  const sections = (await import('../kinds/kind-sections.js')).kindSections(rectKind);
  const { SHEET_LIMITS } = await import('../import/read-sheet.js');
  const bound = (v: unknown, dflt: number, scale: number, what: string) => {
    if (v === undefined) return dflt;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`${what} 应为正整数`);
    return n * scale;
  };
  const limits = { rows: bound(values['max-rows'], SHEET_LIMITS.rows, 1, '--max-rows'), inflatedBytes: bound(values['max-mb'], SHEET_LIMITS.inflatedBytes, 1024 * 1024, '--max-mb') };
  const book = await readWorkbook(world.readBytes(file), kind, file, limits);
  if (book.diagnostics.length) process.stderr.write(formatDiagnostics(book.diagnostics) + '\n');
  if (!book.sheets.length) return 1;
  const sheets = book.sheets;
  if (values.unit) {
    const dir = String(values.unit);
    const made = importUnit(sheets, file, rectKind);
    if (made.diagnostics.length) process.stderr.write(formatDiagnostics(made.diagnostics) + '\n');
    world.mkdirp(dir);
    for (const [name, text] of made.files) {
      const target = path.join(dir, name);
      // An existing unit.yaml the user filled in is never overwritten by the skeleton.
      if (name === '单位.yaml' && (world.exists(target) || world.exists(path.join(dir, 'unit.yaml')))) continue;
      world.writeAtomic(target, text);
      process.stderr.write(`已写入 ${target}\n`);
    }
    process.stderr.write(`\n下一步：填写 ${path.join(dir, '单位.yaml')} 后运行 gongwen check ${dir}\n`);
    return [...book.diagnostics, ...made.diagnostics].some((d) => d.severity === 'error') ? 1 : 0;
  }
  const sheet = values.sheet ? sheets.find((s) => s.name === values.sheet) : sheets[0];
  if (!sheet) {
    process.stderr.write(`找不到工作表“${values.sheet}”（有：${sheets.map((s) => s.name).join('、')}）\n`);
    return 1;
  }
  const mapped = mapRows(sheet.rows, file, values.as ? String(values.as) : undefined, sheet.name, sections);
  if (mapped.diagnostics.length) process.stderr.write(formatDiagnostics(mapped.diagnostics) + '\n');
  if (!('records' in mapped)) return 1;
  // What render would refuse is said now, not after the YAML is written and read again.
  const { LIMITS } = await import('../data/normalize.js');
  const counts = mapped.ledger ? [mapped.ledger.problems.length, mapped.ledger.measures.length] : [mapped.records.length];
  if (Math.max(...counts) > LIMITS.listLength) process.stderr.write(formatDiagnostics([{ severity: 'warning', code: 'W_IMPORT_LIMIT', message: `导入了 ${Math.max(...counts)} 项，超过生成公文时每个单位的上限 ${LIMITS.listLength} 项：请按单位拆分`, span: { file, line: 1, column: 1 } }]) + '\n');
  const from = `# 由 ${path.basename(file)} 的工作表“${sheet.name}”导入：`;
  const text = mapped.ledger
    ? `${from}问题清单和整改台账，${mapped.ledger.problems.length} 个问题、${mapped.ledger.measures.length} 项整改措施\n` + mappedYaml(mapped)
    : `${from}${mapped.section.label}（${mapped.section.key}），${mapped.records.length} 行\n` + mappedYaml(mapped);
  if (values.output) {
    world.writeAtomic(String(values.output), text);
    process.stderr.write(`已写入 ${values.output}（${mapped.records.length} 行）\n`);
  } else process.stdout.write(text);
  return [...book.diagnostics, ...mapped.diagnostics].some((d) => d.severity === 'error') ? 1 : 0;
}

/** --as-of (or gongwen.yaml as_of:) as a day; a value that is no day is a usage error. */
async function asOfDay(raw: unknown, config: ProjectConfig) {
  const text = raw === undefined ? config.asOf : String(raw);
  if (text === undefined) return undefined;
  const d = (await import('../data/dates.js')).parseDate(text);
  if (!d || d.kind !== 'date') throw new UsageError(`--as-of 应为日期，如 2014-02-15 或 2014年2月15日；这里是“${text}”`);
  return d;
}

/** Today on this machine's calendar. */
function today() {
  const now = new Date();
  return { kind: 'date' as const, year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

/** The kind named on the command line, else gongwen.yaml's, else the default; an unknown name is a usage error. */
async function kindFor(world: ReturnType<typeof nodeWorld>, name: string | undefined) {
  const { config } = await readConfig(world);
  const registry = (await import('../kinds/kind-registry.js')).loadKinds(world, (await import('./config.js')).kindOptions(config));
  const want = name ?? registry.defaultKind;
  const k = registry.resolve(want);
  if (!k) throw new UsageError(`未知的整改类型“${want}”（可用：${registry.kinds.map((x) => x.name).join('、')}）`);
  return k;
}

async function cmdExtract(rest: string[]): Promise<number> {
  const { positionals } = args(rest, {});
  const [file, dir] = positionals;
  if (!file || !dir || positionals.length > 2) throw new UsageError('用法：gongwen extract 备案材料.pdf|备案材料.ofd 目录');
  const world = nodeWorld();
  if (!world.exists(file) || world.isDir(file)) throw new UsageError(`找不到文件“${file}”`);
  const bytes = world.readBytes(file);
  // An OFD is a zip (PK…); anything else is read as a PDF.
  const { files, diagnostics } =
    bytes[0] === 0x50 && bytes[1] === 0x4b ? await (await import('../api/extract-ofd.js')).extractOfd(bytes, file) : await (await import('../api/extract.js')).extractEmbedded(bytes, file);
  printDiagnostics(diagnostics, new Map());
  const root = path.resolve(dir);
  for (const f of files) {
    const target = path.resolve(root, ...f.path.split('/'));
    // The names were made safe; this is the last guard that nothing lands outside the folder.
    if (path.relative(root, target).startsWith('..')) continue;
    world.mkdirp(path.dirname(target));
    world.writeAtomic(target, f.bytes);
    process.stdout.write(`已取出 ${path.join(dir, ...f.path.split('/'))}（${f.bytes.length} 字节）\n`);
  }
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

async function cmdFonts(rest: string[]): Promise<number> {
  const { FontBook } = await import('../fonts/font-book.js');
  const { values } = args(rest, { fonts: { type: 'string' }, 'no-system-fonts': { type: 'boolean', default: false }, json: { type: 'boolean', default: false } });
  // `gongwen fonts | head`: a closed pipe ends the listing, not the process with a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  const world = nodeWorld();
  const { config, problems } = await readConfig(world);
  const book = FontBook.load(world, fontOptions(values, config));
  const names: Record<string, string> = { title: '标题（小标宋）', body: '正文（仿宋）', heading1: '一级标题（黑体）', heading2: '二级标题（楷体）', heading3: '三级标题（仿宋）', pageNumber: '页码（宋体）' };
  const warnings = [...problems, ...book.problems];
  if (values.json) {
    const roles = book.resolutions.map((r) => ({ role: r.role, file: book.sources[r.role].file, index: book.sources[r.role].index ?? 0, family: book.sources[r.role].family ?? null, label: book.sources[r.role].label, licence: book.sources[r.role].licence, why: book.sources[r.role].why ?? '默认开源字体', passedOver: r.passedOver, gb2312: countCoverage(book.roles[r.role]) }));
    process.stdout.write(JSON.stringify({ roles, fallback: book.fallbackOrder(), faces: book.catalog.faces.length, warnings }, null, 2) + '\n');
    return 0;
  }
  for (const r of book.resolutions) {
    const src = book.sources[r.role];
    process.stdout.write(`${names[r.role] ?? r.role}\n    ${src.label}  ${src.licence}\n    ${src.file}${src.index ? ` #${src.index}` : ''}\n    选择依据：${src.why ?? '没有找到可接受的字体，使用开源替代字体'}\n    覆盖 GB2312 汉字 ${countCoverage(book.roles[r.role])}/6763\n`);
    for (const p of r.passedOver.slice(0, 5)) process.stdout.write(`    未选：${p}\n`);
  }
  process.stdout.write(`\n补字顺序（本角色字体没有的字依次在这些字体中查找，同风格优先）：共找到 ${book.catalog.faces.length} 个字体\n`);
  for (const [style, faces] of Object.entries(book.fallbackOrder())) process.stdout.write(`    ${style}：${faces.slice(0, 6).join('、')}${faces.length > 6 ? ` 等 ${faces.length} 个` : ''}\n`);
  if (Object.values(book.sources).every((s) => !s.tier)) {
    process.stdout.write('\n未找到方正小标宋简体、仿宋_GB2312、黑体、楷体_GB2312、宋体等字体，使用开源替代字体。\n把这些字体文件放进项目的 fonts/ 目录（或用 --fonts 指定），或在 gongwen.yaml 的 font_roles 中指定。\n');
  }
  for (const w of warnings) process.stdout.write(`警告：${w}\n`);
  return 0;
}

/** GB2312 hanzi a face covers (rows 16–87 of the GB2312 table, decoded through the gb2312 TextDecoder). */
function countCoverage(face: { has(cp: number): boolean }): number {
  const dec = new TextDecoder('gb18030');
  let n = 0;
  for (let hi = 0xb0; hi <= 0xf7; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      if (hi === 0xd7 && lo > 0xf9) continue;
      const ch = dec.decode(new Uint8Array([hi, lo]));
      if (face.has(ch.codePointAt(0)!)) n++;
    }
  }
  return n;
}
