import { describe, expect, it } from 'vitest';
import { loadUnit } from '../../src/data/load-unit.js';
import { reviewUnit } from '../../src/data/review.js';
import { memoryWorld } from '../../src/world/memory-world.js';

const BASE = `unit: { name: 单位, issuer: 党委, filing_to: 领导小组, date: 2014-01-10 }
problems:
  - { id: A, text: 会多, wind: formalism, scope: collective }
  - { id: B, text: 车多, wind: hedonism, scope: individual }
measures:
  - { problem: [A, C], action: 减会, goal: 少, deadline: 2013-12-01, leader: 甲, department: 办 }
  - { problem: A, action: 早办, goal: 好, deadline: 2013-12-01, leader: 甲, department: 办, status: done }
roadmap:
  - { phase: 部署, from: 2014-02-01, to: 2014-01-01 }
lookback:
  study: { verdict: 需补课, findings: 不够 }
`;

function review(text: string) {
  const world = memoryWorld({ 'u.yaml': text });
  const r = loadUnit(world, { id: 'u.yaml', files: ['u.yaml'] });
  return [...r.diagnostics, ...reviewUnit(r.data!)];
}

describe('review rules (SPEC §7)', () => {
  const diags = review(BASE);
  const codes = diags.map((d) => `${d.code}@${d.span?.line}`);
  it('every reference points at an existing problem', () => {
    expect(codes).toContain('E_REF@6');
  });
  it('every problem has at least one measure', () => {
    expect(codes).toContain('R_NO_MEASURE@4');
    expect(codes).not.toContain('R_NO_MEASURE@3');
  });
  it('individual problems name their person', () => {
    expect(diags.some((d) => d.code === 'E_REQUIRED' && d.message.includes('责任人'))).toBe(true);
  });
  it('deadlines before the plan date are flagged unless the measure is done', () => {
    expect(diags.filter((d) => d.code === 'R_DEADLINE_BEFORE_DATE').map((d) => d.span?.line)).toEqual([6]);
  });
  it('phases end after they start', () => {
    expect(codes).toContain('E_DATE_RANGE@9');
  });
  it('the six look-back checks are all present, and remedial ones say how', () => {
    const missing = diags.filter((d) => d.code === 'E_REQUIRED' && d.message.includes('是否'));
    expect(missing.length).toBe(5);
    expect(codes.some((c) => c.startsWith('R_NO_REMEDY'))).toBe(true);
  });
  it('campaigns need lead department, owner, steps, evaluation and accountability', () => {
    const d = review(`unit: { name: 单位, issuer: 党委, filing_to: 领导小组 }\ncampaigns:\n  - title: 清理\n    steps: []\n`);
    const msgs = d.filter((x) => x.code === 'E_REQUIRED').map((x) => x.message).join(' ');
    for (const f of ['牵头部门', '具体责任人', '推进措施', '检查评估', '监督问责']) expect(msgs).toContain(f);
  });
  it('regulations must say new / revise / repeal', () => {
    const d = review(`unit: { name: 单位, issuer: 党委, filing_to: 领导小组 }\nregulations:\n  - { title: 会议办法, action: 重写, department: 办, deadline: 2014-03-01 }\n`);
    expect(d.find((x) => x.code === 'E_ENUM')!.hint).toContain('revise（完善/修订）');
  });
});

describe('the 发文字号 and the 专项整治 names as offices write them (issue 30)', () => {
  it('warns W_DOC_NUMBER at the prefix when the 序号 is missing, and not when it is there', () => {
    const without = review(BASE.replace('date: 2014-01-10 }', 'date: 2014-01-10, doc_number_prefix: 沪某委党 }'));
    expect(without.filter((d) => d.code === 'W_DOC_NUMBER').map((d) => d.span?.line)).toEqual([1]);
    const withIt = review(BASE.replace('date: 2014-01-10 }', 'date: 2014-01-10, doc_number_prefix: 沪某委党, doc_number: "12" }'));
    expect(withIt.some((d) => d.code === 'W_DOC_NUMBER')).toBe(false);
  });

  it('gives a campaign the 专项整治 suffix once: never after a name that already ends in 整治, 治理 or 整改', async () => {
    const { campaignName } = await import('../../src/template/view-lists.js');
    expect(campaignName('公务用车“小号牌”清理')).toBe('公务用车“小号牌”清理专项整治');
    expect(campaignName('文山会海专项整治')).toBe('文山会海专项整治');
    expect(campaignName('遏制文山会海专项治理')).toBe('遏制文山会海专项治理');
    expect(campaignName('办公用房清理整改')).toBe('办公用房清理整改');
    expect(campaignName('违规发放津补贴专项整治方案')).toBe('违规发放津补贴专项整治');
  });
});
