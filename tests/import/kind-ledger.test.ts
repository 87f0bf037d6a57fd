// A 巡察 ledger as a 区属单位 keeps it: a merged title, “填报单位：…（盖章）”, a two-row header
// (整改责任 over 责任领导 | 责任部门), 问题类别 merged down its problems, 整改进展 as status words.
// `gongwen import --unit --kind 巡察整改` makes a unit of it that `check` passes once its fields are filled.
import ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkInputs } from '../../src/api/check.js';
import { nodeWorld } from '../../src/world/node-world.js';
import { gongwen } from '../support/cli.js';

const HEAD1 = ['序号', '问题类别', '反馈问题', '整改措施', '整改责任', null, '责任人', '完成时限', '整改进展', '佐证材料'];
const HEAD2 = [null, null, null, null, '责任领导', '责任部门', null, null, null, null];
const ROWS: (string | number | Date | null)[][] = [
  [1, '贯彻落实党中央决策部署和区委工作要求方面', '老旧小区改造推进缓慢', '建立推进台账，挂图作战', '郭强', '城建科', '韩梅', new Date(Date.UTC(2025, 9, 31)), '已完成', '竣工验收报告'],
  [null, null, null, '建立周调度制度', '郭强', '城建科', '韩梅', '2025年12月底', '正在推进', null],
  [2, null, '保障性住房分配管理不规范', '复核分配对象资格', '林峰', '住房保障科', '许静', '2025.10.20', '已完成', '复核台账'],
  [3, '落实全面从严治党主体责任和监督责任方面', '工程质量监督检查流于形式', '开展专项检查', '郭强', '质量安全站', '何冰', '2025/10/31', '未开始', null],
];

async function ledger(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('巡察整改台账');
  ws.mergeCells('A1:J1');
  ws.getCell('A1').value = '区委第四巡察组反馈问题整改台账';
  ws.mergeCells('A2:F2');
  ws.getCell('A2').value = '填报单位：某某区住房和城乡建设委员会（盖章）';
  ws.getRow(3).values = HEAD1;
  ws.getRow(4).values = HEAD2;
  // Cells that span both header rows, and the group over its two columns.
  for (const c of ['A', 'B', 'C', 'D', 'G', 'H', 'I', 'J']) ws.mergeCells(`${c}3:${c}4`);
  ws.mergeCells('E3:F3');
  ROWS.forEach((r, i) => (ws.getRow(5 + i).values = r));
  // The problem's cells over its measures; the category over its problems.
  for (const c of ['A', 'C']) ws.mergeCells(`${c}5:${c}6`);
  ws.mergeCells('B5:B7');
  await wb.xlsx.writeFile(file);
}

describe('gongwen import --unit --kind 巡察整改', () => {
  it('reads the two-row header, the merged cells and the statuses, and writes the kind\'s unit skeleton', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-kind-import-'));
    const xlsx = path.join(dir, '台账.xlsx');
    await ledger(xlsx);
    const r = gongwen(['import', xlsx, '--unit', path.join(dir, 'unit'), '--kind', '巡察整改'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/W_IMPORT_COLUMN|不能对应/);
    const skeleton = fs.readFileSync(path.join(dir, 'unit', '单位.yaml'), 'utf8');
    expect(skeleton).toContain('整改类型: 巡察整改');
    expect(skeleton).toContain('单位名称: 某某区住房和城乡建设委员会\n');
    expect(skeleton).toMatch(/^巡察组: /m);
    expect(skeleton).toMatch(/^反馈日期: /m);

    // The skeleton filled in as an office would; then the unit checks clean.
    fs.writeFileSync(
      path.join(dir, 'unit', '单位.yaml'),
      skeleton
        .replace(/^发文机关:.*$/m, '发文机关: 中共某某区住房和城乡建设委员会党组')
        .replace(/^备案机关:.*$/m, '备案机关: 区委巡察工作领导小组办公室')
        .replace(/^巡察组:.*$/m, '巡察组: 区委第四巡察组')
        .replace(/^反馈日期:.*$/m, '反馈日期: 2025年9月10日')
        .replace(/^成文日期:.*$/m, '成文日期: 2025年10月9日'),
    );
    const checked = checkInputs(nodeWorld(dir), ['unit']).units[0]!;
    expect(checked.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
    const data = checked.data!;
    expect(data.kind.name).toBe('巡察整改');
    expect(data.problems.map((p) => [p.text, p.category])).toEqual([
      ['老旧小区改造推进缓慢', '贯彻落实党中央决策部署和区委工作要求方面'],
      ['保障性住房分配管理不规范', '贯彻落实党中央决策部署和区委工作要求方面'],
      ['工程质量监督检查流于形式', '落实全面从严治党主体责任和监督责任方面'],
    ]);
    expect(data.measures.map((m) => [m.leader, m.department, m.person, m.status, m.evidence ?? null])).toEqual([
      ['郭强', '城建科', '韩梅', 'done', '竣工验收报告'],
      ['郭强', '城建科', '韩梅', 'in_progress', null],
      ['林峰', '住房保障科', '许静', 'done', '复核台账'],
      ['郭强', '质量安全站', '何冰', 'not_started', null],
    ]);
    expect(data.measures[1]!.deadline).toEqual({ kind: 'date', year: 2025, month: 12, day: 31 });
  });

  it('a project whose units are of that kind imports the same way without --kind (gongwen.yaml kind:)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-kind-import-'));
    const xlsx = path.join(dir, '台账.xlsx');
    await ledger(xlsx);
    fs.writeFileSync(path.join(dir, 'gongwen.yaml'), 'kind: 巡察整改\n');
    expect(gongwen(['import', xlsx, '--unit', path.join(dir, 'unit')], dir).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'unit', '整改台账.yaml'), 'utf8')).toContain('category: 落实全面从严治党主体责任和监督责任方面');
    // Read as the default kind (教育实践活动), the sheet's 反馈问题 is no problem column: no problem is invented.
    fs.rmSync(path.join(dir, 'gongwen.yaml'));
    fs.rmSync(path.join(dir, 'unit'), { recursive: true });
    expect(gongwen(['import', xlsx, '--unit', path.join(dir, 'unit')], dir).code).toBe(0);
    expect(checkInputs(nodeWorld(dir), ['unit']).units[0]!.ok).toBe(false);
    expect(gongwen(['import', xlsx, '--kind', '巡查'], dir).stderr).toContain('未知的整改类型“巡查”');
  });
});

describe('the ledger workbook of a kind', () => {
  it('carries the kind\'s columns and reads back with every problem, category, measure and status', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-kind-xlsx-'));
    const ROOT = path.resolve(__dirname, '../..');
    expect(gongwen(['render', path.join(ROOT, 'kinds/examples/巡察整改.yaml'), '--out', path.join(dir, 'out'), '--format', 'xlsx'], dir).code).toBe(0);
    const xlsx = path.join(dir, 'out', '某某区市场监督管理局', '问题清单和整改台账.xlsx');
    fs.mkdirSync(path.join(dir, 'unit'));
    fs.copyFileSync(path.join(ROOT, 'kinds/examples/巡察整改.yaml'), path.join(dir, 'unit', '单位.yaml'));
    const r = gongwen(['import', xlsx, '--kind', '巡察整改', '-o', path.join(dir, 'unit', '整改台账.yaml')], dir);
    expect(r.code, r.stderr).toBe(0);
    // The unit's own lists replaced by the imported ledger.
    const unitText = fs.readFileSync(path.join(dir, 'unit', '单位.yaml'), 'utf8');
    fs.writeFileSync(path.join(dir, 'unit', '单位.yaml'), unitText.slice(0, unitText.indexOf('\n问题清单:')) + '\n');
    const back = checkInputs(nodeWorld(dir), ['unit']).units[0]!;
    expect(back.diagnostics.map((d) => d.code)).toEqual([]);
    const original = checkInputs(nodeWorld(ROOT), ['kinds/examples/巡察整改.yaml']).units[0]!.data!;
    // 是否公开 is a measure's column in the sheet: a problem not to be made public makes its measures so.
    const shape = (d: typeof original) => ({
      problems: d.problems.map((p) => [p.text, p.category]),
      measures: d.measures.map((m) => [m.action, m.leader, m.department, m.person, m.status, m.progress ?? null, m.public && m.problem.every((id) => d.problems.find((p) => p.id === id)?.public !== false)]),
    });
    expect(shape(back.data!)).toEqual(shape(original));
  });
});
