// The document types of a unit's kind (its kind file's documents): which data each needs, how many
// it makes, their file names and templates, and the filing packet's order.
import type { UnitData } from '../data/types.js';
import type { Kind, KindDoc } from '../kinds/kind.js';
import { needOf } from '../kinds/needs.js';

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
  instances: (d: UnitData) => DocInstance[];
}

function docType(kind: Kind, spec: KindDoc): DocType {
  const needs = spec.needs.map((n) => ({ n, ok: needOf(n, kind) ?? (() => false) }));
  const one = (extra: DocInstance['extra'], name: string): DocInstance => ({ id: spec.id, template: spec.template, name, spec, extra });
  const instances = (d: UnitData): DocInstance[] => {
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
    needs: spec.needs.length ? spec.needs.join('、') + (spec.per === 'unit' ? '' : spec.per === 'campaign' ? '，每项专项整治一份' : '，每位班子成员一份') : '单位信息',
    missing: (d) => {
      const lacking = needs.filter((x) => !x.ok(d)).map((x) => x.n);
      return lacking.length ? (spec.missing ?? `没有${lacking.join('、')}`) : undefined;
    },
    instances,
  };
}

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
