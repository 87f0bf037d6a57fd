// `gongwen summary` over units of known counts, read back by tools we did not write: the workbook
// through LibreOffice (every sheet as CSV), the report through poppler and LibreOffice (its .docx).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gongwen } from '../support/cli.js';
import { convertToPdf } from '../support/libreoffice.js';
import { pageCount } from '../support/poppler.js';
import { rasterize, type Gray } from '../support/raster.js';

/** The chart's bars on a page: runs of rows where a long stretch of pixels has the bars' grey; each bar's length in points. */
function bars(img: Gray, dpi: number): number[] {
  const s = dpi / 72;
  const rowRun = (y: number) => {
    let best = 0;
    let run = 0;
    for (let x = 0; x < img.width; x++) {
      const g = img.data[y * img.width + x]!;
      run = g >= 40 && g <= 100 ? run + 1 : 0;
      best = Math.max(best, run);
    }
    return best / s;
  };
  const out: number[] = [];
  let current: number[] = [];
  for (let y = 0; y < img.height; y++) {
    const len = rowRun(y);
    if (len >= 12) current.push(len);
    else if (current.length) {
      // A bar is several rows thick; a table rule or a glyph stroke is not.
      if (current.length / s >= 6) out.push(Math.max(...current));
      current = [];
    }
  }
  return out;
}

/** Every sheet of a workbook as CSV rows, exported by LibreOffice. */
function sheets(xlsx: string): Map<string, string[][]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-csv-'));
  execFileSync('soffice', [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', dir, xlsx], { stdio: 'pipe', timeout: 120_000, env: { ...process.env, HOME: dir } });
  const out = new Map<string, string[][]>();
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.csv'))) {
    const rows = fs.readFileSync(path.join(dir, f), 'utf8').trim().split('\n').map((l) => l.split(','));
    out.set(f.replace(/^.*-(.+)\.csv$/, '$1'), rows);
  }
  return out;
}

describe('gongwen summary', () => {
  it('sums two units as of a day: per unit measures, done and overdue; each overdue measure once; the report with the figures', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-summary-'));
    const r = gongwen(['summary', 'tests/fixtures/time/overdue.yaml', 'tests/fixtures/time/deadline-words.yaml', '--as-of', '2014-02-15', '--out', dir, '--format', 'xlsx,pdf,docx,ofd', '--no-system-fonts']);
    expect(r.code, r.stderr).toBe(0);
    // What check says as of the same day is what the summary counts.
    const overdueOf = (file: string) => (JSON.parse(gongwen(['check', file, '--as-of', '2014-02-15', '--format', 'json']).stdout) as { units: { diagnostics: { code: string }[] }[] }).units[0]!.diagnostics.filter((d) => d.code === 'R_OVERDUE').length;
    const expected = { 超期测试单位: overdueOf('tests/fixtures/time/overdue.yaml'), 时限写法单位: overdueOf('tests/fixtures/time/deadline-words.yaml') };
    expect(expected.超期测试单位).toBeGreaterThan(0);
    const book = sheets(path.join(dir, '整改情况汇总表.xlsx'));
    const head = book.get('汇总')![1]!;
    const col = (h: string) => head.indexOf(h);
    expect([col('整改措施'), col('已完成'), col('超期')].every((i, k, a) => i >= 0 && (k === 0 || i > a[k - 1]!))).toBe(true);
    const row = (unit: string) => book.get('汇总')!.find((x) => x[0] === unit)!;
    expect([row('超期测试单位')[col('整改措施')], row('超期测试单位')[col('超期')]]).toEqual(['28', String(expected.超期测试单位)]);
    expect([row('时限写法单位')[col('整改措施')], row('时限写法单位')[col('超期')]]).toEqual(['15', String(expected.时限写法单位)]);
    expect(row('合计')[col('超期')]).toBe(String(expected.超期测试单位 + expected.时限写法单位));
    const overdue = book.get('超期措施')!.slice(2);
    expect(overdue.length).toBe(expected.超期测试单位 + expected.时限写法单位);
    expect(new Set(overdue.map((x) => `${x[0]}|${x[3]}`)).size).toBe(overdue.length);
    expect(book.get('整改台账')!.slice(2).length).toBe(28 + 15);
    const text = execFileSync('pdftotext', [path.join(dir, '整改情况汇总报告.pdf'), '-'], { encoding: 'utf8' }).replace(/\s/g, '');
    expect(text).toContain(`截至2014年2月15日，共汇总2个单位的整改台账`);
    expect(text).toContain(`超过完成时限尚未完成的${expected.超期测试单位 + expected.时限写法单位}项`);
    const [lo] = convertToPdf([path.join(dir, '整改情况汇总报告.docx')], path.join(dir, 'lo'));
    expect(pageCount(lo!)).toBe(pageCount(path.join(dir, '整改情况汇总报告.pdf')));
    // The chart: a bar per unit in our PDF and in LibreOffice's rendering of the DOCX, their lengths in the ratio of the rates.
    const rates = [row('超期测试单位')[col('完成率')], row('时限写法单位')[col('完成率')]].map((r) => Number(r!.replace('%', '')));
    for (const file of [path.join(dir, '整改情况汇总报告.pdf'), lo!]) {
      const found = rasterize(file, 100).flatMap((img) => bars(img, 100));
      expect(found.length, file).toBe(rates.filter((r) => r > 0).length);
      if (found.length === 2) expect(found[0]! / found[1]!).toBeCloseTo(rates[0]! / rates[1]!, 1);
    }
  }, 180_000);

  it('draws the completion chart: one bar per unit, as long as its rate, in our PDF and in LibreOffice', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-summary-chart-'));
    const r = gongwen(['summary', 'kinds/examples', '--as-of', '2025-10-15', '--out', dir, '--format', 'xlsx,pdf,docx', '--no-system-fonts']);
    expect(r.code, r.stderr).toBe(0);
    const rows = sheets(path.join(dir, '整改情况汇总表.xlsx')).get('汇总')!;
    const rates = rows.slice(2, -1).map((x) => Number(x[x.length - 1]!.replace('%', '')));
    expect(rates.length).toBe(5);
    const [lo] = convertToPdf([path.join(dir, '整改情况汇总报告.docx')], path.join(dir, 'lo'));
    for (const file of [path.join(dir, '整改情况汇总报告.pdf'), lo!]) {
      const found = rasterize(file, 100).flatMap((img) => bars(img, 100));
      expect(found.length, file).toBe(5);
      // Lengths in the ratio of the rates (the longest bar is the highest rate).
      const k = found[0]! / rates[0]!;
      found.forEach((len, i) => expect(Math.abs(len - rates[i]! * k), `${file} bar ${i + 1}`).toBeLessThan(3));
    }
  }, 180_000);

  it('reports a unit that fails and sums the others', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-summary-bad-'));
    const r = gongwen(['summary', 'tests/fixtures/time/overdue.yaml', 'tests/fixtures/bad/bad-enum.yaml', '--as-of', '2014-02-15', '--out', dir, '--format', 'xlsx']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E_ENUM');
    expect(r.stderr).toContain('汇总了 1 个单位（另有 1 个单位有错误，未计入）');
    expect(fs.existsSync(path.join(dir, '整改情况汇总表.xlsx'))).toBe(true);
  });
});
