// The document types of a unit's kind (its kind file's documents): which data each needs, how many
// it makes, their file names and templates, and the filing packet's order.
import type { UnitData } from '../data/types.js';
import type { Kind, KindDoc } from '../kinds/kind.js';
import { needOf } from '../kinds/needs.js';
import type { DateValue } from '../data/dates.js';
import { toChase } from '../data/overdue.js';
import { DateView } from '../template/view.js';

export interface DocInstance {
  /** Document id. */
  id: string;
  /** Template id (`<template>.md.hbs`). */
  template: string;
  /** File name without extension, in Chinese. */
  name: string;
  /** The kind file's entry: the title and wording rendered for this document. */
  spec?: KindDoc;
  /** Extra values for the view (the campaign, the leader, …). */
  extra: (view: Record<string, unknown>) => Record<string, unknown>;
}

export interface DocType {
  id: string;
  name: string;
  template: string;
  /** The data it is made from, for `gongwen templates`. */
  needs: string;
  /** Why the unit gets none of this document, or undefined when it does. */
  missing: (d: UnitData) => string | undefined;
  /** `asOf`: the day 督办 documents chase the measures as of (else the unit's report or own date). */
  instances: (d: UnitData, asOf?: DateValue) => DocInstance[];
}

function docType(kind: Kind, spec: KindDoc): DocType {
  const needs = spec.needs.map((n) => ({ n, ok: needOf(n, kind) ?? (() => false) }));
  const one = (extra: DocInstance['extra'], name: string): DocInstance => ({ id: spec.id, template: spec.template, name, spec, extra });
  const instances = (d: UnitData, asOf?: DateValue): DocInstance[] => {
    if (spec.per === 'closed_problem') {
      // A problem whose every measure is done can be closed (销号): one application each.
      return d.problems
        .map((p, i) => ({ p, i, ms: d.measures.filter((m) => m.problem.includes(p.id)) }))
        .filter(({ ms }) => ms.length > 0 && ms.every((m) => m.status === 'done'))
        .map(({ p, i }) => one((view) => ({ problem: (view.problems as unknown[])[i] }), `${spec.name}（问题${p.id}）`));
    }
    if (spec.per === 'department_due') {
      const day = asOf ?? d.unit.report_date ?? d.unit.date;
      if (!day || day.kind !== 'date') return [];
      const chased = toChase(d, day);
      const departments = [...new Set(chased.map((m) => m.department ?? '（未写责任部门）'))];
      // A reply is asked for within a week of the notice.
      const x = new Date(Date.UTC(day.year, day.month - 1, day.day + 7));
      const replyBy = new DateView({ kind: 'date', year: x.getUTCFullYear(), month: x.getUTCMonth() + 1, day: x.getUTCDate() });
      return departments.map((dep) =>
        one(
          (view) => ({
            reply_by: replyBy,
            department: {
              name: dep,
              measures: (view.measures as { department: string | null }[]).filter((_m, j) => chased.includes(d.measures[j]!) && (d.measures[j]!.department ?? '（未写责任部门）') === dep),
            },
          }),
          `${spec.name}（${dep}）`,
        ),
      );
    }
    if (spec.per === 'campaign') {
      return d.campaigns.map((c, i) => one((view) => ({ campaign: (view.campaigns as unknown[])[i] }), d.campaigns.length === 1 ? `${spec.name}（${c.title}）` : `${spec.name}${i + 1}（${c.title}）`));
    }
    if (spec.per === 'leader') {
      return d.leaders
        .map((l, i) => ({ l, i }))
        .filter(({ l }) => l.problems.length || l.measures.length)
        .map(({ l, i }) => one((view) => ({ leader: (view.leaders as unknown[])[i] }), `${spec.name}（${l.name}）`));
    }
    return [one(() => ({}), spec.name)];
  };
  return {
    id: spec.id,
    name: spec.name,
    template: spec.template,
    needs: (spec.needs.length ? spec.needs.join('、') : '单位信息') + PER_TEXT[spec.per],
    missing: (d) => {
      const lacking = needs.filter((x) => !x.ok(d)).map((x) => x.n);
      return lacking.length ? (spec.missing ?? `没有${lacking.join('、')}`) : undefined;
    },
    instances,
  };
}

const PER_TEXT: Record<KindDoc['per'], string> = {
  unit: '',
  campaign: '，每项专项整治一份',
  leader: '，每位班子成员一份',
  closed_problem: '，每个措施全部完成的问题一份',
  department_due: '，每个有超期或临近时限措施的责任部门一份',
};

/** Document types by kind, made once per kind object. */
const cache = new WeakMap<Kind, DocType[]>();

/** The documents a kind produces, in its file's order. */
export function docTypes(kind: Kind): readonly DocType[] {
  let types = cache.get(kind);
  if (!types) cache.set(kind, (types = kind.documents.map((s) => docType(kind, s))));
  return types;
}

/**
 * The packet's documents for a unit, in order: the kind's list; with unit.issue_notice the 印发通知
 * that carries the 整改方案 in its place, with unit.filing_report the 备案报告 first (when the kind
 * has those documents).
 */
export function packetDocs(d: UnitData): string[] {
  const has = (id: string) => d.kind.documents.some((x) => x.id === id);
  const docs = d.unit.issue_notice && has('issue-notice') ? d.kind.packet.map((id) => (id === 'rectification-plan' ? 'issue-notice' : id)) : d.kind.packet;
  return d.unit.filing_report && has('filing-report') && !docs.includes('filing-report') ? ['filing-report', ...docs] : docs;
}
