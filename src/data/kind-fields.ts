// The fields the current kinds' ledgers add to the base table (data/schema.ts): on the unit (巡察组,
// 反馈日期 …), on problems (涉及金额, 是否公开) and on measures (责任人, 整改类型, 佐证材料, 销号).
// kinds/kind-sections.ts puts them into a kind's schema; data/types.ts reads the data's types off them.
import { enumOf, f } from './schema.js';

const text = { kind: 'text' } as const;
const date = { kind: 'date' } as const;

/** 立行立改 / 分阶段整改 / 持续整改 (审计整改's 整改类型; 短期 / 中期 / 长期 elsewhere). */
export const MODE = enumOf({
  immediate: ['立行立改', '即知即改', '短期'],
  phased: ['分阶段整改', '分阶段', '限期整改', '中期'],
  continuous: ['持续整改', '持续推进', '长期整改', '长期'],
});

/** Unit fields every kind has (教育实践活动 units may leave them out). */
export const KIND_UNIT_FIELDS = [
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
] as const;

/** After the problem's text and category. */
export const KIND_PROBLEM_FIELDS = [
  f('amount', '涉及金额', ['涉及金额', '问题金额', '金额', '金额（万元）', '涉及金额（万元）'], text),
  f('public', '是否公开', ['是否公开', '公开'], { kind: 'bool' }),
] as const;

/** 责任人 after the 责任部门; the rest at the end. */
export const KIND_MEASURE_FIELDS = [
  f('person', '责任人', ['责任人', '具体责任人', '经办人'], text),
  f('mode', '整改类型', ['整改类型', '整改方式', '整改期限类型'], MODE),
  f('evidence', '佐证材料', ['佐证材料', '佐证资料', '证明材料'], text),
  // 销号: when it was done, and who closed it on which day.
  f('completed_on', '完成日期', ['完成日期', '实际完成日期', '实际完成时间', '办结日期'], date),
  f('closed_by', '销号审核人', ['销号审核人', '审核人', '销号人'], text),
  f('closed_on', '销号日期', ['销号日期', '销号时间'], date),
] as const;
