// UnitData: the normalized data of one unit, canonical keys and values, with spans by path.
import type { Span } from '../diag/diagnostic.js';
import type { KIND_MEASURE_FIELDS, KIND_PROBLEM_FIELDS, KIND_UNIT_FIELDS } from './kind-fields.js';
import type { ATTACHMENT, CAMPAIGN, CHECK, FieldSpec, LEADER, LEADER_MEASURE, MEASURE, PROBLEM, REGULATION, ROADMAP, STEP, UNIT } from './schema.js';
import type { ObjectValue, Settled, Loose } from './schema-types.js';
import type { Kind } from '../kinds/kind.js';

// The unit's sections as the schema table (data/schema.ts, data/kind-fields.ts) describes them: the
// types are read off the table, so a field added there is a field here.
type Fields<T extends { kind: 'object'; fields: readonly FieldSpec[] }> = ObjectValue<T['fields']>;
type KindExtras<F extends readonly FieldSpec[]> = Partial<ObjectValue<F>>;

export type Contact = NonNullable<UnitInfo['contact']>;
/** 整改类型 as written is `kind`; `UnitData.kind` is the kind it names. */
export type UnitInfo = Fields<typeof UNIT> & KindExtras<typeof KIND_UNIT_FIELDS>;
/** 四风类别 (`wind`) in 教育实践活动; the kind's category (a 反馈意见 heading, an 审计 problem type …) elsewhere. */
export type Problem = Settled<Loose<Fields<typeof PROBLEM>, 'wind' | 'scope'>, 'id'> & { category?: string } & KindExtras<typeof KIND_PROBLEM_FIELDS>;
export type Measure = Settled<Loose<Fields<typeof MEASURE>, 'goal' | 'deadline' | 'leader' | 'department'>, 'problem' | 'public'> & KindExtras<typeof KIND_MEASURE_FIELDS>;
export type Phase = Fields<typeof ROADMAP>;
export type Step = Fields<typeof STEP>;
export type Campaign = Fields<typeof CAMPAIGN>;
export type Regulation = Fields<typeof REGULATION>;
export type Check = Fields<typeof CHECK>;
/** The 回头看's checks by key (study, problems … as LOOKBACK_CHECKS lists them). */
export type Lookback = Record<string, Check>;
export type LeaderMeasure = Fields<typeof LEADER_MEASURE>;
export type Leader = Settled<Fields<typeof LEADER>, 'problems' | 'measures'>;
/** A PDF filed with the packet; `file` may be a pattern, relative to the data file it is in. */
export type Attachment = Fields<typeof ATTACHMENT>;

export interface UnitData {
  unit: UnitInfo;
  problems: Problem[];
  measures: Measure[];
  roadmap: Phase[];
  campaigns: Campaign[];
  regulations: Regulation[];
  lookback?: Lookback;
  leaders: Leader[];
  attachments: Attachment[];
  /** Which sections the unit's files actually had (a document whose data is absent is not produced). */
  present: Set<string>;
  /** Span of every value, by path: `problems.3.text`, `unit.name`, `measures.0`. */
  spans: Map<string, Span>;
  /** The YAML files this unit was read from. */
  sources: string[];
  /** The kind of 整改 the unit runs (its documents, categories, wording). */
  kind: Kind;
}
