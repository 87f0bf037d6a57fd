// 上行文 reports (issue 30): 版头, 发文字号 and 签发人 when the unit gives them — each report its own
// number from 各文件文号 — and W_UPWARD at the unit naming what is missing when it does not.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineText } from '../../src/doc/tree.js';
import { ROOT, unitDocuments } from '../support/examples.js';

const EXAMPLE = fs.readFileSync(path.join(ROOT, 'kinds/examples/巡察整改.yaml'), 'utf8');
const NUMBERS = '  签发人: 张明\n  各文件文号:\n    - { 文件: 整改进展情况报告, 序号: 25 }\n    - { 文件: 整改情况报告, 序号: 27 }\n';

function build(text: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-upward-'));
  fs.writeFileSync(path.join(dir, 'u.yaml'), text);
  const u = unitDocuments(dir, ['u.yaml']).units[0]!;
  const upward = u.diagnostics.filter((d) => d.code === 'W_UPWARD');
  const report = (name: string) => u.docs.find((d) => d.name === name)!.doc.meta;
  return { upward, report };
}

describe('上行文 reports', () => {
  it('carry 版头, their own 发文字号 and 签发人 when the unit gives them', () => {
    expect(EXAMPLE).toContain(NUMBERS);
    const { upward, report } = build(EXAMPLE);
    expect(upward).toEqual([]);
    const r = report('整改情况报告');
    expect(lineText(r.issuerMark)).toBe('中共某某区市场监督管理局党组文件');
    expect(lineText(r.docNumber)).toBe('某市监党〔2025〕27号');
    expect(lineText(r.signer)).toBe('张明');
    expect(lineText(report('整改进展情况报告').docNumber)).toBe('某市监党〔2025〕25号');
    // The 整改方案 (a 下行文 here) keeps the unit's own number.
    expect(lineText(report('整改方案').docNumber)).toBe('某市监党〔2025〕21号');
  });

  it('without 签发人: no 版头, and W_UPWARD at the 发文机关 for each report', () => {
    const { upward, report } = build(EXAMPLE.replace(NUMBERS, ''));
    expect(report('整改情况报告').issuerMark).toBeUndefined();
    expect(upward.map((d) => d.message)).toEqual(expect.arrayContaining(['上行文“整改情况报告”没有签发人：不排版头、发文字号和签发人', '上行文“整改进展情况报告”没有签发人：不排版头、发文字号和签发人']));
    expect(upward[0]!.span).toMatchObject({ file: expect.stringMatching(/u\.yaml$/), line: 7 });
    expect(upward[0]!.hint).toContain('签发人');
  });

  it('with 签发人 but no number for a report: W_UPWARD naming that report at 各文件文号', () => {
    const { upward, report } = build(EXAMPLE.replace('    - { 文件: 整改情况报告, 序号: 27 }\n', ''));
    expect(upward.map((d) => d.message)).toEqual(['上行文“整改情况报告”没有发文字号']);
    expect(upward[0]!.hint).toContain('- 文件: 整改情况报告');
    expect(report('整改情况报告').docNumber).toBeUndefined();
    expect(lineText(report('整改情况报告').signer)).toBe('张明');
  });
});
