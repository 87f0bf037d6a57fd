// `gongwen import`: a spreadsheet → YAML data (one section, a ledger, or a whole unit folder).
import * as path from 'node:path';
import { UsageError, args, kindFor } from '../command-kit.js';
import { nodeWorld } from '../../world/node-world.js';
import { formatDiagnostics } from '../../diag/format.js';

export async function run(rest: string[]): Promise<number> {
  // Our modules only: a bundled dynamic import of a CommonJS package (yaml) keeps only its default export.
  const [{ mapRows }, { readWorkbook }, { importUnit, mappedYaml }] = await Promise.all([
    import('../../import/map-rows.js'),
    import('../../import/read-sheet.js'),
    import('../../import/import-unit.js'),
  ]);
  const { values, positionals } = args(rest, {
    sheet: { type: 'string' },
    as: { type: 'string' },
    output: { type: 'string', short: 'o' },
    unit: { type: 'string' },
    kind: { type: 'string' },
    'max-rows': { type: 'string' },
    'max-mb': { type: 'string' },
  });
  const file = positionals[0];
  if (!file) throw new UsageError('请指定要导入的 .xlsx 或 .csv 文件');
  const kind = /\.xlsx$/i.test(file) ? 'xlsx' : /\.csv$/i.test(file) ? 'csv' : undefined;
  if (!kind) throw new UsageError('只支持 .xlsx 和 .csv 文件');
  const world = nodeWorld();
  if (!world.exists(file)) throw new UsageError(`找不到文件“${file}”`);
  // The kind decides what the columns mean (问题类别 is a 四风 category only in 教育实践活动).
  const rectKind = await kindFor(world, values.kind === undefined ? undefined : String(values.kind));
  const sections = (await import('../../kinds/kind-sections.js')).kindSections(rectKind);
  const { SHEET_LIMITS } = await import('../../import/read-sheet.js');
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
    const { writeUnitFiles } = await import('../../import/write-unit-files.js');
    for (const target of writeUnitFiles(world, dir, made.files)) process.stderr.write(`已写入 ${target}\n`);
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
  const { LIMITS } = await import('../../data/normalize.js');
  const counts = mapped.ledger ? [mapped.ledger.problems.length, mapped.ledger.measures.length] : [mapped.records.length];
  if (Math.max(...counts) > LIMITS.listLength)
    process.stderr.write(
      formatDiagnostics([
        {
          severity: 'warning',
          code: 'W_IMPORT_LIMIT',
          message: `导入了 ${Math.max(...counts)} 项，超过生成公文时每个单位的上限 ${LIMITS.listLength} 项：请按单位拆分`,
          span: { file, line: 1, column: 1 },
        },
      ]) + '\n',
    );
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
