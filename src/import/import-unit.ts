// A whole workbook → a unit folder: one YAML file per recognised sheet (by sheet name or headers),
// and a unit.yaml skeleton with the fields still to fill, so `gongwen check DIR` says what is missing.
import { stringify } from 'yaml';
import { warning, type Diagnostic } from '../diag/diagnostic.js';
import { sectionFor } from '../data/schema.js';
import { IMPORTABLE, mapRows, type Cell } from './map-rows.js';
import type { Sheet } from './read-sheet.js';

export interface UnitFiles {
  /** file name inside the unit folder → YAML text */
  files: Map<string, string>;
  diagnostics: Diagnostic[];
}

/** “填报单位（盖章）：某某大学” above a table names the unit. */
function unitNameOf(rows: Cell[][]): string | undefined {
  for (const row of rows.slice(0, 6)) {
    for (const c of row) {
      const m = typeof c === 'string' ? /填报单位[^：:]*[：:]\s*(\S[^\s]*)/.exec(c) : null;
      if (m) return m[1];
    }
  }
  return undefined;
}

type Mapped = Extract<ReturnType<typeof mapRows>, { records: unknown }>;

/** The YAML of one imported sheet: the ledger's problems and measures, or the section's records. */
export function mappedYaml(mapped: Mapped): string {
  return mapped.ledger ? stringify({ problems: mapped.ledger.problems, measures: mapped.ledger.measures }) : stringify(mapped.records);
}

export function importUnit(sheets: readonly Sheet[], file: string): UnitFiles {
  const files = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  let unitName: string | undefined;
  for (const sheet of sheets) {
    if (!sheet.rows.some((r) => r.some((c) => c !== null && String(c).trim() !== ''))) continue;
    const named = sectionFor(sheet.name);
    const as = named && IMPORTABLE.includes(named) ? named.key : undefined;
    const mapped = mapRows(sheet.rows, `${file}#${sheet.name}`, as, sheet.name);
    if (!('records' in mapped)) {
      diagnostics.push(warning('W_IMPORT_SHEET', `工作表“${sheet.name}”不能识别为任何数据，已跳过`, { file, line: 1, column: 1 }));
      continue;
    }
    diagnostics.push(...mapped.diagnostics);
    unitName ??= unitNameOf(sheet.rows);
    const head = `# 由 ${file} 的工作表“${sheet.name}”导入\n`;
    files.set(mapped.ledger ? '整改台账.yaml' : `${mapped.section.label}.yaml`, head + mappedYaml(mapped));
  }
  // The skeleton: empty values for the required fields, so `check` points at each line to fill.
  files.set(
    '单位.yaml',
    `# 单位信息：请填写空着的各项后运行 gongwen check\n` +
      `单位名称: ${unitName ?? ''}\n发文机关:      # 如：中共某某委员会党组\n备案机关:      # 如：市委教育实践活动领导小组\n成文日期:      # 如：2013年12月10日\n发文字号前缀:  # 如：沪某委党（可不填）\n`,
  );
  return { files, diagnostics };
}
