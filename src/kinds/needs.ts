// What a kind's document needs of a unit (`需要:` in the kind file), as predicates on its data:
// a section (problems, 问题清单 …), a unit field (unit.principal, 单位.主要负责人), or one of the
// named conditions below.
import { fieldFor, sectionFor } from '../data/schema.js';
import type { UnitData } from '../data/types.js';
import type { Kind } from './kind.js';
import { kindSections } from './kind-sections.js';

export type Need = (d: UnitData) => boolean;

const publicMeasures: Need = (d) => d.measures.some((m) => m.public && m.problem.every((id) => d.problems.find((p) => p.id === id)?.public !== false));

/** Named conditions, with their Chinese names. */
const NAMED: Record<string, { names: string[]; need: (kind: Kind) => Need }> = {
  public_measures: { names: ['公开的整改措施'], need: () => publicMeasures },
  leaders_with_items: { names: ['班子成员的问题和措施'], need: () => (d) => d.leaders.some((l) => l.problems.length > 0 || l.measures.length > 0) },
  // Something the packet files beside its 备案表 (a 备案报告 reports what it files).
  packet_documents: {
    names: ['备案材料'],
    need: (kind) => (d) =>
      kind.packet.some((id) => id !== 'filing-form' && id !== 'filing-report' && kind.documents.filter((k) => k.id === id).every((k) => k.needs.every((n) => needOf(n, kind)?.(d) ?? false))),
  },
};

/** The predicate a `需要` entry names, or undefined when it names nothing known. */
export function needOf(name: string, kind: Kind): Need | undefined {
  const n = name.replace(/\s+/g, '');
  for (const [key, spec] of Object.entries(NAMED)) if (key === n || spec.names.includes(n)) return spec.need(kind);
  const unitField = /^(?:unit|单位)\.(.+)$/.exec(n);
  if (unitField) {
    const unit = kindSections(kind).find((s) => s.key === 'unit')!;
    const field = unit.type.kind === 'object' ? fieldFor(unit.type.fields, unitField[1]!) : undefined;
    if (!field) return undefined;
    return (d) => {
      const v = (d.unit as unknown as Record<string, unknown>)[field.key];
      return v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);
    };
  }
  const sec = sectionFor(n);
  if (!sec) return undefined;
  return (d) => d.present.has(sec.key);
}

/** The names a `需要` entry may use, for messages. */
export function needNames(): string[] {
  return [
    'problems（问题清单）',
    'measures（整改措施）',
    'campaigns',
    'regulations',
    'lookback',
    'leaders',
    'unit.<字段>（如 unit.principal）',
    ...Object.entries(NAMED).map(([k, v]) => `${k}（${v.names[0]}）`),
  ];
}
