// UnitData: the normalized data of one unit, canonical keys and values, with spans by path.
import type { Span } from '../diag/diagnostic.js';
import type { DateValue } from './dates.js';
import type { Kind } from '../kinds/kind.js';

export interface Contact {
  name?: string;
  phone?: string;
}
export interface UnitInfo {
  name: string;
  short_name?: string;
  category?: string;
  issuer: string;
  doc_number_prefix?: string;
  doc_number?: string;
  report_doc_number?: string;
  signers?: string;
  filing_to: string;
  supervisor?: string;
  notice_to?: string;
  issue_notice?: boolean;
  filing_report?: boolean;
  sealed?: boolean;
  contact?: Contact;
  date?: DateValue;
  /** 整改类型 as written; `UnitData.kind` is the kind it names. */
  kind?: string;
  inspector?: string;
  feedback_date?: DateValue;
  feedback_ref?: string;
  principal?: string;
  principal_title?: string;
  report_date?: DateValue;
  plan_days?: string;
  report_days?: string;
  shortcomings?: string[];
  next_steps?: string[];
}
export interface Problem {
  id: string;
  text: string;
  /** 四风类别 (教育实践活动); other kinds have `category`. */
  wind?: string;
  /** The kind's category: a 反馈意见 heading, an 审计 problem type … */
  category?: string;
  scope?: string;
  amount?: string;
  public?: boolean;
  person?: string;
  layer?: string;
  term?: string;
  source?: string;
}
export interface Measure {
  problem: string[];
  action: string;
  goal?: string;
  deadline?: DateValue;
  leader?: string;
  department?: string;
  person?: string;
  mode?: string;
  evidence?: string;
  completed_on?: DateValue;
  closed_by?: string;
  closed_on?: DateValue;
  status?: string;
  progress?: string;
  public: boolean;
}
export interface Phase {
  phase: string;
  from?: DateValue;
  to?: DateValue;
  tasks?: string;
}
export interface Step {
  action: string;
  deadline?: DateValue;
}
export interface Campaign {
  title: string;
  origin?: string;
  target?: string;
  lead_department: string;
  owner: string;
  steps: Step[];
  evaluation: string;
  accountability: string;
  deadline?: DateValue;
}
export interface Regulation {
  title: string;
  action: string;
  kind?: string;
  purpose?: string;
  department: string;
  deadline: DateValue;
}
export interface Check {
  verdict: string;
  findings: string;
  remedy?: string;
  done_on?: DateValue;
}
export type Lookback = Record<string, Check>;
export interface LeaderMeasure {
  action: string;
  goal?: string;
  deadline?: DateValue;
}
export interface Leader {
  name: string;
  title?: string;
  problems: string[];
  measures: LeaderMeasure[];
}

/** A PDF filed with the packet; `file` may be a pattern, relative to the data file it is in. */
export interface Attachment {
  title?: string;
  file: string;
  after?: string;
}

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
