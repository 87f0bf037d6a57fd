// Every rendered .docx opened by LibreOffice (as offices do) and measured on the PDF it prints:
// A4, 22 lines × 28 characters, — N — page numbers outside, the fonts by role.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PAGE, TEXT_BLOCK } from '../../src/style/gbt9704.js';
import { gongwen } from '../support/cli.js';
import { convertToPdf } from '../support/libreoffice.js';
import { fonts, pageSizes, textLines, type TextLine } from '../support/poppler.js';

const BLOCK = { left: PAGE.margin.left, right: PAGE.margin.left + TEXT_BLOCK.width, top: PAGE.margin.top, bottom: PAGE.margin.top + TEXT_BLOCK.height };
const ASCII = /[\x20-\x7e]/;
const PAGE_NO = /^—\d+—$/;

describe('DOCX through LibreOffice', () => {
  const pdfs = new Map<string, string>();
  beforeAll(() => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-lo-test-'));
    expect(gongwen(['render', '--out', path.join(dir, 'out')]).code).toBe(0);
    const docx: string[] = [];
    for (const unit of fs.readdirSync(path.join(dir, 'out'))) {
      const d = path.join(dir, 'out', unit);
      if (!fs.statSync(d).isDirectory()) continue;
      for (const f of fs.readdirSync(d)) docx.push(path.join(d, f));
    }
    // Same base names in two units: convert unit by unit.
    for (const unit of new Set(docx.map((f) => path.dirname(f)))) {
      const files = docx.filter((f) => path.dirname(f) === unit);
      const out = convertToPdf(files, path.join(dir, 'pdf', path.basename(unit)));
      files.forEach((f, i) => pdfs.set(`${path.basename(unit)}/${path.basename(f)}`, out[i]!));
    }
  });

  it('converts all 11 example documents', () => {
    expect(pdfs.size).toBe(11);
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
    let fullPages = 0;
    const all: TextLine[] = [];
    for (const [name, pdf] of pdfs) {
      if (name.includes('问题清单') || name.includes('备案表')) continue;
      const lines = textLines(pdf).filter((l) => !PAGE_NO.test(l.text));
      all.push(...lines);
      const pages = Math.max(...lines.map((l) => l.page));
      // Pages after the first (版头, title) and before the last are body text on the grid.
      for (let p = 2; p < pages; p++) {
        const on = lines.filter((l) => l.page === p);
        if (on.some((l) => l.yMax - l.yMin < 19.5)) continue; // smaller text: a page with a table
        expect(on.length, `${name} page ${p}`).toBeLessThanOrEqual(22);
        // The lines fill the text block from its top; none falls below its bottom.
        expect(on[0]!.yMin).toBeGreaterThan(BLOCK.top - 1);
        expect(on[on.length - 1]!.yMax).toBeLessThan(BLOCK.bottom + 1);
        if (on.length === 22) fullPages++;
        // Shorter pages come only from keeping headings with their text and from widow/orphan control.
        else expect(on.length, `${name} page ${p}`).toBeGreaterThanOrEqual(16);
        // Every line sits on the 28.95 pt grid.
        for (let i = 1; i < on.length; i++) expect((on[i]!.yMin - on[0]!.yMin) / 28.95 - i, `${name} page ${p} line ${i + 1}`).toBeCloseTo(0, 1);
      }
    }
    expect(fullPages).toBeGreaterThanOrEqual(3);
    const full = fullLines(all);
    expect(full.length).toBeGreaterThan(40);
    const counts = full.map((l) => charsInBlock(l));
    // 28 on a full line; fewer only where a Latin word (100%，) or a 禁则 pair moved to the next line.
    const off = full.filter((l) => charsInBlock(l) > 28 || charsInBlock(l) < 24).map((l) => l.text);
    expect(off).toEqual([]);
    expect(counts.filter((c) => c === 28).length / counts.length).toBeGreaterThan(0.85);
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

  it('gets the fonts of each role: 小标宋 title, 仿宋 body, 黑体 and 楷体 headings', () => {
    const names = fonts(pdfs.get('上海市某某委员会/整改方案.docx')!).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    // The GB font names in the DOCX were resolved through the aliases to the open stand-ins.
    expect(names).toEqual(expect.arrayContaining(['NotoSerifSC-Black', 'NotoSerifSC-Regular', 'NotoSansSC-Regular', 'UKaiCN']));
  });

  it('keeps the 备案表 on one page and the tables of the 问题清单 within the page', () => {
    for (const [name, pdf] of pdfs) {
      if (name.endsWith('备案表.docx')) expect(pageSizes(pdf)).toHaveLength(1);
      for (const l of textLines(pdf)) expect(l.xMax, `${name}: ${l.text}`).toBeLessThan(842);
    }
  });
});

/** Pure-CJK lines that start at the left edge of the block and reach its right edge. */
function fullLines(lines: TextLine[]): TextLine[] {
  return lines.filter((l) => !ASCII.test(l.text) && Math.abs(l.xMin - BLOCK.left) < 2 && l.xMax > BLOCK.right - 4 && l.yMax - l.yMin > 19.5 && l.yMax - l.yMin < 24);
}

/** Characters inside the block: punctuation LibreOffice hangs past the right edge is not counted. */
function charsInBlock(l: TextLine): number {
  const n = [...l.text].length;
  return l.xMax > BLOCK.right + 4 && /[，。、；：”）》]$/.test(l.text) ? n - 1 : n;
}
