// 信函格式 (GB/T 9704 §10.1) for a 函 whose template asks for it (格式: 信函), measured on our PDF
// and on LibreOffice's rendering of the DOCX: the organ's name 30 mm below the paper's top edge, the
// red double lines (thick over thin 4 mm below it, thin over thick 20 mm above the bottom edge)
// 170 mm long, 份号 left and 发文字号 right under the first line, no number on page 1, and the 版记 as
// the 抄送 alone at the bottom of the last page.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { issuerMarkFit } from '../../src/compose/issuer-mark.js';
import { letterHead } from '../../src/compose/letter-head.js';
import { PORTRAIT } from '../../src/layout/paginate.js';
import { LETTER, PAGE } from '../../src/style/gbt9704.js';
import { gongwen } from '../support/cli.js';
import { ROOT } from '../support/examples.js';
import { convertToPdf } from '../support/libreoffice.js';
import { pageCount, textLines, words } from '../support/poppler.js';
import { darkRows, ink, rasterize } from '../support/raster.js';

const MM = 72 / 25.4;
const DPI = 288;
const ISSUER = '中共测试单位委员会';

/** Runs of consecutive rows (pt): [first, last]. */
function runs(rows: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && r - last[1] < 1.5 * (72 / DPI)) last[1] = r;
    else out.push([r, r]);
  }
  return out;
}

describe('信函格式', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-letter-'));
  const pdfs: Record<'ours' | 'lo', string> = { ours: '', lo: '' };

  beforeAll(() => {
    fs.mkdirSync(path.join(dir, 'data'));
    fs.mkdirSync(path.join(dir, 'templates'));
    fs.writeFileSync(path.join(dir, 'data', 'u.yaml'), fs.readFileSync(path.join(ROOT, 'tests/fixtures/good/minimal.yaml'), 'utf8') + '    public: true\n');
    const para = '为深入贯彻落实中央八项规定精神，切实解决“四风”方面的突出问题，根据教育实践活动整改落实的部署要求，现就有关事项函告如下，请予支持配合，共同推动各项整改措施在2014年3月31日前落实到位。';
    const template = ['---', '格式: 信函', '发文机关标志: "{{unit.issuer}}"', '发文字号: "测委函〔2014〕3号"', '份号: "000123"', '紧急程度: 特急', '标题: "{{unit.issuer}}关于商请协助开展整改工作的函"', '主送: "{{unit.filing_to}}"', '署名: "{{unit.issuer}}"', '成文日期: "{{date}}"', '抄送: 市委第一督导组', '印发机关: 测试单位办公室', '---', '', ...Array(9).fill(para + '\n')].join('\n');
    fs.writeFileSync(path.join(dir, 'templates', 'public-notice.md.hbs'), template);
    const r = gongwen(['render', 'data', '--out', 'out', '--only', 'public-notice', '--no-system-fonts'], dir);
    expect(r.code, r.stderr).toBe(0);
    pdfs.ours = path.join(dir, 'out', '测试单位', '整改公示.pdf');
    pdfs.lo = convertToPdf([pdfs.ours.replace(/\.pdf$/, '.docx')], path.join(dir, 'lo'))[0]!;
  }, 240_000);

  const mark = issuerMarkFit(ISSUER, PORTRAIT.block.width);
  const g = letterHead(mark.size);
  const top = PAGE.margin.top;
  const centre = PORTRAIT.block.x + PORTRAIT.block.width / 2;

  for (const [name, which, tol] of [
    ['our PDF', 'ours', 0.5 * MM],
    ['LibreOffice’s PDF of the DOCX', 'lo', 1 * MM],
  ] as const) {
    describe(name, () => {
      it('draws the red double lines 170 mm long: thick over thin 4 mm below the name, thin over thick 20 mm above the bottom edge', () => {
        const page = rasterize(pdfs[which], DPI, 1)[0]!;
        const half = LETTER.lineLength / 2;
        const lines = runs(darkRows(page, DPI, centre - half + 1, centre + half - 1, 0.97));
        expect(lines.length, JSON.stringify(lines)).toBe(4);
        const [a, b, c, d] = lines as [number, number][];
        // Thick then thin at the head, thin then thick at the foot; a gap between the two of each.
        expect(Math.abs(a[0] - (top + g.lineTop))).toBeLessThan(tol);
        expect(a[1] - a[0]).toBeGreaterThan(b[1] - b[0]);
        expect(b[0] - a[1]).toBeGreaterThan(0.2);
        expect(d[1] - d[0]).toBeGreaterThan(c[1] - c[0]);
        expect(Math.abs(d[1] - (PAGE.height - 20 * MM))).toBeLessThan(tol);
        // Not longer than 170 mm: nothing past either end.
        expect(darkRows(page, DPI, centre - half - 1.5 * MM, centre - half - 0.5 * MM, 0.5)).toEqual([]);
        expect(darkRows(page, DPI, centre + half + 0.5 * MM, centre + half + 1.5 * MM, 0.5)).toEqual([]);
        // The name: its top edge at 30 mm (its ink a little lower), 4 mm above the first line.
        const inkRows: number[] = [];
        for (let y = 20 * MM; y < a[0] - 0.5; y += 72 / DPI) if (ink(page, DPI, PORTRAIT.block.x, y, PORTRAIT.block.x + PORTRAIT.block.width, y + 72 / DPI) > 255 * 3) inkRows.push(y);
        expect(inkRows.length).toBeGreaterThan(10);
        const inkTop = Math.min(...inkRows);
        expect(inkTop).toBeGreaterThan(30 * MM - tol);
        expect(inkTop).toBeLessThan(30 * MM + mark.size * 0.12 + tol);
        const gap = a[0] - Math.max(...inkRows);
        expect(gap).toBeGreaterThan(4 * MM - tol);
        expect(gap).toBeLessThan(4 * MM + mark.size * 0.12 + tol);
      });

      it('puts 份号 flush left and the 发文字号 flush right under the first line, 紧急程度 below 份号', () => {
        const ws = words(pdfs[which], 1);
        const copy = ws.find((w) => w.text === '000123')!;
        const number = ws.find((w) => w.text.startsWith('测委函'))!;
        const urgent = ws.find((w) => w.text === '特急')!;
        expect(copy && number && urgent, ws.map((w) => w.text).join(' ')).toBeTruthy();
        expect(Math.abs(copy.xMin - PORTRAIT.block.x)).toBeLessThan(tol);
        const numberEnd = Math.max(...ws.filter((w) => Math.abs(w.yMax - number.yMax) < 2 && w.xMin >= number.xMin).map((w) => w.xMax));
        expect(Math.abs(numberEnd - (PORTRAIT.block.x + PORTRAIT.block.width))).toBeLessThan(tol);
        expect(Math.abs(copy.yMax - number.yMax)).toBeLessThan(tol);
        // Below the line by 7/8 of a 3号 character to the glyphs' top: the ink of “测委函” (Han ink
        // starts a fraction of a point under the em box; word boxes follow each font's ascent).
        const page = rasterize(pdfs[which], DPI, 1)[0]!;
        let inkTop = Infinity;
        for (let y = top + g.lineEnd + 0.5; y < top + g.lineEnd + 30; y += 72 / DPI) {
          if (ink(page, DPI, number.xMin, y, number.xMin + 40, y + 72 / DPI) > 255 * 2) {
            inkTop = y;
            break;
          }
        }
        expect(inkTop - (top + g.lineEnd)).toBeGreaterThan(LETTER.below - 0.5);
        // LibreOffice sets the glyphs of every exact-height line about 2.8 pt lower than our PDF
        // (body text alike: its ink tops on page 2 of the 整改方案 are 2.75 pt lower).
        expect(inkTop - (top + g.lineEnd)).toBeLessThan(LETTER.below + 2 + (which === 'lo' ? 3 : 0));
        expect(urgent.yMin).toBeGreaterThan(copy.yMax);
        expect(Math.abs(urgent.xMin - PORTRAIT.block.x)).toBeLessThan(tol);
      });

      it('shows no page number on page 1, — 2 — on page 2', () => {
        const lines = textLines(pdfs[which]).filter((l) => /^—\d+—$/.test(l.text));
        expect(lines.some((l) => l.page === 1)).toBe(false);
        expect(lines.find((l) => l.page === 2)?.text).toBe('—2—');
      });

      it('sets the 版记 as the 抄送 alone at the bottom of the last page: no rules, no 印发', () => {
        const n = pageCount(pdfs[which]);
        const last = textLines(pdfs[which]).filter((l) => l.page === n);
        expect(last.map((l) => l.text).join('')).toContain('抄送：市委第一督导组。');
        expect(last.map((l) => l.text).join('')).not.toMatch(/印发/);
        const cc = last.find((l) => l.text.startsWith('抄送'))!;
        expect(PORTRAIT.block.y + PORTRAIT.block.height - cc.yMax).toBeLessThan(3 * MM);
        const page = rasterize(pdfs[which], 144, n)[0]!;
        expect(darkRows(page, 144, PORTRAIT.block.x + 2, PORTRAIT.block.x + PORTRAIT.block.width - 2, 0.9)).toEqual([]);
      });
    });
  }
});
