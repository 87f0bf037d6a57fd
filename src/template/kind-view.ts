// What templates see of the unit's kind: its names and labels, and the deadlines it derives from
// the feedback date (整改方案 within 30日, 整改情况报告 within 2个月 …; the unit may set its own).
import type { DateValue } from '../data/dates.js';
import type { UnitData } from '../data/types.js';
import { termText, type Kind } from '../kinds/kind.js';
import { addTerm, unitTerms } from '../kinds/terms.js';

export function kindView(kind: Kind): Record<string, unknown> {
  return {
    name: kind.name,
    inspector: kind.inspector ?? null,
    feedback: kind.feedback ?? null,
    feedback_date: kind.feedbackDate ?? '反馈日期',
    category: kind.category.label,
    four_winds: kind.category.fourWinds,
  };
}

/** plan_term “30日”, plan_due the day it ends (with a feedback date); the same for the report. */
export function unitDeadlines<T>(d: UnitData, dt: (v: DateValue | undefined) => T | null): Record<string, unknown> {
  const terms = unitTerms(d);
  const from = d.unit.feedback_date?.kind === 'date' ? d.unit.feedback_date : undefined;
  return {
    plan_term: terms.plan ? termText(terms.plan) : null,
    report_term: terms.report ? termText(terms.report) : null,
    plan_due: from && terms.plan ? dt(addTerm(from, terms.plan)) : null,
    report_due: from && terms.report ? dt(addTerm(from, terms.report)) : null,
  };
}
