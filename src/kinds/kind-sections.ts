// The data schema of one kind: the base table (data/schema.ts) with the kind's category, the fields
// every current kind's ledger has (责任人, 佐证材料, 整改类型, 金额 …) and its required fields.
import { SECTIONS, STATUS, enumOf, enumValue, f, type FieldSpec, type FieldType, type SectionSpec } from '../data/schema.js';
import type { Kind } from './kind.js';

const text = { kind: 'text' } as const;
const date = { kind: 'date' } as const;

/** 立行立改 / 分阶段整改 / 持续整改 (审计整改's 整改类型; 短期 / 中期 / 长期 elsewhere). */
export const MODE = enumOf({
  immediate: ['立行立改', '即知即改', '短期'],
  phased: ['分阶段整改', '分阶段', '限期整改', '中期'],
  continuous: ['持续整改', '持续推进', '长期整改', '长期'],
});

/** Unit fields every kind has (教育实践活动 units may leave them out). */
const UNIT_FIELDS: readonly FieldSpec[] = [
  f('kind', '整改类型', ['整改类型', '类型'], text),
  f('inspector', '检查机构', ['检查机构', '巡视组', '巡察组', '审计机关', '指导组', '巡回指导组', '督察组', '检查组', '反馈单位'], text),
  f('feedback_date', '反馈日期', ['反馈日期', '反馈时间', '反馈会日期', '审计报告日期', '会议日期', '召开日期', '民主生活会日期'], date),
  f('feedback_ref', '反馈文号', ['反馈文号', '反馈意见文号', '审计报告文号', '审计决定文号'], text),
  f('principal', '主要负责人', ['主要负责人', '党组织书记', '书记'], text),
  f('principal_title', '主要负责人职务', ['主要负责人职务', '书记职务'], text),
  f('report_date', '报告日期', ['报告日期', '报告成文日期'], date),
  f('plan_days', '整改方案时限', ['整改方案时限', '方案报送时限'], text),
  f('report_days', '整改报告时限', ['整改报告时限', '报告报送时限'], text),
  f('shortcomings', '存在的不足', ['存在的不足', '存在问题和不足'], { kind: 'list', of: text }),
  f('next_steps', '下一步工作打算', ['下一步工作打算', '下一步工作', '下一步打算'], { kind: 'list', of: text }),
];

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
  fields.push(f('amount', '涉及金额', ['涉及金额', '问题金额', '金额', '金额（万元）', '涉及金额（万元）'], text), f('public', '是否公开', ['是否公开', '公开'], { kind: 'bool' }));
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
  fields.splice(at, 0, f('person', '责任人', ['责任人', '具体责任人', '经办人'], text));
  fields.push(
    f('mode', '整改类型', ['整改类型', '整改方式', '整改期限类型'], MODE),
    f('evidence', '佐证材料', ['佐证材料', '佐证资料', '证明材料'], text),
    // 销号: when it was done, and who closed it on which day.
    f('completed_on', '完成日期', ['完成日期', '实际完成日期', '实际完成时间', '办结日期'], date),
    f('closed_by', '销号审核人', ['销号审核人', '审核人', '销号人'], text),
    f('closed_on', '销号日期', ['销号日期', '销号时间'], date),
  );
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
