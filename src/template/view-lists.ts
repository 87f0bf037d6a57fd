// The lists of a unit's view, each from its section of the data: texts tagged with their field,
// enum labels, DateViews, and the links between problems, measures and leaders.
import { ENUMS, LOOKBACK_CHECKS, type EnumSpec } from '../data/schema.js';
import type { DateValue } from '../data/dates.js';
import type { UnitData } from '../data/types.js';
import { BUCKET_LABELS, measureBucket, type progressFigures } from '../data/progress.js';
import { daysLeft, dueDate, overdueDays } from '../data/overdue.js';
import { MODE } from '../kinds/kind-sections.js';
import { DateView } from './date-view.js';
import { unitDeadlines } from './kind-view.js';

export type AsOf = NonNullable<Parameters<typeof progressFigures>[1]>;

/** What every list needs: the data, the day of its figures, and how to tag a text, a date and a label. */
export interface ViewContext {
  d: UnitData;
  asOf: AsOf | undefined;
  tag: (text: string | undefined, path: string) => string | null;
  dt: (v: DateValue | undefined) => DateView | null;
  lab: (spec: EnumSpec, v: string | undefined) => string | null;
}

export function unitView(c: ViewContext) {
  const { d, tag, dt, lab } = c;
  const u = d.unit;
  const year = u.date?.kind === 'date' ? u.date.year : null;
  // 沪某委党〔2013〕12号; a missing 序号 leaves its place blank for the office to fill in.
  const numbered = (n: string | undefined) => (u.doc_number_prefix && year ? `${u.doc_number_prefix}〔${year}〕${n ?? '\u3000'}号` : null);
  const docNumber = numbered(u.doc_number);
  const reportNumber = u.report_doc_number ? numbered(u.report_doc_number) : null;
  return {
    name: tag(u.name, 'unit.name'),
    short_name: tag(u.short_name ?? u.name, u.short_name ? 'unit.short_name' : 'unit.name'),
    category: u.category ?? null,
    category_label: lab(ENUMS.CATEGORY, u.category),
    issuer: tag(u.issuer, 'unit.issuer'),
    doc_number_prefix: tag(u.doc_number_prefix, 'unit.doc_number_prefix'),
    doc_number: docNumber ? tag(docNumber, 'unit.doc_number_prefix') : null,
    report_doc_number: reportNumber ? tag(reportNumber, 'unit.report_doc_number') : null,
    // 文号 of the documents named in 各文件文号, by name (the document's view reads its own: doc.doc_number).
    doc_numbers: Object.fromEntries((u.doc_numbers ?? []).map((n, i) => [n.document, tag(numbered(n.number) ?? undefined, `unit.doc_numbers.${i}.number`)])),
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
}

export function measureViews(c: ViewContext) {
  const { d, tag, dt, lab, asOf } = c;
  return d.measures.map((m, i) => ({
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
}

/** Problems with their measures; each measure also learns the problems it answers (for the 问题清单 table). */
export function problemViews(c: ViewContext, measures: ReturnType<typeof measureViews>) {
  const { d, tag, lab } = c;
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
  measures.forEach((m, j) => {
    m.problems = problems.filter((p) => d.measures[j]!.problem.includes(p.id)).map((p) => ({ id: p.id, index: p.index, text: p.text, wind_label: p.wind_label }));
  });
  return problems;
}

export function roadmapView(c: ViewContext) {
  const { d, tag, dt } = c;
  return d.roadmap.map((r, i) => ({
    index: i + 1,
    phase: tag(r.phase, `roadmap.${i}.phase`),
    from: dt(r.from),
    to: dt(r.to),
    tasks: tag(r.tasks, `roadmap.${i}.tasks`),
  }));
}

export function campaignViews(c: ViewContext) {
  const { d, tag, dt, lab } = c;
  return d.campaigns.map((c, i) => ({
    index: i + 1,
    title: tag(c.title, `campaigns.${i}.title`),
    // A name that already says what it is (文山会海专项整治, 遏制文山会海专项治理, 办公用房清理整改) gets
    // no 专项整治 again, and its plan is …方案 once: never …专项治理专项整治方案.
    name: tag(campaignName(c.title), `campaigns.${i}.title`),
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
}

export function regulationViews(c: ViewContext) {
  const { d, tag, dt, lab } = c;
  return d.regulations.map((r, i) => ({
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
}

/** What a check's remedy is called after its verdict (the notice: 补课, 加把火, 返工重来). */
const REMEDY_LABEL: Record<string, string> = { solid: '巩固措施', remedial: '补课措施', redo: '返工措施' };

export function lookbackView(c: ViewContext) {
  const { d, tag, dt, lab } = c;
  if (!d.lookback) return null;
  const checks = LOOKBACK_CHECKS.filter((c) => d.lookback![c.key]).map((c, i) => {
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
      remedy_label: REMEDY_LABEL[ck.verdict ?? ''] ?? '整改措施',
      done_on: dt(ck.done_on),
    };
  });
  // The checks grouped by verdict, 扎实 first, for the report's prose (“学习教育、……四个方面总体扎实；……”).
  const verdicts = Object.keys(ENUMS.VERDICT.values)
    .map((v) => ({ verdict: v, verdict_label: lab(ENUMS.VERDICT, v), items: checks.filter((k) => k.verdict === v) }))
    .filter((g) => g.items.length)
    .map((g) => ({ ...g, labels: g.items.map((k) => k.label).join('、'), count: g.items.length }));
  return { checks, verdicts };
}

export function leaderViews(c: ViewContext, problems: ReturnType<typeof problemViews>) {
  const { d, tag, dt } = c;
  return d.leaders.map((l, i) => ({
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
}

/** A 专项整治's name from its title: the title as it is when it ends in 整治, 治理 or 整改 (a 方案 dropped). */
export function campaignName(title: string): string {
  const bare = title.replace(/方案$/, '');
  return /(整治|治理|整改)$/.test(bare) ? bare : `${bare}专项整治`;
}
