// The supervising office's roll-up (`gongwen summary`): each unit read, checked and reduced to its
// rows — its figures as of a day, its overdue measures, its ledger — then let go, so memory holds
// rows, not units. The figures come from the one function every report uses (data/progress.ts).
import { formatDateZh, formatDayZh, type DateValue } from './dates.js';
import { dueDate, overdueDays } from './overdue.js';
import { BUCKET_LABELS, measureBucket, percent, progressFigures, type ProgressFigures } from './progress.js';
import { ENUMS, enumLabel } from './schema.js';
import type { UnitData } from './types.js';

type Day = DateValue & { kind: 'date' };

export interface UnitRow extends ProgressFigures {
  unit: string;
  kind: string;
  problems: number;
}

export interface OverdueRow {
  unit: string;
  department: string;
  leader: string;
  action: string;
  deadline: string;
  due: string;
  days: number;
}

export interface LedgerRow {
  unit: string;
  no: number;
  category: string;
  problem: string;
  action: string;
  leader: string;
  department: string;
  deadline: string;
  status: string;
  progress: string;
}

/** One unit's rows as of `asOf`. */
export function unitRows(d: UnitData, asOf: Day): { row: UnitRow; overdue: OverdueRow[]; ledger: LedgerRow[] } {
  const unit = d.unit.name;
  const row: UnitRow = { unit, kind: d.kind.name, problems: d.problems.length, ...progressFigures(d.measures, { day: asOf, unit: d }) };
  const overdue: OverdueRow[] = [];
  for (const m of d.measures) {
    const days = overdueDays(m, d, asOf);
    if (days === undefined) continue;
    overdue.push({
      unit,
      department: m.department ?? '',
      leader: m.leader ?? '',
      action: m.action,
      deadline: m.deadline ? formatDateZh(m.deadline) : '',
      due: formatDayZh(dueDate(m.deadline, d)!),
      days,
    });
  }
  const ledger: LedgerRow[] = [];
  d.problems.forEach((p, i) => {
    const category = p.category ?? (p.wind ? enumLabel(ENUMS.WIND, p.wind) : '');
    const ms = d.measures.filter((m) => m.problem.includes(p.id));
    for (const m of ms.length ? ms : [undefined]) {
      ledger.push({
        unit,
        no: i + 1,
        category,
        problem: p.text,
        action: m?.action ?? '',
        leader: m?.leader ?? '',
        department: m?.department ?? '',
        deadline: m?.deadline ? formatDateZh(m.deadline) : '',
        status: m ? BUCKET_LABELS[measureBucket(m)] : '',
        progress: m?.progress ?? '',
      });
    }
  });
  return { row, overdue, ledger };
}

/** The totals row: sums, and the rate of the sums (not the mean of the rates). */
export function totals(rows: readonly UnitRow[]): UnitRow {
  const sum = (k: keyof ProgressFigures | 'problems') => rows.reduce((n, r) => n + (r[k] as number), 0);
  const measures = sum('measures');
  const done = sum('done');
  return {
    unit: '合计',
    kind: '',
    problems: sum('problems'),
    measures,
    done,
    in_progress: sum('in_progress'),
    long_term: sum('long_term'),
    not_started: sum('not_started'),
    open: sum('open'),
    overdue: sum('overdue'),
    rate: percent(done, measures),
  };
}
