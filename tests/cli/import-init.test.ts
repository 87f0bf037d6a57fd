// `gongwen import` on a spreadsheet as offices keep it, and `gongwen init` then `render`.
import ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverUnits } from '../../src/data/discover.js';
import { loadUnit } from '../../src/data/load-unit.js';
import { nodeWorld } from '../../src/world/node-world.js';
import { gongwen } from '../support/cli.js';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-imp-'));
const UNIT = '单位名称: 某某大学\n发文机关: 中共某某大学委员会\n备案机关: 市委教育实践活动领导小组\n成文日期: 2013年12月12日\n';

async function workbook(file: string) {
  const wb = new ExcelJS.Workbook();
  const p = wb.addWorksheet('问题清单');
  p.mergeCells('A1:G1');
  p.getCell('A1').value = '某某大学领导班子问题清单';
  p.addRow([]);
  p.getRow(2).values = ['序号', '问题描述', '四风类别', '责任主体', '责任人', '问题层面', '备注'];
  p.addRow([1, '评审检查过多', '形式主义', '班子', null, '制度', '无']);
  p.addRow([]);
  p.addRow([2, { richText: [{ text: '学生办事' }, { text: '多头跑' }] }, '官僚主义', '个人', '周副校长', '工作', null]);
  const m = wb.addWorksheet('整改台账');
  m.mergeCells('A1:F1');
  m.getCell('A1').value = '整改台账';
  m.getRow(2).values = ['问题序号', '整改措施', '整改目标', '完成时限', '责任领导', '责任单位', '是否公开'];
  m.getRow(3).values = [1, '清理评审事项', '减少40%', new Date(Date.UTC(2014, 2, 31)), '郑校长', '发展规划处', '是'];
  m.getRow(4).values = [2, '建设一站式服务中心', '最多跑一次', new Date(Date.UTC(2014, 8, 30)), '周副校长', '学生工作部', '否'];
  await wb.xlsx.writeFile(file);
}

describe('gongwen import', () => {
  it('turns sheets with merged title rows, Chinese headers, dates and blank cells into data check accepts', async () => {
    const dir = tmp();
    const xlsx = path.join(dir, '台账.xlsx');
    await workbook(xlsx);
    const unit = path.join(dir, 'u');
    fs.mkdirSync(unit);
    fs.writeFileSync(path.join(unit, 'unit.yaml'), UNIT);
    const a = gongwen(['import', xlsx, '-o', path.join(unit, 'problems.yaml')]);
    expect(a.code).toBe(0);
    // The column no field takes is reported at its header cell (row 2, column 7).
    expect(a.stderr).toContain('台账.xlsx:2:7  warning  W_IMPORT_COLUMN');
    const b = gongwen(['import', xlsx, '--sheet', '整改台账', '--as', 'measures', '-o', path.join(unit, 'measures.yaml')]);
    expect(b.code).toBe(0);
    expect(gongwen(['check', unit]).code).toBe(0);

    // The same data written by hand.
    const hand = path.join(dir, 'hand.yaml');
    fs.writeFileSync(
      hand,
      `unit: { name: 某某大学, issuer: 中共某某大学委员会, filing_to: 市委教育实践活动领导小组, date: 2013-12-12 }
problems:
  - { id: 1, text: 评审检查过多, wind: formalism, scope: collective, layer: system }
  - { id: 2, text: 学生办事多头跑, wind: bureaucratism, scope: individual, person: 周副校长, layer: work }
measures:
  - { problem: 1, action: 清理评审事项, goal: 减少40%, deadline: 2014-03-31, leader: 郑校长, department: 发展规划处, public: true }
  - { problem: 2, action: 建设一站式服务中心, goal: 最多跑一次, deadline: 2014-09-30, leader: 周副校长, department: 学生工作部, public: false }
`,
    );
    const world = nodeWorld(dir);
    const load = (p: string) => loadUnit(world, discoverUnits(world, [p]).units[0]!).data!;
    const x = load('u');
    const y = load('hand.yaml');
    expect(x.problems).toEqual(y.problems);
    expect(x.measures).toEqual(y.measures);
  });

  it('says so when no header row can be found', () => {
    const dir = tmp();
    const csv = path.join(dir, 'x.csv');
    fs.writeFileSync(csv, 'a,b,c\n1,2,3\n');
    const r = gongwen(['import', csv]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E_IMPORT');
  });
});

describe('gongwen init', () => {
  it('scaffolds a project that renders at once, and keeps files that exist', () => {
    const dir = path.join(tmp(), '新项目');
    expect(gongwen(['init', dir]).code).toBe(0);
    for (const f of ['gongwen.yaml', 'README.md', 'data/示例单位.yaml', 'templates/rectification-plan.md.hbs', 'fonts/说明.txt']) expect(fs.existsSync(path.join(dir, f)), f).toBe(true);
    fs.appendFileSync(path.join(dir, 'templates/filing-form.md.hbs'), '\n本项目自定义。\n');
    const r = gongwen(['render', '--no-system-fonts', '--format', 'docx'], dir);
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'out/上海市某某委员会/整改方案.docx'))).toBe(true);
    // The project's copy of the template is the one used.
    const m = JSON.parse(fs.readFileSync(path.join(dir, 'out/manifest.json'), 'utf8'));
    expect(m.files.find((f: { doc: string }) => f.doc === 'filing-form').sources).toContain('templates/filing-form.md.hbs');
    expect(gongwen(['init', dir]).stdout).toContain('已存在，未改动');
  });

  it('takes the data folder and the output folder from gongwen.yaml', () => {
    const dir = path.join(tmp(), 'p');
    expect(gongwen(['init', dir]).code).toBe(0);
    fs.renameSync(path.join(dir, 'data'), path.join(dir, '单位数据'));
    fs.writeFileSync(path.join(dir, 'gongwen.yaml'), 'data: 单位数据\nout: 输出\nformats: [docx]\n');
    expect(gongwen(['check'], dir).stdout).toContain('1 个通过');
    expect(gongwen(['render', '--no-system-fonts'], dir).code).toBe(0);
    const files = JSON.parse(fs.readFileSync(path.join(dir, '输出/manifest.json'), 'utf8')).files;
    expect(files.length).toBeGreaterThan(5);
    expect(files.every((f: { path: string }) => f.path.endsWith('.docx'))).toBe(true);
  });
});
