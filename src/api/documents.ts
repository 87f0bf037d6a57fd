// The document types of SPEC §1: which data each needs, how many it makes, and their file names.
import type { UnitData } from '../data/types.js';

export interface DocInstance {
  /** Document id (= template id). */
  id: string;
  /** File name without extension, in Chinese. */
  name: string;
  /** Extra values for the view (the campaign, the leader, …). */
  extra: (view: Record<string, unknown>) => Record<string, unknown>;
}

export interface DocType {
  id: string;
  name: string;
  /** The data it is made from, for `gongwen templates`. */
  needs: string;
  /** Why the unit gets none of this document, or undefined when it does. */
  missing: (d: UnitData) => string | undefined;
  instances: (d: UnitData) => DocInstance[];
}

const single = (id: string, name: string) => (): DocInstance[] => [{ id, name, extra: () => ({}) }];

export const DOC_TYPES: readonly DocType[] = [
  {
    id: 'filing-report',
    needs: 'unit 与整改方案、专项整治方案或制度建设计划之一；unit.filing_report（附备案报告）时排在备案材料之首',
    name: '备案报告',
    missing: (d) => (d.present.has('problems') && d.present.has('measures')) || d.campaigns.length || d.regulations.length ? undefined : '没有可备案的整改方案、专项整治方案或制度建设计划',
    instances: single('filing-report', '备案报告'),
  },
  {
    id: 'filing-form',
    needs: 'unit（单位）',
    name: '备案表',
    missing: () => undefined,
    instances: single('filing-form', '备案表'),
  },
  {
    id: 'rectification-plan',
    needs: 'unit、problems（问题清单）、measures（整改措施），可选 roadmap（路线图）',
    name: '整改方案',
    missing: (d) => (d.present.has('problems') && d.present.has('measures') ? undefined : '没有问题清单（problems）或整改措施（measures）'),
    instances: single('rectification-plan', '整改方案'),
  },
  {
    id: 'issue-notice',
    needs: 'unit、problems、measures（同整改方案），可选 notice_to（印发通知主送机关）',
    name: '整改方案印发通知',
    missing: (d) => (d.present.has('problems') && d.present.has('measures') ? undefined : '没有问题清单（problems）或整改措施（measures）'),
    instances: single('issue-notice', '整改方案印发通知'),
  },
  {
    id: 'problem-list',
    needs: 'problems（问题清单）、measures（整改措施）',
    name: '问题清单',
    missing: (d) => (d.present.has('problems') ? undefined : '没有问题清单（problems）'),
    instances: single('problem-list', '问题清单'),
  },
  {
    id: 'campaign-plan',
    needs: 'campaigns（专项整治），每项一份',
    name: '专项整治方案',
    missing: (d) => (d.campaigns.length ? undefined : '没有专项整治（campaigns）'),
    instances: (d) =>
      d.campaigns.map((c, i) => ({
        id: 'campaign-plan',
        name: d.campaigns.length === 1 ? `专项整治方案（${c.title}）` : `专项整治方案${i + 1}（${c.title}）`,
        extra: (view) => ({ campaign: (view.campaigns as unknown[])[i] }),
      })),
  },
  {
    id: 'institution-plan',
    needs: 'regulations（制度建设计划）',
    name: '制度建设计划',
    missing: (d) => (d.regulations.length ? undefined : '没有制度建设计划（regulations）'),
    instances: single('institution-plan', '制度建设计划'),
  },
  {
    id: 'lookback-report',
    needs: 'lookback（回头看，六项检查）',
    name: '回头看情况报告',
    missing: (d) => (d.lookback ? undefined : '没有“回头看”（lookback）'),
    instances: single('lookback-report', '回头看情况报告'),
  },
  {
    id: 'personal-measures',
    needs: 'leaders（领导班子成员），每人一份',
    name: '个人整改措施',
    missing: (d) => (d.leaders.some((l) => l.problems.length || l.measures.length) ? undefined : '没有领导班子成员的问题和整改措施（leaders）'),
    instances: (d) =>
      d.leaders
        .map((l, i) => ({ l, i }))
        .filter(({ l }) => l.problems.length || l.measures.length)
        .map(({ l, i }) => ({
          id: 'personal-measures',
          name: `个人整改措施（${l.name}）`,
          extra: (view) => ({ leader: (view.leaders as unknown[])[i] }),
        })),
  },
  {
    id: 'public-notice',
    needs: 'measures 中 public 为是的整改措施',
    name: '整改公示',
    missing: (d) => (d.measures.some((m) => m.public) ? undefined : '没有公开的整改措施（measures 中 public 为是）'),
    instances: single('public-notice', '整改公示'),
  },
];

/** The documents enclosed in the filing packet, in packet order (SPEC §1). */
export const PACKET_DOCS = ['filing-form', 'rectification-plan', 'campaign-plan', 'institution-plan'];

/**
 * The packet's documents for a unit: the 整改方案 itself, or (unit.issue_notice) the 印发通知 that
 * carries it and the 问题清单 as its attachments; with unit.filing_report the 备案报告 first.
 */
export function packetDocs(d: UnitData): string[] {
  const docs = d.unit.issue_notice ? PACKET_DOCS.map((id) => (id === 'rectification-plan' ? 'issue-notice' : id)) : PACKET_DOCS;
  return d.unit.filing_report ? ['filing-report', ...docs] : docs;
}

export function docType(id: string): DocType | undefined {
  return DOC_TYPES.find((t) => t.id === id);
}
