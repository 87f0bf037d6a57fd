import { describe, expect, it } from 'vitest';
import { discoverUnits } from '../../src/data/discover.js';
import { loadUnit } from '../../src/data/load-unit.js';
import { memoryWorld } from '../../src/world/memory-world.js';

const UNIT = `unit:
  name: 测试单位
  issuer: 中共测试单位委员会
  filing_to: 测试领导小组
  date: 2014-01-10
`;

function load(files: Record<string, string>, input = '.') {
  const world = memoryWorld(files);
  const { units, diagnostics } = discoverUnits(world, [input]);
  expect(units).toHaveLength(1);
  const r = loadUnit(world, units[0]!);
  return { ...r, diagnostics: [...diagnostics, ...r.diagnostics] };
}

describe('loadUnit', () => {
  it('reads canonical English keys with positions for every value', () => {
    const r = load({ 'u.yaml': UNIT + 'problems:\n  - id: P1\n    text: 会议多\n    wind: formalism\n    scope: collective\n' });
    expect(r.diagnostics).toEqual([]);
    expect(r.data!.unit.name).toBe('测试单位');
    expect(r.data!.problems[0]).toMatchObject({ id: 'P1', text: '会议多', wind: 'formalism', scope: 'collective' });
    expect(r.data!.spans.get('problems.0.wind')).toMatchObject({ file: 'u.yaml', line: 9, column: 11 });
  });

  it('accepts Chinese keys, Chinese enum values and mixes of both', () => {
    const r = load({
      'u.yaml': `单位:\n  单位名称: 某某大学\n  单位类别: 高校\n  发文机关: 中共某某大学委员会\n  备案机关: 领导小组\n问题清单:\n  - 序号: 1\n    问题描述: 评审过多\n    四风类别: 形式主义\n    责任主体: 个人\n    责任人: 周某\n    问题层面: 制度\n    时限类型: 立行立改\n`,
    });
    expect(r.diagnostics).toEqual([]);
    expect(r.data!.unit.category).toBe('university');
    expect(r.data!.problems[0]).toMatchObject({ id: '1', wind: 'formalism', scope: 'individual', person: '周某', layer: 'system', term: 'immediate' });
  });

  it('merges a folder by key, taking bare lists by file name (canonical or Chinese)', () => {
    const r = load({
      'u/单位.yaml': '单位名称: 某某大学\n发文机关: 党委\n备案机关: 领导小组\n成文日期: 2013年12月12日\n联系人: { 姓名: 陈, 联系电话: 02165430000 }\n',
      'u/问题清单.yaml': '- 序号: 1\n  问题: 会多\n  四风: 形式主义\n  责任主体: 班子\n-\n- { 序号: 2, 问题: 文多, 四风: 形式主义, 责任主体: 班子, 责任人: "" }\n',
      'u/measures.yaml': '- { 问题序号: 1, 措施: 减会, 目标: 少, 完成时限: 41729, 责任领导: 甲, 责任单位: 办 }\n',
    }, 'u');
    expect(r.diagnostics).toEqual([]);
    expect(r.data!.problems.map((p) => p.id)).toEqual(['1', '2']);
    expect(r.data!.problems[1]!.person).toBeUndefined();
    expect(r.data!.measures[0]!.deadline).toEqual({ kind: 'date', year: 2014, month: 3, day: 31 });
    expect(r.data!.measures[0]!.problem).toEqual(['1']);
    // A phone number keeps its leading zero even though YAML reads it as a number.
    expect(r.data!.unit.contact?.phone).toBe('02165430000');
    expect(r.data!.unit.date).toEqual({ kind: 'date', year: 2013, month: 12, day: 12 });
    expect(r.data!.sources.sort()).toEqual(['u/measures.yaml', 'u/单位.yaml', 'u/问题清单.yaml']);
  });

  it('reports a wrong enum value with the allowed values and the nearest match', () => {
    const r = load({ 'u.yaml': UNIT + 'problems:\n  - text: x\n    wind: 形式主意\n    scope: collective\n' });
    const d = r.diagnostics.find((x) => x.code === 'E_ENUM')!;
    expect(d.span).toMatchObject({ line: 8, column: 11 });
    expect(d.message).toContain('形式主义');
    expect(d.hint).toContain('bureaucratism');
  });

  it('reports missing required fields and wrong types, and warns on unknown keys', () => {
    const r = load({ 'u.yaml': 'unit:\n  name: 单位\n  issuer: 党委\n  filng_to: 领导小组\nproblems: 这不是列表\n' });
    const codes = r.diagnostics.map((d) => `${d.code}@${d.span?.line}:${d.span?.column}`);
    expect(codes).toContain('W_UNKNOWN_KEY@4:3');
    expect(codes).toContain('E_REQUIRED@2:3');
    expect(codes).toContain('E_TYPE@5:11');
    expect(r.diagnostics.find((d) => d.code === 'W_UNKNOWN_KEY')!.hint).toContain('filing_to');
  });

  it('drops __proto__ keys without polluting prototypes', () => {
    const r = load({ 'u.yaml': UNIT.replace('unit:\n', 'unit:\n  __proto__: { polluted: yes }\n  constructor: x\n') });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(r.diagnostics.filter((d) => d.code === 'W_UNKNOWN_KEY')).toHaveLength(2);
    expect(Object.getPrototypeOf(r.data!.unit)).toBe(Object.prototype);
  });

  it('refuses an alias bomb quickly, at the alias', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) bomb.push(`${'abcdefghij'[i]}: &${'abcdefghij'[i]} [${Array(10).fill('*' + 'abcdefghij'[i - 1]).join(', ')}]`);
    const t = Date.now();
    const r = load({ 'u.yaml': bomb.join('\n') + '\n' + UNIT });
    expect(Date.now() - t).toBeLessThan(2000);
    const d = r.diagnostics.find((x) => x.code === 'E_YAML_ALIAS');
    expect(d?.span?.line).toBeGreaterThan(1);
  });

  it('skips blank rows exported from a sheet', () => {
    const r = load({ 'u.yaml': UNIT + 'roadmap:\n  - phase: 部署\n  - { phase: "", tasks: "" }\n  -\n' });
    expect(r.data!.roadmap).toHaveLength(1);
    expect(r.diagnostics).toEqual([]);
  });
});

describe('discoverUnits', () => {
  it('finds single-file units and unit folders, and skips orphan section files', () => {
    const world = memoryWorld({
      'data/a.yaml': UNIT,
      'data/b/unit.yml': UNIT,
      'data/b/problems.yaml': '[]',
      'data/c/problems.yaml': '[]',
      'data/.hidden.yaml': UNIT,
    });
    const r = discoverUnits(world, ['data']);
    expect(r.units.map((u) => u.id)).toEqual(['data/a.yaml', 'data/b']);
    expect(r.units[1]!.files).toEqual(['data/b/problems.yaml', 'data/b/unit.yml']);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['W_ORPHAN_FILE']);
  });
  it('reports an input that does not exist', () => {
    const r = discoverUnits(memoryWorld({}), ['nope']);
    expect(r.diagnostics[0]!.code).toBe('E_INPUT');
  });
});
