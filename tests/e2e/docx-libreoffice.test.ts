// Every rendered .docx opened by LibreOffice (as offices do) and measured on the PDF it prints:
// A4, 22 lines × 28 characters, — N — page numbers outside, the fonts by role.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { gongwen } from '../support/cli.js';
import { convertToPdf } from '../support/libreoffice.js';
import { BLOCK, PAGE_NO, checkCharsPerLine, checkGridPages } from '../support/grid-check.js';
import { lineParity } from '../support/parity.js';
import { fonts, pageCount, pageSizes, textLines } from '../support/poppler.js';
import { darkRows, rasterize } from '../support/raster.js';
import { execFileSync } from 'node:child_process';

const MM = 72 / 25.4;
const PAGE_SIZE = { width: 595.28, height: 841.89 };


describe('DOCX through LibreOffice', () => {
  const pdfs = new Map<string, string>();
  beforeAll(() => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-lo-test-'));
    expect(gongwen(['render', '--out', path.join(dir, 'out'), '--no-system-fonts']).code).toBe(0);
    const docx: string[] = [];
    for (const unit of fs.readdirSync(path.join(dir, 'out'))) {
      const d = path.join(dir, 'out', unit);
      if (!fs.statSync(d).isDirectory()) continue;
      for (const f of fs.readdirSync(d)) if (f.endsWith('.docx')) docx.push(path.join(d, f));
    }
    // Same base names in two units: convert unit by unit.
    for (const unit of new Set(docx.map((f) => path.dirname(f)))) {
      const files = docx.filter((f) => path.dirname(f) === unit);
      const out = convertToPdf(files, path.join(dir, 'pdf', path.basename(unit)));
      files.forEach((f, i) => pdfs.set(`${path.basename(unit)}/${path.basename(f)}`, out[i]!));
    }
  });

  it('breaks lines where our own PDF engine breaks them (≥ 95% of pure-CJK lines)', () => {
    let matched = 0;
    let total = 0;
    for (const [name, lo] of pdfs) {
      const ours = lo.replace(/\/pdf\/([^/]+)\/([^/]+)\.pdf$/, '/out/$1/$2.pdf');
      const r = lineParity(textLines(lo), textLines(ours));
      matched += r.matched;
      total += r.total;
      void name;
    }
    const share = matched / total;
    process.stdout.write(`line-break parity with LibreOffice: ${matched}/${total} = ${(share * 100).toFixed(1)}%\n`);
    expect(total).toBeGreaterThan(100);
    expect(share).toBeGreaterThanOrEqual(0.95);
  });

  it('sets the 版记 on the bottom of the last page, its last rule on the block edge (±1 mm), as our PDF does', () => {
    let seen = 0;
    for (const [name, lo] of pdfs) {
      const ours = lo.replace(/\/pdf\/([^/]+)\/([^/]+)\.pdf$/, '/out/$1/$2.pdf');
      const oursText = execFileSync('pdftotext', [ours, '-'], { encoding: 'utf8' });
      if (!/日印发/.test(oursText)) continue; // a 版记 (not 印发 in the text)
      seen++;
      const pages = rasterize(lo, 144);
      const last = pages.length;
      const text = execFileSync('pdftotext', ['-f', String(last), '-l', String(last), lo, '-'], { encoding: 'utf8' });
      expect(text, name).toMatch(/日印发/);
      // The last full-width rule of the last page: the 版记's closing 0.35 mm line.
      const rows = darkRows(pages[last - 1]!, 144, BLOCK.left + 2, BLOCK.right - 2, 0.95);
      expect(rows.length, name).toBeGreaterThan(0);
      expect(Math.abs(Math.max(...rows) - BLOCK.bottom) / MM, name).toBeLessThan(1);
      // As in our PDF: the same last page, and it is even.
      expect(last, name).toBe(pageCount(ours));
      expect(last % 2, name).toBe(0);
    }
    expect(seen).toBeGreaterThanOrEqual(2); // both units' 整改方案: one ends on an even page, one on an odd page
  });

  it('leaves the pages our PDF leaves unnumbered without a number too: the blank page before a 版记 and the 版记 page (§7.5)', () => {
    let blanks = 0;
    for (const [name, lo] of pdfs) {
      const ours = lo.replace(/\/pdf\/([^/]+)\/([^/]+)\.pdf$/, '/out/$1/$2.pdf');
      if (!/日印发/.test(execFileSync('pdftotext', [ours, '-'], { encoding: 'utf8' }))) continue;
      const numbered = (pdf: string) => new Set(textLines(pdf).filter((l) => PAGE_NO.test(l.text)).map((l) => l.page));
      const a = numbered(ours);
      const b = numbered(lo);
      const n = pageCount(ours);
      for (let p = 1; p <= n; p++) if (pageSizes(ours)[p - 1]!.w < 700) expect(b.has(p), `${name} page ${p}`).toBe(a.has(p));
      if (!a.has(n - 1) && !a.has(n)) blanks++;
    }
    // 某某大学's 印发通知 ends on an even landscape page: a blank page, then the 版记.
    expect(blanks).toBeGreaterThanOrEqual(1);
  });

  it('converts all 20 example documents', () => {
    expect(pdfs.size).toBe(20);
    for (const p of pdfs.values()) expect(fs.existsSync(p)).toBe(true);
  });

  it('prints on A4, portrait or landscape', () => {
    for (const [name, pdf] of pdfs) {
      for (const s of pageSizes(pdf)) {
        const dims = [s.w, s.h].sort((a, b) => a - b);
        expect(dims[0], name).toBeCloseTo(595.28, 0);
        expect(dims[1], name).toBeCloseTo(841.89, 0);
      }
      if (name.includes('问题清单')) expect(pageSizes(pdf)[0]!.w).toBeGreaterThan(800);
    }
  });

  it('sets 22 body lines on every full page and 28 characters on every full line', () => {
    const docs = new Map([...pdfs].filter(([n]) => !n.includes('问题清单') && !n.includes('备案表')).map(([n, p]) => [n, textLines(p)]));
    expect(checkGridPages(docs)).toBeGreaterThanOrEqual(3);
    const r = checkCharsPerLine([...docs.values()].flat());
    expect(r.lines).toBeGreaterThan(40);
  });

  it('numbers pages — N — 7 mm below the text block, odd pages right and even pages left, one character in', () => {
    const pdf = pdfs.get('上海市某某委员会/整改方案.docx')!;
    const nums = textLines(pdf).filter((l) => PAGE_NO.test(l.text));
    expect(nums.length).toBeGreaterThanOrEqual(6);
    for (const n of nums) {
      expect(n.text).toBe(`—${n.page}—`);
      const gapMm = (n.yMin - BLOCK.bottom) / (72 / 25.4);
      expect(gapMm).toBeGreaterThan(4);
      expect(gapMm).toBeLessThan(10);
      if (n.page % 2) expect(Math.abs(n.xMax - (BLOCK.right - 14))).toBeLessThan(3);
      else expect(Math.abs(n.xMin - (BLOCK.left + 14))).toBeLessThan(3);
    }
  });

  it('numbers landscape pages where the number is on the portrait sheet, turned with it (§8), in our PDF and in LibreOffice', () => {
    // The landscape page is the portrait sheet turned: its bottom edge is the page's left edge.
    const centre = (PAGE_SIZE.height - BLOCK.bottom - 7 * MM); // 28 mm from the left edge
    const oddEnd = BLOCK.right - 14; // portrait x of the number's end → y on the landscape page
    const evenStart = BLOCK.left + 14;
    for (const [name, lo] of pdfs) {
      if (!name.endsWith('问题清单.docx')) continue;
      const ours = lo.replace(/\/pdf\/([^/]+)\/([^/]+)\.pdf$/, '/out/$1/$2.pdf');
      for (const pdf of [ours, lo]) {
        const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
        const pages = html.split('<page ').slice(1);
        expect(pages.length, name).toBeGreaterThanOrEqual(2);
        pages.forEach((pg, i) => {
          // The number's characters: the words in the strip left of the landscape text block.
          const words = [...pg.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g)].map((m) => ({ x0: +m[1]!, y0: +m[2]!, x1: +m[3]!, y1: +m[4]!, t: m[5]! })).filter((w) => w.x1 < 35 * MM);
          const where = `${name} ${pdf === lo ? 'LibreOffice' : 'ours'} page ${i + 1}`;
          expect(words.map((w) => w.t).sort().join(''), where).toBe([...`—${i + 1}—`].sort().join(''));
          const mid = (Math.min(...words.map((w) => w.x0)) + Math.max(...words.map((w) => w.x1))) / 2;
          expect(Math.abs(mid - centre) / MM, where).toBeLessThan(1.5);
          if ((i + 1) % 2) expect(Math.abs(Math.max(...words.map((w) => w.y1)) - oddEnd) / MM, where).toBeLessThan(1.5);
          else expect(Math.abs(Math.min(...words.map((w) => w.y0)) - evenStart) / MM, where).toBeLessThan(1.5);
        });
      }
    }
  });

  it('gets the fonts of each role: 小标宋 title, 仿宋 body, 黑体 and 楷体 headings', () => {
    const names = fonts(pdfs.get('上海市某某委员会/整改方案.docx')!).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    // The GB font names in the DOCX were resolved through the aliases to the open stand-ins.
    expect(names).toEqual(expect.arrayContaining(['NotoSerifSC-Black', 'NotoSerifSC-Regular', 'NotoSansSC-Regular', 'LXGWWenKai-Regular']));
  });

  it('keeps the 备案表 on one page and the tables of the 问题清单 within the page', () => {
    for (const [name, pdf] of pdfs) {
      if (name.endsWith('备案表.docx')) expect(pageSizes(pdf)).toHaveLength(1);
      for (const l of textLines(pdf)) expect(l.xMax, `${name}: ${l.text}`).toBeLessThan(842);
    }
  });
});

