// Review rules of the reference notice (SPEC §7), as checks on normalized data.
import { error, warning, type Diagnostic, type Span } from '../diag/diagnostic.js';
import { compareDates, formatDateZh, formatDayZh, type DateValue } from './dates.js';
import { dueDate, overdueDays } from './overdue.js';
import { parseTerm, termText, type Term } from '../kinds/kind.js';
import { addTerm, unitTerms } from '../kinds/terms.js';
import { LOOKBACK_CHECKS } from './schema.js';
import type { UnitData } from './types.js';

/** `asOf`: the day measures are judged overdue (R_OVERDUE); without it none is. */
export function reviewUnit(d: UnitData, opts: { asOf?: DateValue } = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (path: string): Span | undefined => d.spans.get(path);

  // A 发文字号 without its 序号 would print “沪某委党〔2013〕　号”: said before it is printed.
  if (d.unit.doc_number_prefix && !d.unit.doc_number) {
    out.push(warning('W_DOC_NUMBER', `发文字号没有序号：文件将印成“${d.unit.doc_number_prefix}〔年份〕　号”，留待手写`, at('unit.doc_number_prefix'), '在单位信息中填写 发文字号序号（doc_number）'));
  }

  // Problem ids are unique; every reference points at one.
  const ids = new Map<string, number>();
  d.problems.forEach((p, i) => {
    const prev = ids.get(p.id);
    if (prev !== undefined) out.push(error('E_DUPLICATE_ID', `问题编号“${p.id}”重复（与第 ${prev + 1} 个问题相同）`, at(`problems.${i}.id`) ?? at(`problems.${i}`)));
    else ids.set(p.id, i);
    if (p.scope === 'individual' && !p.person) {
      out.push(error('E_REQUIRED', `个人问题必须写明责任人（person / 责任人）：问题“${p.id}”`, at(`problems.${i}`)));
    }
  });

  const covered = new Set<string>();
  d.measures.forEach((m, i) => {
    if (m.problem.length === 0 && d.problems.length > 0) {
      out.push(warning('W_MEASURE_NO_PROBLEM', '整改措施没有写对应问题（problem / 对应问题）', at(`measures.${i}`)));
    }
    m.problem.forEach((ref, j) => {
      if (ids.has(ref)) covered.add(ref);
      else {
        const known = [...ids.keys()].slice(0, 12).join('、');
        out.push(error('E_REF', `对应问题“${ref}”不存在`, at(`measures.${i}.problem.${j}`) ?? at(`measures.${i}.problem`), known ? `已有的问题编号：${known}` : '问题清单为空'));
      }
    });
  });
  d.problems.forEach((p, i) => {
    if (!covered.has(p.id)) out.push(error('R_NO_MEASURE', `问题“${p.id}”没有对应的整改措施（每个问题都要有具体措施）`, at(`problems.${i}`)));
  });

  // Deadlines not before the plan date (a measure already done may well be).
  const planDate = d.unit.date;
  if (planDate) {
    const check = (deadline: UnitData['measures'][number]['deadline'] | undefined, path: string, what: string) => {
      if (deadline && deadline.kind === 'date' && compareDates(deadline, planDate) < 0) {
        out.push(warning('R_DEADLINE_BEFORE_DATE', `${what}的完成时限 ${formatDateZh(deadline)} 早于成文日期 ${formatDateZh(planDate)}`, at(path)));
      }
    };
    d.measures.forEach((m, i) => m.status !== 'done' && check(m.deadline, `measures.${i}.deadline`, '整改措施'));
    d.regulations.forEach((r, i) => check(r.deadline, `regulations.${i}.deadline`, `制度“${r.title}”`));
    d.campaigns.forEach((c, i) => check(c.deadline, `campaigns.${i}.deadline`, `专项整治“${c.title}”`));
  }

  d.roadmap.forEach((ph, i) => {
    if (ph.from && ph.to && compareDates(ph.from, ph.to) > 0) {
      out.push(error('E_DATE_RANGE', `阶段“${ph.phase}”的开始时间晚于结束时间`, at(`roadmap.${i}.to`)));
    }
  });

  if (d.lookback) {
    for (const c of LOOKBACK_CHECKS) {
      const check = d.lookback[c.key];
      if (check && check.verdict !== 'solid' && !check.remedy) {
        out.push(warning('R_NO_REMEDY', `“回头看”${c.question}：结论为需补课或返工，应写明补课措施（remedy / 补课措施）`, at(`lookback.${c.key}`)));
      }
    }
  }

  out.push(...kindDeadlines(d));
  if (opts.asOf?.kind === 'date') out.push(...overdue(d, opts.asOf));

  d.leaders.forEach((l, i) => {
    if (l.problems.length === 0 && l.measures.length === 0) {
      out.push(warning('W_LEADER_EMPTY', `班子成员“${l.name}”没有问题和整改措施，不生成个人整改措施`, at(`leaders.${i}`)));
    }
  });
  return out;
}

/**
 * The kind's deadlines from the feedback date (整改方案 within 30日 …; local rules differ, so the
 * unit may set its own): a plan dated after its deadline, or a report after its, is a warning at
 * the date's line. A term the unit writes that is no period is an error at it.
 */
function kindDeadlines(d: UnitData): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const key of ['plan_days', 'report_days'] as const) {
    const raw = d.unit[key];
    if (raw !== undefined && !parseTerm(raw))
      out.push(error('E_TYPE', `“${key === 'plan_days' ? '整改方案时限' : '整改报告时限'}”应为期限，如 30日、2个月；这里是“${raw}”`, d.spans.get(`unit.${key}`)));
  }
  const from = d.unit.feedback_date;
  if (!from || from.kind !== 'date') return out;
  const terms = unitTerms(d);
  const late = (date: DateValue | undefined, path: string, term: Term | undefined, what: string, code: string) => {
    if (!date || date.kind !== 'date' || !term) return;
    const due = addTerm(from, term);
    if (compareDates(date, due) > 0) {
      out.push(
        warning(
          code,
          `${what}的日期 ${formatDateZh(date)} 晚于时限 ${formatDateZh(due)}（${d.kind.feedbackDate ?? '反馈日期'} ${formatDateZh(from)} 后${termText(term)}内）`,
          d.spans.get(path),
          '各地时限不同：可在单位中用“整改方案时限”“整改报告时限”写明本地的要求',
        ),
      );
    }
  };
  const plans = d.kind.documents.some((x) => x.id === 'rectification-plan');
  if (plans) late(d.unit.date, 'unit.date', terms.plan, '整改方案', 'R_PLAN_LATE');
  late(d.unit.report_date, 'unit.report_date', terms.report, '整改情况报告', 'R_REPORT_LATE');
  return out;
}

/** Measures not done past their deadline as of `asOf`: a warning at each, naming the deadline and the days since. */
function overdue(d: UnitData, asOf: DateValue & { kind: 'date' }): Diagnostic[] {
  const out: Diagnostic[] = [];
  d.measures.forEach((m, i) => {
    const days = overdueDays(m, d, asOf);
    if (days === undefined) return;
    const due = dueDate(m.deadline, d)!;
    // The office's words, and the day they mean when they are words.
    const written = m.deadline?.text ? `${m.deadline.text}（${formatDayZh(due)}）` : formatDayZh(due);
    out.push(
      warning(
        'R_OVERDUE',
        `整改措施已超期：完成时限 ${written}，截至 ${formatDayZh(asOf)} 超期 ${days} 天，尚未完成`,
        d.spans.get(`measures.${i}`),
        m.department ? `责任部门：${m.department}` : undefined,
      ),
    );
  });
  return out;
}
