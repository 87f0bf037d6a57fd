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
