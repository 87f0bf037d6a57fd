// The ledger workbook: printed by LibreOffice (a header row on every page, nothing cut, problem
// cells merged), and read back by `gongwen import` into the same problems and measures.
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverUnits } from '../../src/data/discover.js';
import { loadUnit } from '../../src/data/load-unit.js';
import { nodeWorld } from '../../src/world/node-world.js';
import { gongwen } from '../support/cli.js';
import { ROOT } from '../support/examples.js';
import { convertToPdf } from '../support/libreoffice.js';

const EXAMPLE = path.join(ROOT, 'data', '市某某委员会.yaml');

describe('问题清单和整改台账.xlsx', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-xlsx-'));
  const out = path.join(dir, 'out');
  const r = gongwen(['render', EXAMPLE, '--out', out, '--format', 'xlsx', '--no-system-fonts']);
  const xlsx = path.join(out, '上海市某某委员会', '问题清单和整改台账.xlsx');
  const world = nodeWorld(ROOT);
  const original = loadUnit(world, discoverUnits(world, [EXAMPLE]).units[0]!).data!;

  it('is written by render --format xlsx, with problem cells merged over their measures', async () => {
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.worksheets[0]!;
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.printTitlesRow).toBe('3:3');
    const merges: string[] = (ws.model as unknown as { merges: string[] }).merges;
    // Every problem with n > 1 measures has its 存在问题 cell (column B) merged over n rows.
    const multi = original.problems.filter((p) => original.measures.filter((m) => m.problem.includes(p.id)).length > 1);
    expect(multi.length).toBeGreaterThan(0);
    expect(merges.filter((m) => /^B\d+:B\d+$/.test(m))).toHaveLength(multi.length);
  });

  it('is byte-identical when rendered again (zip entries dated with the document date)', async () => {
    await new Promise((r) => setTimeout(r, 2100));
    const again = path.join(dir, 'again');
    expect(gongwen(['render', EXAMPLE, '--out', again, '--format', 'xlsx', '--no-system-fonts']).code).toBe(0);
    expect(fs.readFileSync(path.join(again, '上海市某某委员会', '问题清单和整改台账.xlsx')).equals(fs.readFileSync(xlsx))).toBe(true);
  });

  it('reads back through gongwen import into the same problems and measures', () => {
    const unit = path.join(dir, 'unit');
    fs.mkdirSync(unit);
    fs.writeFileSync(path.join(unit, 'unit.yaml'), '单位名称: 上海市某某委员会\n发文机关: 中共上海市某某委员会党组\n备案机关: 市委教育实践活动领导小组\n');
    const imp = gongwen(['import', xlsx, '-o', path.join(unit, '整改台账.yaml')]);
    expect(imp.code).toBe(0);
    const back = loadUnit(nodeWorld(dir), discoverUnits(nodeWorld(dir), ['unit']).units[0]!).data!;
    const keep = (p: (typeof original.problems)[number]) => ({ id: p.id, text: p.text, wind: p.wind, scope: p.scope, person: p.person });
    expect(back.problems.map(keep)).toEqual(original.problems.map(keep));
    // A measure for several problems is printed under each and read back as one.
    expect(original.measures.some((m) => m.problem.length > 1)).toBe(true);
    // The ledger lists measures by problem: the same set, in the ledger's order.
    const byAction = (a: { action: string }, b: { action: string }) => (a.action < b.action ? -1 : 1);
    expect([...back.measures].sort(byAction)).toEqual([...original.measures].sort(byAction));
  });

  it('prints in LibreOffice with the header row on every page and every text whole', () => {
    const [pdf] = convertToPdf([xlsx], path.join(dir, 'lo'));
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf!]).toString())![1]);
    expect(pages).toBeGreaterThan(1);
    for (let p = 1; p <= pages; p++) {
      const t = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), pdf!, '-']).toString().replace(/\s+/g, '');
      for (const h of ['序号', '存在问题', '问题类别', '整改措施', '完成时限', '责任部门']) expect(t).toContain(h);
    }
    const all = execFileSync('pdftotext', ['-raw', pdf!, '-']).toString().replace(/\s+/g, '');
    for (const p of original.problems) expect(all).toContain(p.text.replace(/\s+/g, ''));
    for (const m of original.measures) expect(all).toContain(m.action.replace(/\s+/g, ''));
    // Landscape A4 pages.
    expect(execFileSync('pdfinfo', [pdf!]).toString()).toMatch(/Page size:\s+841\.\d+ x 595/);
  });
});
