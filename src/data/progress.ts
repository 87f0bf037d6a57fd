// The progress figures every report and the supervisor's roll-up print (kinds.md “the progress
// report's figures”): each measure in one bucket, the counts, the completion rate to one decimal.
import type { DateValue } from './dates.js';
import { overdueDays } from './overdue.js';
import type { Measure, UnitData } from './types.js';

export type Bucket = 'done' | 'in_progress' | 'long_term' | 'not_started';

/** The words reports use for each bucket. */
export const BUCKET_LABELS: Record<Bucket, string> = { done: '已完成', in_progress: '正在推进', long_term: '需长期坚持', not_started: '尚未开始' };

/**
 * A measure's bucket: done when done; long-term when so marked, or when its deadline is 长期坚持
 * and it is not done; under way when so marked; else not started (no status is no start).
 */
export function measureBucket(m: Pick<Measure, 'status' | 'deadline'>): Bucket {
  if (m.status === 'done') return 'done';
  if (m.status === 'long_term' || m.deadline?.kind === 'ongoing') return 'long_term';
  return m.status === 'in_progress' ? 'in_progress' : 'not_started';
}

export interface ProgressFigures {
  measures: number;
  done: number;
  in_progress: number;
  long_term: number;
  not_started: number;
  /** Not done yet: under way, long-term and not started. */
  open: number;
  /** Not done past its deadline, as of the day the figures are for (0 without one). */
  overdue: number;
  /** done / measures in per cent, one decimal: “44.4”. */
  rate: string;
}

/** One decimal, rounded half up: 4 of 9 → 44.4, 2 of 3 → 66.7. */
export function percent(part: number, whole: number): string {
  return whole === 0 ? '0.0' : (Math.round((part * 1000) / whole) / 10).toFixed(1);
}

/** The figures of `measures`; with `asOf` (and the unit, for 立行立改's plan date) the overdue ones too. */
export function progressFigures(measures: readonly Pick<Measure, 'status' | 'deadline'>[], asOf?: { day: DateValue & { kind: 'date' }; unit: Pick<UnitData, 'unit' | 'kind'> }): ProgressFigures {
  const f = { measures: measures.length, done: 0, in_progress: 0, long_term: 0, not_started: 0, overdue: 0 };
  for (const m of measures) {
    f[measureBucket(m)]++;
    if (asOf && overdueDays(m, asOf.unit, asOf.day) !== undefined) f.overdue++;
  }
  return { ...f, open: f.measures - f.done, rate: percent(f.done, f.measures) };
}
