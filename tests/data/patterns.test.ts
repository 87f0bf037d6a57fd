// File patterns: inputs and gongwen.yaml `data:` expand through glob in natural order, each unit
// once, never outside the project folder; attachment patterns resolve against their data file.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAttachments } from '../../src/packet/attachments.js';
import { discoverUnits } from '../../src/data/discover.js';
import { loadUnit } from '../../src/data/load-unit.js';
import { hasMagic } from 'glob';
import { expandPattern, isPattern } from '../../src/data/patterns.js';
import { memoryWorld } from '../../src/world/memory-world.js';
import { nodeWorld } from '../../src/world/node-world.js';
import { gongwen } from '../support/cli.js';

const unit = (name: string) => `单位名称: ${name}\n发文机关: 中共${name}委员会\n备案机关: 领导小组\n`;

describe('patterns', () => {
  it('tells patterns from plain paths as glob does, without glob for a path with no pattern character', () => {
    const cases = ['data/市某某委员会.yaml', 'scans/批复 (1).pdf', '附件（盖章件）.pdf', 'a+b@c!.pdf', 'data/*.yaml', 'scans/批复?.pdf', 'u/[ab].yaml', 'u/{甲,乙}/unit.yaml', 'u/+(a|b).yaml', 'u/@(x).yaml', '!(x).yaml', 'fonts/**'];
    for (const c of cases) expect(isPattern(c), c).toBe(hasMagic(c, { windowsPathsNoEscape: path.sep === '\\' }));
    // (Braces alone are not magic to glob: {甲,乙} is expanded, not matched.)
    expect(cases.filter(isPattern)).toEqual(['data/*.yaml', 'scans/批复?.pdf', 'u/[ab].yaml', 'u/+(a|b).yaml', 'u/@(x).yaml', 'fonts/**']);
  });

  const files = {
    '单位/甲/unit.yaml': unit('甲'),
    '单位/甲/problems.yaml': '- text: 问题\n  wind: 形式主义\n  scope: 班子\n',
    '单位/乙10/unit.yaml': unit('乙10'),
    '单位/乙2/unit.yaml': unit('乙2'),
    '附属单位/一/单位.yaml': unit('一'),
    '附属单位/二/三/单位.yaml': unit('三'),
    '附属单位/单独.yaml': `unit:\n  name: 单独\n  issuer: 中共单独委员会\n  filing_to: 领导小组\n`,
  };

  it('expands input patterns in natural order, a unit file standing for its folder, each unit once', () => {
    const world = memoryWorld(files);
    const { units, diagnostics } = discoverUnits(world, ['单位/*/unit.yaml', '附属单位/**']);
    expect(diagnostics).toEqual([]);
    // 附属单位/** matches the folder itself, whose walk finds its units (in natural order too).
    expect(units.map((u) => u.id)).toEqual(['单位/甲', '单位/乙2', '单位/乙10', '附属单位/单独.yaml', '附属单位/二/三', '附属单位/一']);
    // The folder's other files come with it.
    expect(units[0]!.files).toEqual(['单位/甲/problems.yaml', '单位/甲/unit.yaml']);
  });

  it('reports a pattern that matches nothing and one that leaves the project', () => {
    const world = memoryWorld(files);
    expect(discoverUnits(world, ['其他/*.yaml']).diagnostics.map((d) => d.message)).toEqual(['输入“其他/*.yaml”没有匹配到任何 YAML 文件或文件夹']);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-pat-'));
    fs.mkdirSync(path.join(dir, 'p'));
    fs.writeFileSync(path.join(dir, 'outside.yaml'), unit('外'));
    const real = nodeWorld(path.join(dir, 'p'));
    expect(expandPattern(real, '../*.yaml')).toEqual({ paths: [], escaped: true });
    expect(discoverUnits(real, ['../*.yaml']).diagnostics[0]!.message).toMatch(/项目文件夹之外/);
    // Written as an absolute path, it is the user's choice.
    expect(expandPattern(real, path.join(dir, '*.yaml').split(path.sep).join('/')).paths).toEqual([path.join(dir, 'outside.yaml')]);
  });

  it('resolves attachment patterns against the data file, one attachment per file, titled by file', () => {
    const world = memoryWorld({
      ...files,
      '单位/甲/附件材料.yaml': '- 文件: 扫描件/*.pdf\n- 标题: 会议记录\n  文件: 记录/会议*.pdf\n- 文件: ../../../x.pdf\n',
      '单位/甲/扫描件/10.pdf': '%PDF-1.4',
      '单位/甲/扫描件/9.pdf': '%PDF-1.4',
      '单位/甲/记录/会议一.pdf': '%PDF-1.4',
      '单位/甲/记录/会议二.pdf': '%PDF-1.4',
    });
    const { units } = discoverUnits(world, ['单位/甲']);
    const data = loadUnit(world, units[0]!).data!;
    const { found, diagnostics } = findAttachments(world, data);
    expect(found.map((a) => [a.title, a.file])).toEqual([
      ['9', '单位/甲/扫描件/9.pdf'],
      ['10', '单位/甲/扫描件/10.pdf'],
      ['会议记录（会议二）', '单位/甲/记录/会议二.pdf'],
      ['会议记录（会议一）', '单位/甲/记录/会议一.pdf'],
    ]);
    expect(diagnostics.map((d) => [d.code, d.span?.line, d.message])).toEqual([['E_ATTACHMENT', 4, '附件“../../../x.pdf”指向项目文件夹之外']]);
  });

  it('reads data: patterns from gongwen.yaml', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-cfg-'));
    for (const [f, t] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), t);
    }
    fs.writeFileSync(path.join(dir, 'gongwen.yaml'), 'data: [单位/乙*/unit.yaml, 附属单位/**]\n');
    const r = gongwen(['check', '--format', 'json'], dir);
    const names = (JSON.parse(r.stdout) as { units: { name: string }[] }).units.map((u) => u.name);
    expect(names).toEqual(['乙2', '乙10', '单独', '三', '一']);
  });
});
