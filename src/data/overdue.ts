// When a measure is due and whether it is overdue as of a day (kinds.md: 超期 is never typed, it is
// a measure not done past its 时限, as of a date). 长期坚持 and its kin are never overdue; 立行立改
// is due on the plan's date, or the kind's term after it (时限: 立行立改).
import { compareDates, daysBetween, type DateValue } from './dates.js';
import type { Measure, UnitData } from './types.js';
import { addTerm } from '../kinds/terms.js';

type Day = DateValue & { kind: 'date' };

/** The last day a deadline allows, or undefined when it has none (ongoing, or 立行立改 without a plan date). */
export function dueDate(deadline: DateValue | undefined, d: Pick<UnitData, 'unit' | 'kind'>): Day | undefined {
  if (!deadline || deadline.kind === 'ongoing') return undefined;
  if (deadline.kind === 'date') return { kind: 'date', year: deadline.year, month: deadline.month, day: deadline.day };
  const plan = d.unit.date;
  if (!plan || plan.kind !== 'date') return undefined;
  const term = d.kind.deadlines.immediate;
  return term ? addTerm(plan, term) : { kind: 'date', year: plan.year, month: plan.month, day: plan.day };
}

/** Days past its due date as of `asOf` for a measure not done; undefined when it is not overdue. */
export function overdueDays(m: Pick<Measure, 'status' | 'deadline'>, d: Pick<UnitData, 'unit' | 'kind'>, asOf: Day): number | undefined {
  if (m.status === 'done' || m.status === 'long_term') return undefined;
  const due = dueDate(m.deadline, d);
  if (!due || compareDates(due, asOf) >= 0) return undefined;
  return daysBetween(due, asOf);
}

/** Days from `asOf` to a measure's due date (negative when past), for one not done; undefined otherwise. */
export function daysLeft(m: Pick<Measure, 'status' | 'deadline'>, d: Pick<UnitData, 'unit' | 'kind'>, asOf: Day): number | undefined {
  if (m.status === 'done' || m.status === 'long_term') return undefined;
  const due = dueDate(m.deadline, d);
  return due ? daysBetween(asOf, due) : undefined;
}

/** The default of how near a deadline must be for 督办 (the kind's 时限: 督办提前 overrides). */
export const REMIND_DAYS = 15;

/** Measures to chase as of `asOf`: overdue, or due within the kind's reminder term. */
export function toChase(d: UnitData, asOf: Day): Measure[] {
  const t = d.kind.deadlines.remind;
  const within = t ? (t.unit === 'month' ? t.count * 30 : t.count) : REMIND_DAYS;
  return d.measures.filter((m) => {
    const left = daysLeft(m, d, asOf);
    return left !== undefined && left <= within;
  });
}
