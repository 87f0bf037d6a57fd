// UnitData → the view templates see: data texts tagged with their field (for provenance and
// safe escaping), enum labels in Chinese, dates that print as 2014年3月31日, links between lists.
import type { Span } from '../diag/diagnostic.js';
import type { DateValue } from '../data/dates.js';
import { ENUMS, enumLabel } from '../data/schema.js';
import type { UnitData } from '../data/types.js';
import { tagField, untag } from './markers.js';
import { progressFigures } from '../data/progress.js';
import { kindView } from './kind-view.js';
import { DateView } from './date-view.js';
import { campaignViews, leaderViews, lookbackView, measureViews, problemViews, regulationViews, roadmapView, unitView, type AsOf, type ViewContext } from './view-lists.js';

/** What a tagged field id points back to. */
export interface FieldRef {
  path: string;
  span?: Span;
}

export { DateView } from './date-view.js';

export interface ViewBuild {
  view: Record<string, unknown>;
  fields: FieldRef[];
}

/** Builds the view of a unit; `extra` adds per-document values (the campaign, the leader…). */
/** The day a unit's figures are for: `asOf` when given, else its report's date, else its own date. */
function figuresDay(d: UnitData, asOf?: DateValue): AsOf | undefined {
  const day = asOf ?? d.unit.report_date ?? d.unit.date;
  return day && day.kind === 'date' ? { day: { kind: 'date', year: day.year, month: day.month, day: day.day }, unit: d } : undefined;
}

export function buildView(d: UnitData, fields: FieldRef[] = [], opts: { asOf?: DateValue } = {}): ViewBuild {
  const asOf = figuresDay(d, opts.asOf);
  const tag = (text: string | undefined, path: string): string | null => {
    if (text === undefined) return null;
    const ref: FieldRef = { path };
    const span = d.spans.get(path);
    if (span) ref.span = span;
    fields.push(ref);
    return tagField(fields.length - 1, text);
  };
  const c: ViewContext = { d, asOf, tag, dt: (v) => (v ? new DateView(v) : null), lab: (spec, v) => (v ? enumLabel(spec, v) : null) };
  const unit = unitView(c);
  const measures = measureViews(c);
  const problems = problemViews(c, measures);
  const roadmap = roadmapView(c);
  const campaigns = campaignViews(c);
  const regulations = regulationViews(c);
  const { stats, public: publicView } = statsView(d, problems, measures, campaigns.length, regulations.length, asOf);
  const lookback = lookbackView(c);
  const leaders = leaderViews(c, problems);
  const view = { unit, date: unit.date, problems, measures, roadmap, campaigns, regulations, lookback, leaders, stats, kind: kindView(d.kind), public: publicView };
  return { view, fields };
}

/** The unit's figures (stats) and what the 公开 document may show (public): public problems with their public measures. */
function statsView(d: UnitData, problems: ReturnType<typeof problemViews>, measures: ReturnType<typeof measureViews>, campaigns: number, regulations: number, asOf: AsOf | undefined) {
  const windGroups = Object.keys(ENUMS.WIND.values).map((w) => ({
    wind: w,
    label: enumLabel(ENUMS.WIND, w),
    problems: problems.filter((p) => p.wind === w),
  }));
  const stats = {
    problems: problems.length,
    measures: measures.length,
    done: measures.filter((m) => m.status === 'done').length,
    in_progress: measures.filter((m) => m.status === 'in_progress').length,
    collective: problems.filter((p) => p.scope === 'collective').length,
    individual: problems.filter((p) => p.scope === 'individual').length,
    campaigns,
    regulations,
    by_wind: windGroups.filter((g) => g.problems.length > 0).map((g) => ({ ...g, count: g.problems.length })),
    ...ledgerFigures(d, problems, measures, asOf),
  };
  // What the 公开 document may show: public problems with their public measures, and their figures.
  const publicProblems = problems
    .filter((p) => p.public)
    .map((p) => ({ ...p, measures: p.measures.filter((m) => m.public) }))
    .filter((p) => p.measures.length > 0);
  const publicMeasures = measures.filter((m, j) => m.public && d.measures[j]!.problem.every((id) => problems.find((p) => p.id === id)?.public !== false));
  const publicView = {
    problems: publicProblems,
    measures: publicMeasures,
    stats: {
      problems: publicProblems.length,
      figures: progressFigures(
        d.measures.filter((_m, j) => publicMeasures.includes(measures[j]!)),
        asOf,
      ),
      by_category: categoryGroups(publicProblems, d.measures, measures, asOf),
    },
  };

  return { stats, public: publicView };
}

type ProblemView = { id: string; category: string | null; measures: unknown[] };
type MeasureView = { bucket: string };

/** Problems by category in the order their categories first appear (the feedback's own order), each with its figures. */

function categoryGroups(problems: readonly ProblemView[], raw: UnitData['measures'], measures: readonly MeasureView[], asOf?: AsOf) {
  const groups: { key: string | null; label: string | null; heading: string | null; problems: ProblemView[] }[] = [];
  for (const p of problems) {
    // Compared as written, without the field markers (each problem's cell is a field of its own).
    const key = p.category === null ? null : untag(p.category);
    let g = groups.find((x) => x.key === key);
    if (!g) groups.push((g = { key, label: p.category, heading: aboutHeading(key), problems: [] }));
    g.problems.push(p);
  }
  return groups.map(({ key: _key, ...g }, i) => {
    const ms = measures.filter((m) => g.problems.some((p) => p.measures.includes(m)));
    return {
      index: i + 1,
      ...g,
      count: g.problems.length,
      ...progressFigures(
        ms.map((m) => raw[measures.indexOf(m)]!),
        asOf,
      ),
    };
  });
}

/** 贯彻落实……方面 → 关于贯彻落实……方面的问题; 预算执行 → 关于预算执行方面的问题. */
function aboutHeading(label: string | null): string | null {
  if (label === null) return null;
  const l = label.replace(/[。；;]$/, '');
  if (/问题$/.test(l)) return `关于${l}`;
  return /方面$/.test(l) ? `关于${l}的问题` : `关于${l}方面的问题`;
}

/** The ledger's figures (kinds.md): problems, measures by bucket, the rate, per category, and which optional columns have data. */
function ledgerFigures(
  d: UnitData,
  problems: readonly (ProblemView & { amount: string | null })[],
  measures: readonly (MeasureView & { goal: string | null; person: string | null; mode: string | null; evidence: string | null })[],
  asOf?: AsOf,
) {
  const figures = progressFigures(d.measures, asOf);
  return {
    figures,
    by_category: categoryGroups(problems, d.measures, measures, asOf),
    as_of: asOf ? new DateView(asOf.day) : null,
    categories: new Set(problems.map((p) => p.category && untag(p.category))).size,
    has_goals: measures.some((m) => m.goal),
    has_persons: measures.some((m) => m.person),
    has_modes: measures.some((m) => m.mode),
    has_evidence: measures.some((m) => m.evidence),
    has_amounts: problems.some((p) => p.amount),
  };
}
