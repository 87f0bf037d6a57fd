// Combined ledgers (问题清单和整改台账) as offices keep them: merged cells, continuation rows, notes,
// GB18030 CSV, UTF-8 CSV with BOM, GBK YAML; every problem and measure arrives, linked, and renders.
import { textLines } from '../support/poppler.js';
import ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { discoverUnits } from '../../src/data/discover.js';
import { loadUnit } from '../../src/data/load-unit.js';
import { nodeWorld } from '../../src/world/node-world.js';
import { gongwen } from '../support/cli.js';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-ledger-'));
const UNIT = '单位名称: 某某区教育局\n发文机关: 中共某某区教育局委员会\n备案机关: 区委教育实践活动领导小组\n成文日期: 2013年12月20日\n';
const HEADERS = ['序号', '存在问题', '问题类别', '整改措施', '整改目标', '责任领导', '责任部门（必填）', '完成\n时限', '整改进展'];
/** Rows of the ledger: problem cells on the first row of each problem only. */
const ROWS: (string | number | Date | null)[][] = [
  [1, '会议多、文件多，以会议落实会议', '形式主义方面', '严格控制会议数量', '会议减少30%', '张三', '办公室', new Date(Date.UTC(2014, 2, 31)), '已出台办法'],
  [null, null, null, '精简文件简报', '发文减少20%', '张三', '办公室', '2014年6月底', null],
  [null, null, null, '推行网上办公', '纸质文件减少一半', '李四', '信息中心', 41820, '进行中'],
  [2, '深入基层调研不够，调研走马观花', '官僚主义', '建立基层联系点', '每位班子成员一个联系点', '王五', '组织科', '长期坚持', null],
  [3, '公务接待超标准', '享乐主义', '执行接待清单制度', '接待费下降30%', '赵六', '办公室', '2014.3.31', null],
  [null, null, null, '每季度公开接待费', '按季公开', '赵六', '财务科', '2014/12/31', null],
];
const EXPECTED = [
  { id: '1', text: '会议多、文件多，以会议落实会议', wind: 'formalism', measures: 3 },
  { id: '2', text: '深入基层调研不够，调研走马观花', wind: 'bureaucratism', measures: 1 },
  { id: '3', text: '公务接待超标准', wind: 'hedonism', measures: 2 },
];

async function ledgerXlsx(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('整改台账');
  ws.mergeCells('A1:I1');
  ws.getCell('A1').value = '某某区教育局领导班子问题清单和整改台账';
  ws.mergeCells('A2:D2');
  ws.getCell('A2').value = '填报单位（盖章）：某某区教育局';
  ws.getCell('G2').value = '填报日期：2013年12月20日';
  ws.getRow(3).values = HEADERS;
  ROWS.forEach((r, i) => (ws.getRow(4 + i).values = r));
  // The problem cells merged vertically over their measures, as offices lay them out.
  for (const col of ['A', 'B', 'C']) {
    ws.mergeCells(`${col}4:${col}6`);
    ws.mergeCells(`${col}8:${col}9`);
  }
  ws.mergeCells('A11:I11');
  ws.getCell('A11').value = '注：完成时限为长期坚持的，每半年报告一次进展。';
  await wb.xlsx.writeFile(file);
}

function csvOf(rows: (string | number | Date | null)[][]): string {
  const cell = (c: string | number | Date | null) => (c === null ? '' : c instanceof Date ? '2014/3/31' : /[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c));
  return ['某某区教育局问题清单和整改台账,,,,,,,,', HEADERS.map(cell).join(','), ...rows.map((r) => r.map(cell).join(',')), '注：完成时限为长期坚持的，每半年报告一次进展。,,,,,,,,'].join('\r\n') + '\r\n';
}

function loaded(dir: string) {
  const world = nodeWorld(dir);
  return loadUnit(world, discoverUnits(world, ['.']).units[0]!);
}

function expectLinked(dir: string): void {
  const r = loaded(dir);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const data = r.data!;
  expect(data.problems.map((p) => ({ id: p.id, text: p.text, wind: p.wind, measures: data.measures.filter((m) => m.problem.includes(p.id)).length }))).toEqual(EXPECTED);
  expect(data.measures).toHaveLength(6);
  expect(data.measures[1]!.deadline).toEqual({ kind: 'date', year: 2014, month: 6, day: 30 });
  expect(data.measures[2]!.deadline).toEqual({ kind: 'date', year: 2014, month: 6, day: 30 });
  expect(data.measures[3]!.deadline).toEqual({ kind: 'ongoing' });
}

function unitWith(dir: string, file: string, bytes: Uint8Array | string): string {
  const unit = path.join(dir, 'unit');
  fs.mkdirSync(unit, { recursive: true });
  fs.writeFileSync(path.join(unit, 'unit.yaml'), UNIT);
  fs.writeFileSync(path.join(unit, file), bytes);
  return unit;
}

/** GB18030 bytes of a string, through iconv (glibc), the way Chinese Windows saves. */
const gbk = (s: string) => execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: s });

describe('combined ledgers', () => {
  it('imports an .xlsx with merged title, 填报单位 row, merged problem cells, mixed dates and a note row', async () => {
    const dir = tmp();
    const xlsx = path.join(dir, '台账.xlsx');
    await ledgerXlsx(xlsx);
    const unit = unitWith(dir, 'unit.yaml', UNIT);
    const r = gongwen(['import', xlsx, '-o', path.join(unit, '整改台账.yaml')]);
    expect(r.stderr).not.toContain('error');
    expect(r.code).toBe(0);
    expectLinked(unit);
    expect(gongwen(['check', unit]).code).toBe(0);
    const out = path.join(dir, 'out');
    const rendered = gongwen(['render', unit, '--out', out, '--only', 'problem-list', '--format', 'pdf', '--no-system-fonts']);
    expect(rendered.code).toBe(0);
    const pdf = fs.readdirSync(path.join(out, '某某区教育局')).find((f) => f.endsWith('.pdf'))!;
    // Read cell by cell: the lines of one column, top to bottom (a row's cells stand side by side).
    const byColumn = new Map<number, { y: number; text: string }[]>();
    for (const l of textLines(path.join(out, '某某区教育局', pdf))) {
      const k = Math.round(l.xMin / 6);
      (byColumn.get(k) ?? byColumn.set(k, []).get(k)!).push({ y: l.page * 1e4 + l.yMin, text: l.text });
    }
    const txt = [...byColumn.values()].map((ls) => ls.sort((a, b) => a.y - b.y).map((l) => l.text).join('')).join('|').replace(/\s+/g, '');
    for (const row of ROWS) for (const c of [row[1], row[3]]) if (typeof c === 'string') expect(txt).toContain(c);
  });

  it('imports a GB18030 CSV with CRLF (saved by Chinese Excel) and a UTF-8 CSV with BOM alike', () => {
    const dir = tmp();
    for (const [name, bytes, warned] of [
      ['gbk.csv', gbk(csvOf(ROWS)), true],
      ['bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvOf(ROWS))]), false],
    ] as const) {
      const csv = path.join(dir, name);
      fs.writeFileSync(csv, bytes);
      const unit = unitWith(path.join(dir, `${name}.d`), 'unit.yaml', UNIT);
      const r = gongwen(['import', csv, '-o', path.join(unit, '整改台账.yaml')]);
      expect(r.code).toBe(0);
      expect(r.stderr.includes('W_ENCODING')).toBe(warned);
      expectLinked(unit);
    }
  });

  it('splits YAML rows exported from such a sheet, read from a GBK file with W_ENCODING', () => {
    const dir = tmp();
    const rows = ROWS.map((r) => HEADERS.map((h, i) => [h, r[i] instanceof Date ? '2014-03-31' : r[i]] as const));
    const yaml = rows.map((r) => r.map(([k, v], i) => `${i ? '  ' : '- '}${JSON.stringify(k)}: ${v === null ? '' : JSON.stringify(String(v))}`).join('\n')).join('\n') + '\n';
    const unit = unitWith(dir, '整改台账.yaml', gbk(`# 由整改台账导出\n${yaml}`));
    fs.writeFileSync(path.join(unit, 'unit.yaml'), gbk(UNIT));
    const r = loaded(unit);
    expect(r.diagnostics.map((d) => d.code)).toContain('W_ENCODING');
    expect(JSON.stringify(r.data)).not.toContain('\uFFFD');
    expect(r.data!.unit.name).toBe('某某区教育局');
    expectLinked(unit);
    const c = gongwen(['check', unit]);
    expect(c.code).toBe(0);
    expect(c.stdout + c.stderr).toContain('W_ENCODING');
    // And it renders right: the unit's name and every problem, never garbage.
    const out = path.join(dir, 'out');
    expect(gongwen(['render', unit, '--out', out, '--only', 'problem-list', '--format', 'pdf', '--no-system-fonts']).code).toBe(0);
    const txt = execFileSync('pdftotext', [path.join(out, '某某区教育局', '问题清单.pdf'), '-']).toString().replace(/\s+/g, '');
    expect(txt).toContain('某某区教育局领导班子问题清单和整改台账');
    for (const p of EXPECTED) expect(txt).toContain(p.text);
    expect(txt).not.toContain('\uFFFD');
  });

  it('reports a binary file given as YAML at its first bad byte', () => {
    const dir = tmp();
    const unit = unitWith(dir, 'problems.yaml', Buffer.from([0x2d, 0x20, 0x61, 0x0a, 0x2d, 0x20, 0x00, 0x01, 0xff]));
    const r = gongwen(['check', unit]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/problems\.yaml:2:3 +error +E_ENCODING/);
  });

  it('keeps a tab in a value as a space, and reports an unknown glyph once', () => {
    const dir = tmp();
    const file = path.join(dir, 'u.yaml');
    fs.writeFileSync(
      file,
      `unit: { name: 某某局, issuer: 中共某某局党组, filing_to: 区委领导小组, date: 2013-12-20 }
problems:
  - { id: 1, text: "会议\\t多😀", wind: formalism, scope: collective }
measures:
  - { problem: 1, action: "压缩\\t会议", goal: 减少, deadline: 2014-03-31, leader: 张三, department: 办公室 }
`,
    );
    const r = gongwen(['render', file, '--out', path.join(dir, 'out'), '--format', 'pdf', '--no-system-fonts']);
    expect(r.code).toBe(1);
    const out = r.stdout + r.stderr;
    expect(out.match(/E_GLYPH/g)?.length).toBe(1);
    expect(out).not.toMatch(/U\+0009/);
  });
});

describe('gongwen import --unit', () => {
  it('writes a unit folder from a workbook whose sheets are the sections, and check names what is missing', async () => {
    const dir = tmp();
    const xlsx = path.join(dir, '备案台账.xlsx');
    await ledgerXlsx(xlsx);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const reg = wb.addWorksheet('制度建设计划');
    reg.getRow(1).values = ['制度名称', '建设方式', '制度类别', '针对问题', '牵头部门', '完成时限'];
    reg.getRow(2).values = ['会议管理办法', '制定', '工作制度', '会议多', '办公室', '2014年3月'];
    wb.addWorksheet('Sheet3');
    await wb.xlsx.writeFile(xlsx);
    const unit = path.join(dir, '某某区教育局');
    const r = gongwen(['import', xlsx, '--unit', unit]);
    expect(r.code).toBe(0);
    expect(fs.readdirSync(unit).sort()).toEqual(['制度建设计划.yaml', '单位.yaml', '整改台账.yaml'].sort());
    // The 填报单位 row gave the unit's name; the other required fields are left for the user.
    expect(fs.readFileSync(path.join(unit, '单位.yaml'), 'utf8')).toContain('单位名称: 某某区教育局');
    const c = gongwen(['check', unit]);
    expect(c.code).toBe(1);
    const out = c.stdout + c.stderr;
    expect(out).toMatch(/单位\.yaml:\d+:\d+ +error +E_REQUIRED +缺少必填字段“发文机关”/);
    expect(out).toMatch(/E_REQUIRED +缺少必填字段“备案机关”/);
    expect(out).not.toMatch(/问题清单|整改措施.*E_REQUIRED/);
    // Filled in, the unit renders its ledger.
    fs.writeFileSync(path.join(unit, '单位.yaml'), UNIT);
    expectLinked(unit);
    expect(loaded(unit).data!.regulations).toHaveLength(1);
  });
});
