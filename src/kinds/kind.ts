// A kind of 整改 (巡视整改, 巡察整改, 审计整改, 主题教育, 民主生活会, 教育实践活动 …) as read from its
// YAML file: where its problems come from, its categories, required fields, documents, deadlines, wording.
import type { Span } from '../diag/diagnostic.js';

/** A text from a kind file, rendered as a Handlebars template against the unit's view. */
export interface KindText {
  text: string;
  span: Span;
}

/**
 * Which instances a document has: one per unit, per campaign, per leader; per problem whose
 * measures are all done (销号); per responsible department with measures overdue or due soon (督办).
 */
export type KindDocPer = 'unit' | 'campaign' | 'leader' | 'closed_problem' | 'department_due';

export interface KindDoc {
  /** Document id (`--only`, the manifest). */
  id: string;
  /** Template id: `<template>.md.hbs`, the project's templates/ first. */
  template: string;
  /** File name (without extension). */
  name: string;
  /** The document's title (`{{doc.title}}` in its template). */
  title?: KindText;
  /** What the unit must have: section keys (problems, measures …), unit fields (unit.principal) or public_measures / leaders_with_items. */
  needs: string[];
  /** Said when `needs` is not met; a default names the missing data. */
  missing?: string;
  per: KindDocPer;
  /** Wording for this document only, over the kind's. */
  wording: Record<string, KindText>;
  span: Span;
}

export interface KindCategory {
  /** How the problem category is called in this kind (问题类别, 反馈意见方面, 问题类型 …). */
  label: string;
  /** A closed list of values; absent: free headings, grouped in the order they first appear. */
  values?: string[];
  /** The 2013 四风 categories (形式主义, 官僚主义, 享乐主义, 奢靡之风) as an enum (教育实践活动). */
  fourWinds: boolean;
}

export interface Kind {
  /** The kind's name, also its id: 巡察整改. */
  name: string;
  aliases: string[];
  file: string;
  builtin: boolean;
  /** Who found the problems (巡察组, 审计机关 …): names the unit's `inspector` field. */
  inspector?: string;
  /** What the problems come from (巡察反馈意见, 审计报告 …). */
  feedback?: string;
  /** The day the problems were handed over (反馈日期, 审计报告日期, 会议召开日期 …): names `feedback_date`. */
  feedbackDate?: string;
  category: KindCategory;
  /** A done measure is closed (销号) only with its evidence: check warns when it names none. */
  evidenceRequired: boolean;
  /** Required fields per section; absent: the data schema's defaults. */
  required?: { unit?: string[]; problems?: string[]; measures?: string[] };
  /** How long after the feedback date the plan and the report are due (a unit may override). */
  deadlines: { plan?: Term; report?: Term; immediate?: Term; remind?: Term };
  documents: KindDoc[];
  /** Document ids in the filing packet's order. */
  packet: string[];
  wording: Record<string, KindText>;
  span: Span;
}

/** A period as offices state it: 30日, 2个月. */
export interface Term {
  count: number;
  unit: 'day' | 'month';
}

/** “30”, “30天”, “30日”, “2个月”, “两个月” → a Term; undefined when it is none. */
export function parseTerm(raw: string | number): Term | undefined {
  const s = String(raw).trim().replace(/\s+/g, '');
  const cn: Record<string, number> = { 一: 1, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十二: 12 };
  const m = /^(\d+|[一两二三四五六七八九十]|十二)(个月|月|天|日|个工作日)?$/.exec(s);
  if (!m) return undefined;
  const count = /\d/.test(m[1]!) ? Number(m[1]) : cn[m[1]!]!;
  const unit = m[2] === '个月' || m[2] === '月' ? 'month' : 'day';
  if (!Number.isInteger(count) || count <= 0 || count > (unit === 'month' ? 120 : 3660)) return undefined;
  return { count, unit };
}

/** 30日, 2个月: the period as documents write it. */
export function termText(t: Term): string {
  return t.unit === 'month' ? `${t.count}个月` : `${t.count}日`;
}

/** The kind of a unit that names none, in a project that sets none (SPEC §1). */
export const DEFAULT_KIND = '教育实践活动';
