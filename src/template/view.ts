// UnitData → the view templates see: data texts tagged with their field (for provenance and
// safe escaping), enum labels in Chinese, dates that print as 2014年3月31日, links between lists.
import type { Span } from '../diag/diagnostic.js';
import { formatDateIso, formatDateZh, type DateValue } from '../data/dates.js';
import { ENUMS, LOOKBACK_CHECKS, enumLabel, type EnumSpec } from '../data/schema.js';
import type { UnitData } from '../data/types.js';
import { tagField, untag } from './markers.js';
import { BUCKET_LABELS, measureBucket, progressFigures } from '../data/progress.js';
import { daysLeft, dueDate, overdueDays } from '../data/overdue.js';
import { MODE } from '../kinds/kind-sections.js';
import { kindView, unitDeadlines } from './kind-view.js';

/** What a tagged field id points back to. */
export interface FieldRef {
  path: string;
  span?: Span;
}

/** A date as templates see it: prints in Chinese, with parts for custom formats. */
export class DateView {
  readonly year: number | null;
  readonly month: number | null;
  readonly day: number | null;
  readonly ongoing: boolean;
  readonly iso: string;
  readonly zh: string;
  /** Written in words (2014年3月底前, 立行立改): custom formats print the words too. */
  readonly words: boolean;
  private readonly v: DateValue;
  constructor(d: DateValue) {
    this.v = d;
    this.words = d.text !== undefined;
    this.ongoing = d.kind === 'ongoing';
    this.year = d.kind === 'date' ? d.year : null;
    this.month = d.kind === 'date' ? d.month : null;
    this.day = d.kind === 'date' ? d.day : null;
    this.iso = formatDateIso(d);
    this.zh = formatDateZh(d);
  }
  toString(): string {
    return this.zh;
  }
  value(): DateValue {
    return this.v;
  }
}

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
  const dt = (v: DateValue | undefined) => (v ? new DateView(v) : null);
  const lab = (spec: EnumSpec, v: string | undefined) => (v ? enumLabel(spec, v) : null);

  const u = d.unit;
  const year = u.date?.kind === 'date' ? u.date.year : null;
  // 沪某委党〔2013〕12号; a missing 序号 leaves its place blank for the office to fill in.
  const numbered = (n: string | undefined) => (u.doc_number_prefix && year ? `${u.doc_number_prefix}〔${year}〕${n ?? '\u3000'}号` : null);
  const docNumber = numbered(u.doc_number);
  const reportNumber = u.report_doc_number ? numbered(u.report_doc_number) : null;
  const unit = {
    name: tag(u.name, 'unit.name'),
    short_name: tag(u.short_name ?? u.name, u.short_name ? 'unit.short_name' : 'unit.name'),
    category: u.category ?? null,
    category_label: lab(ENUMS.CATEGORY, u.category),
    issuer: tag(u.issuer, 'unit.issuer'),
    doc_number_prefix: tag(u.doc_number_prefix, 'unit.doc_number_prefix'),
    doc_number: docNumber ? tag(docNumber, 'unit.doc_number_prefix') : null,
    report_doc_number: reportNumber ? tag(reportNumber, 'unit.report_doc_number') : null,
    filing_to: tag(u.filing_to, 'unit.filing_to'),
    signers: tag(u.signers, 'unit.signers'),
    supervisor: tag(u.supervisor, 'unit.supervisor'),
    notice_to: tag(u.notice_to, 'unit.notice_to'),
    issue_notice: u.issue_notice ?? false,
    filing_report: u.filing_report ?? false,
    sealed: u.sealed ?? false,
    contact: { name: tag(u.contact?.name, 'unit.contact.name'), phone: tag(u.contact?.phone, 'unit.contact.phone') },
    date: dt(u.date),
    // The kinds' unit fields (巡察组, 反馈日期 …) and the deadlines the kind derives from them.
    kind: d.kind.name,
    inspector: tag(u.inspector, 'unit.inspector'),
    feedback_date: dt(u.feedback_date),
    feedback_ref: tag(u.feedback_ref, 'unit.feedback_ref'),
    principal: tag(u.principal, 'unit.principal'),
    principal_title: tag(u.principal_title, 'unit.principal_title'),
    report_date: dt(u.report_date ?? u.date),
    shortcomings: (u.shortcomings ?? []).map((t, i) => tag(t, `unit.shortcomings.${i}`)),
    next_steps: (u.next_steps ?? []).map((t, i) => tag(t, `unit.next_steps.${i}`)),
    ...unitDeadlines(d, dt),
  };

  const measures = d.measures.map((m, i) => ({
    index: i + 1,
    problem: m.problem,
    action: tag(m.action, `measures.${i}.action`),
    goal: tag(m.goal, `measures.${i}.goal`),
    deadline: dt(m.deadline),
    leader: tag(m.leader, `measures.${i}.leader`),
    department: tag(m.department, `measures.${i}.department`),
    status: m.status ?? null,
    status_label: lab(ENUMS.STATUS, m.status),
    progress: tag(m.progress, `measures.${i}.progress`),
    public: m.public,
    person: tag(m.person, `measures.${i}.person`),
    mode: m.mode ?? null,
    mode_label: lab(MODE, m.mode),
    evidence: tag(m.evidence, `measures.${i}.evidence`),
    bucket: measureBucket(m),
    bucket_label: BUCKET_LABELS[measureBucket(m)],
    due: dt(dueDate(m.deadline, d)),
    overdue_days: asOf ? (overdueDays(m, d, asOf.day) ?? null) : null,
    days_left: asOf ? (daysLeft(m, d, asOf.day) ?? null) : null,
    completed_on: dt(m.completed_on),
    closed_by: tag(m.closed_by, `measures.${i}.closed_by`),
    closed_on: dt(m.closed_on),
    problems: [] as unknown[],
  }));
  const problems = d.problems.map((p, i) => ({
    index: i + 1,
    id: p.id,
    text: tag(p.text, `problems.${i}.text`),
    wind: p.wind ?? null,
    wind_label: lab(ENUMS.WIND, p.wind),
    scope: p.scope ?? null,
    scope_label: lab(ENUMS.SCOPE, p.scope),
    person: tag(p.person, `problems.${i}.person`),
    layer: p.layer ?? null,
    layer_label: lab(ENUMS.LAYER, p.layer),
    term: p.term ?? null,
    term_label: lab(ENUMS.TERM, p.term),
    source: tag(p.source, `problems.${i}.source`),
    category: tag(p.category, `problems.${i}.category`),
    amount: tag(p.amount, `problems.${i}.amount`),
    public: p.public !== false,
    measures: measures.filter((_m, j) => d.measures[j]!.problem.includes(p.id)),
  }));
  // Each measure also knows the problems it answers (for the 问题清单 table).
  measures.forEach((m, j) => {
    m.problems = problems.filter((p) => d.measures[j]!.problem.includes(p.id)).map((p) => ({ id: p.id, index: p.index, text: p.text, wind_label: p.wind_label }));
  });

  const roadmap = d.roadmap.map((r, i) => ({
    index: i + 1,
    phase: tag(r.phase, `roadmap.${i}.phase`),
    from: dt(r.from),
    to: dt(r.to),
    tasks: tag(r.tasks, `roadmap.${i}.tasks`),
  }));
  const campaigns = d.campaigns.map((c, i) => ({
    index: i + 1,
    title: tag(c.title, `campaigns.${i}.title`),
    // 文山会海专项整治 is already a 专项整治: its plan is 文山会海专项整治方案, not …专项整治专项整治方案.
    name: tag(/专项整治$/.test(c.title) ? c.title : `${c.title}专项整治`, `campaigns.${i}.title`),
    origin: c.origin ?? null,
    origin_label: lab(ENUMS.ORIGIN, c.origin),
    target: tag(c.target, `campaigns.${i}.target`),
    lead_department: tag(c.lead_department, `campaigns.${i}.lead_department`),
    owner: tag(c.owner, `campaigns.${i}.owner`),
    steps: (c.steps ?? []).map((s, j) => ({ index: j + 1, action: tag(s.action, `campaigns.${i}.steps.${j}.action`), deadline: dt(s.deadline) })),
    evaluation: tag(c.evaluation, `campaigns.${i}.evaluation`),
    accountability: tag(c.accountability, `campaigns.${i}.accountability`),
    deadline: dt(c.deadline),
  }));
  const regulations = d.regulations.map((r, i) => ({
    index: i + 1,
    title: tag(r.title, `regulations.${i}.title`),
    action: r.action ?? null,
    action_label: lab(ENUMS.REG_ACTION, r.action),
    kind: r.kind ?? null,
    kind_label: lab(ENUMS.REG_KIND, r.kind),
    purpose: tag(r.purpose, `regulations.${i}.purpose`),
    department: tag(r.department, `regulations.${i}.department`),
    deadline: dt(r.deadline),
  }));
  const lookback = d.lookback
    ? {
        checks: LOOKBACK_CHECKS.filter((c) => d.lookback![c.key]).map((c, i) => {
          const ck = d.lookback![c.key]!;
          return {
            index: i + 1,
            key: c.key,
            label: c.label,
            question: c.question,
            verdict: ck.verdict ?? null,
            verdict_label: lab(ENUMS.VERDICT, ck.verdict),
            findings: tag(ck.findings, `lookback.${c.key}.findings`),
            remedy: tag(ck.remedy, `lookback.${c.key}.remedy`),
            done_on: dt(ck.done_on),
          };
        }),
      }
    : null;
  const leaders = d.leaders.map((l, i) => ({
    index: i + 1,
    name: tag(l.name, `leaders.${i}.name`),
    title: tag(l.title, `leaders.${i}.title`),
    problems: l.problems.map((ref, j) => {
      const p = problems.find((x) => x.id === ref);
      return p ? { id: p.id, text: p.text, wind_label: p.wind_label } : { id: null, text: tag(ref, `leaders.${i}.problems.${j}`), wind_label: null };
    }),
    measures: l.measures.map((m, j) => ({
      index: j + 1,
      action: tag(m.action, `leaders.${i}.measures.${j}.action`),
      goal: tag(m.goal, `leaders.${i}.measures.${j}.goal`),
      deadline: dt(m.deadline),
    })),
  }));

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
    campaigns: campaigns.length,
    regulations: regulations.length,
    by_wind: windGroups.filter((g) => g.problems.length > 0).map((g) => ({ ...g, count: g.problems.length })),
    ...ledgerFigures(d, problems, measures, asOf),
  };
  // What the 公开 document may show: public problems with their public measures, and their figures.
  const publicProblems = problems.filter((p) => p.public).map((p) => ({ ...p, measures: p.measures.filter((m) => m.public) })).filter((p) => p.measures.length > 0);
  const publicMeasures = measures.filter((m, j) => m.public && d.measures[j]!.problem.every((id) => problems.find((p) => p.id === id)?.public !== false));
  const publicView = { problems: publicProblems, measures: publicMeasures, stats: { problems: publicProblems.length, figures: progressFigures(d.measures.filter((_m, j) => publicMeasures.includes(measures[j]!)), asOf), by_category: categoryGroups(publicProblems, d.measures, measures, asOf) } };

  return {
    view: { unit, date: unit.date, problems, measures, roadmap, campaigns, regulations, lookback, leaders, stats, kind: kindView(d.kind), public: publicView },
    fields,
  };
}

type ProblemView = { id: string; category: string | null; measures: unknown[] };
type MeasureView = { bucket: string };

/** Problems by category in the order their categories first appear (the feedback's own order), each with its figures. */
type AsOf = NonNullable<Parameters<typeof progressFigures>[1]>;

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
    return { index: i + 1, ...g, count: g.problems.length, ...progressFigures(ms.map((m) => raw[measures.indexOf(m)]!), asOf) };
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
function ledgerFigures(d: UnitData, problems: readonly (ProblemView & { amount: string | null })[], measures: readonly (MeasureView & { goal: string | null; person: string | null; mode: string | null; evidence: string | null })[], asOf?: AsOf) {
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
