// A whole workbook → a unit folder: one YAML file per recognised sheet (by sheet name or headers),
// and a unit.yaml skeleton with the fields still to fill, so `gongwen check DIR` says what is missing.
import { stringify } from 'yaml';
import { warning, type Diagnostic } from '../diag/diagnostic.js';
import { sectionFor } from '../data/schema.js';
import { importable, mapRows, type Cell } from './map-rows.js';
import type { Kind } from '../kinds/kind.js';
import { kindSections } from '../kinds/kind-sections.js';
import type { FieldSpec } from '../data/schema.js';
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
      // “填报单位：某某局（盖章）”: the name without the seal's mark.
      if (m) return m[1]!.replace(/[（(]\s*(盖章|公章|章)\s*[）)]$/, '') || undefined;
    }
  }
  return undefined;
}

type Mapped = Extract<ReturnType<typeof mapRows>, { records: unknown }>;

/** The YAML of one imported sheet: the ledger's problems and measures, or the section's records. */
export function mappedYaml(mapped: Mapped): string {
  return mapped.ledger ? stringify({ problems: mapped.ledger.problems, measures: mapped.ledger.measures }) : stringify(mapped.records);
}

export function importUnit(sheets: readonly Sheet[], file: string, kind?: Kind): UnitFiles {
  const files = new Map<string, string>();
  const sections = kind ? kindSections(kind) : undefined;
  const IMPORTABLE = importable(sections);
  const diagnostics: Diagnostic[] = [];
  let unitName: string | undefined;
  for (const sheet of sheets) {
    if (!sheet.rows.some((r) => r.some((c) => c !== null && String(c).trim() !== ''))) continue;
    const named = sectionFor(sheet.name);
    const as = named && IMPORTABLE.includes(named) ? named.key : undefined;
    const mapped = mapRows(sheet.rows, `${file}#${sheet.name}`, as, sheet.name, sections);
    if (!('records' in mapped)) {
      diagnostics.push(warning('W_IMPORT_SHEET', `工作表“${sheet.name}”不能识别为任何数据，已跳过`, { file, line: 1, column: 1 }));
      continue;
    }
    diagnostics.push(...mapped.diagnostics);
    unitName ??= unitNameOf(sheet.rows);
    const head = `# 由 ${file} 的工作表“${sheet.name}”导入\n`;
    files.set(mapped.ledger ? '整改台账.yaml' : `${mapped.section.label}.yaml`, head + mappedYaml(mapped));
  }
  files.set('单位.yaml', kind && !kind.category.fourWinds ? kindSkeleton(kind, unitName) : DEFAULT_SKELETON(unitName));
  return { files, diagnostics };
}

/** The default kind's skeleton (教育实践活动): empty values for the required fields, so `check` points at each line to fill. */
const DEFAULT_SKELETON = (unitName: string | undefined) =>
  `# 单位信息：请填写空着的各项后运行 gongwen check\n` +
  `单位名称: ${unitName ?? ''}\n发文机关:      # 如：中共某某委员会党组\n备案机关:      # 如：市委教育实践活动领导小组\n成文日期:      # 如：2013年12月10日\n发文字号前缀:  # 如：沪某委党（可不填）\n`;

/** A kind's skeleton: 整改类型 filled in, then every unit field the kind requires, then the usual optional ones. */
function kindSkeleton(kind: Kind, unitName: string | undefined): string {
  const unit = kindSections(kind).find((s) => s.key === 'unit')!;
  const fields = (unit.type.kind === 'object' ? unit.type.fields : []) as readonly FieldSpec[];
  const hint: Record<string, string> = {
    issuer: '如：中共某某委员会党组',
    filing_to: kind.inspector === '巡察组' ? '如：区委巡察工作领导小组办公室' : kind.inspector === '巡视组' ? '如：省委巡视工作领导小组办公室' : '整改情况报送的机关',
    inspector: `如：${kind.inspector === '审计机关' ? '某某区审计局' : kind.inspector === '巡察组' ? '区委第二巡察组' : kind.inspector === '巡视组' ? '省委第五巡视组' : (kind.inspector ?? '')}`,
    feedback_date: '如：2025年6月20日',
    feedback_ref: '如：某审报〔2025〕12号',
    date: '整改方案的成文日期',
    report_date: '整改情况报告的日期',
    doc_number_prefix: '机关代字（可不填）',
    principal: '主要负责人姓名（主要负责人组织落实整改情况报告）',
  };
  const order = ['name', ...fields.filter((f) => f.required && f.key !== 'name').map((f) => f.key), 'date', 'report_date', 'doc_number_prefix', 'principal'];
  const lines = [`# 单位信息（${kind.name}）：请填写空着的各项后运行 gongwen check`, `整改类型: ${kind.name}`];
  for (const key of [...new Set(order)]) {
    const f = fields.find((x) => x.key === key);
    if (!f) continue;
    const value = key === 'name' ? (unitName ?? '') : '';
    const note = value ? '' : hint[key] ? `      # ${hint[key]}${f.required ? '（必填）' : ''}` : f.required ? '      # 必填' : '';
    lines.push(`${f.label}: ${value}${note}`);
  }
  return lines.join('\n') + '\n';
}
