// The data schema of one kind: the base table (data/schema.ts) with the kind's category, the fields
// every current kind's ledger has (责任人, 佐证材料, 整改类型, 金额 …) and its required fields.
import { SECTIONS, STATUS, enumOf, enumValue, f, type FieldSpec, type FieldType, type SectionSpec } from '../data/schema.js';
import { KIND_MEASURE_FIELDS, KIND_PROBLEM_FIELDS, KIND_UNIT_FIELDS as UNIT_FIELDS } from '../data/kind-fields.js';

const text = { kind: 'text' } as const;
import type { Kind } from './kind.js';

export { MODE } from '../data/kind-fields.js';

/** Aliases under which sheets of the current kinds write the problem's category. */
const CATEGORY_ALIASES = ['问题类别', '类别', '问题类型', '问题分类', '所属类别', '类型', '反馈意见类别', '问题方面', '方面', '反馈意见', '审计问题类型'];
/** More ways the current kinds' sheets name a problem's text. */
const PROBLEM_TEXT_ALIASES = ['反馈问题', '巡察反馈问题', '巡视反馈问题', '检视问题', '审计发现问题', '审计发现的问题', '问题表述'];

function problemFields(kind: Kind, base: readonly FieldSpec[]): FieldSpec[] {
  if (kind.category.fourWinds) return [...base];
  const cat: FieldType = kind.category.values ? enumOf(Object.fromEntries(kind.category.values.map((v) => [v, []]))) : text;
  const fields = base.filter((x) => x.key !== 'wind').map((x) => (x.key === 'text' ? { ...x, aliases: [...x.aliases, ...PROBLEM_TEXT_ALIASES] } : x));
  const at = fields.findIndex((x) => x.key === 'text') + 1;
  fields.splice(
    at,
    0,
    f(
      'category',
      kind.category.label,
      [...new Set([kind.category.label, ...CATEGORY_ALIASES])].filter((a) => a !== kind.category.label),
      cat,
    ),
  );
  fields.push(...KIND_PROBLEM_FIELDS);
  return fields;
}

function measureFields(kind: Kind, base: readonly FieldSpec[]): FieldSpec[] {
  if (kind.category.fourWinds) return [...base];
  // 责任人 is its own column beside 责任领导 in these ledgers.
  // The 标准 of 主题教育's 标准清单 is a measure's goal.
  const fields = base.map((x) =>
    x.key === 'leader' ? { ...x, aliases: x.aliases.filter((a) => a !== '责任人') } : x.key === 'goal' ? { ...x, aliases: [...x.aliases, '整改标准', '标准', '完成标准'] } : x,
  );
  const at = fields.findIndex((x) => x.key === 'department') + 1;
  const [person, ...rest] = KIND_MEASURE_FIELDS;
  fields.splice(at, 0, person);
  fields.push(...rest);
  // 整改进展 holds a status word (已完成) in some ledgers and a sentence in others: read as either.
  return [...fields.map((x) => (x.key === 'progress' ? { ...x, aliases: x.aliases.filter((a) => !ADVANCE_ALIASES.includes(a)) } : x)), f('advance', '整改进展', ADVANCE_ALIASES, text)];
}

const ADVANCE_ALIASES: readonly string[] = ['整改进展', '整改进度'];

/** A measure's 整改进展 (advance): its status when it is a status word, else its progress text. */
export function settleAdvance(m: { advance?: string; status?: string; progress?: string }): void {
  if (m.advance === undefined) return;
  const status = enumValue(STATUS, m.advance);
  if (status) m.status ??= status;
  else if (m.progress === undefined) m.progress = m.advance;
  else m.progress = `${m.advance}；${m.progress}`;
  delete m.advance;
}

const objectFields = (s: SectionSpec): readonly FieldSpec[] => (s.type.kind === 'object' ? s.type.fields : s.type.kind === 'list' && s.type.of.kind === 'object' ? s.type.of.fields : []);

function withFields(s: SectionSpec, fields: FieldSpec[]): SectionSpec {
  if (s.type.kind === 'object') return { ...s, type: { kind: 'object', fields } };
  if (s.type.kind === 'list') return { ...s, type: { ...s.type, of: { kind: 'object', fields } } };
  return s;
}

/** The unit fields the kind names in its own words (巡察组, 审计报告日期, 会议召开日期): that name is their label and an alias. */
function named(x: FieldSpec, kind: Kind): FieldSpec {
  const own = x.key === 'inspector' ? kind.inspector : x.key === 'feedback_date' ? kind.feedbackDate : undefined;
  return own && own !== x.label ? { ...x, label: own, aliases: [own, ...x.aliases] } : x;
}

/** What is always required, whatever a kind says: a unit needs its name, issuer and receiving organ; a problem its text; a measure its action. */
const ALWAYS: Record<string, readonly string[]> = { unit: ['name', 'issuer', 'filing_to'], problems: ['text'], measures: ['action'] };

function require(fields: FieldSpec[], section: string, listed: readonly string[] | undefined): FieldSpec[] {
  if (!listed) return fields;
  const always = ALWAYS[section] ?? [];
  return fields.map((x) => ({ ...x, required: always.includes(x.key) || listed.includes(x.key) }));
}

/** The sections of a kind's data, in the base table's order. */
export function kindSections(kind: Kind): SectionSpec[] {
  return SECTIONS.map((s) => {
    const base = objectFields(s);
    if (s.key === 'unit') return withFields(s, require([...base, ...UNIT_FIELDS.map((x) => named(x, kind))], 'unit', kind.required?.unit));
    if (s.key === 'problems') return withFields(s, require(problemFields(kind, base), 'problems', kind.required?.problems));
    if (s.key === 'measures') return withFields(s, require(measureFields(kind, base), 'measures', kind.required?.measures));
    return s;
  });
}
