// The deadlines a kind derives from the feedback date: the unit's own terms over the kind's.
import { daysInMonth, type DateValue } from '../data/dates.js';
import type { UnitData } from '../data/types.js';
import { parseTerm, type Term } from './kind.js';

/** The day `t` after `d` (a month on from 6月30日 is 7月30日; from 1月31日, 2月28日). */
export function addTerm(d: DateValue & { kind: 'date' }, t: Term): DateValue & { kind: 'date' } {
  if (t.unit === 'day') {
    const x = new Date(Date.UTC(d.year, d.month - 1, d.day + t.count));
    return { kind: 'date', year: x.getUTCFullYear(), month: x.getUTCMonth() + 1, day: x.getUTCDate() };
  }
  const m0 = d.month - 1 + t.count;
  const year = d.year + Math.floor(m0 / 12);
  const month = (m0 % 12) + 1;
  return { kind: 'date', year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

/** The plan's and the report's terms: the unit's (整改方案时限, 整改报告时限) over the kind's. */
export function unitTerms(d: UnitData): { plan?: Term; report?: Term } {
  const own = (raw: string | undefined) => (raw === undefined ? undefined : parseTerm(raw));
  const plan = own(d.unit.plan_days) ?? d.kind.deadlines.plan;
  const report = own(d.unit.report_days) ?? d.kind.deadlines.report;
  return { ...(plan ? { plan } : {}), ...(report ? { report } : {}) };
}
