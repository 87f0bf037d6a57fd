// Our PDFs as a reader gets them: valid files, embedded subset fonts with ToUnicode, exact text,
// glyphs that are really drawn, and the GB/T 9704 geometry measured on the pages.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writePdf } from '../../src/backends/pdf/write-pdf.js';
import { documentTexts, type DocTree } from '../../src/doc/tree.js';
import { FontBook } from '../../src/fonts/font-book.js';
import { layoutDocument } from '../../src/layout/layout-document.js';
import { PAGE_NUMBER } from '../../src/style/gbt9704.js';
import { nodeWorld } from '../../src/world/node-world.js';
import { gongwen } from '../support/cli.js';
import { ROOT, exampleDocs } from '../support/examples.js';
import { compareSubsetInk } from '../support/ink.js';
import { BLOCK, PAGE_NO, checkCharsPerLine, checkGridPages, isBodyLine } from '../support/grid-check.js';
import { fonts, pageSizes, textLines } from '../support/poppler.js';
import { darkRows, ink, rasterize } from '../support/raster.js';

const MM = 72 / 25.4;
const strip = (s: string) => s.replace(/\s+/g, '');

describe('PDF output', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-pdf-'));
  const pdfs = new Map<string, string>();
  const trees = new Map<string, DocTree>();
  beforeAll(() => {
    expect(gongwen(['render', '--out', dir, '--format', 'pdf', '--no-system-fonts']).code).toBe(0);
    for (const d of exampleDocs().docs) {
      const key = `${d.unit}/${d.name}`;
      pdfs.set(key, path.join(dir, d.unit, `${d.name}.pdf`));
      trees.set(key, d.doc);
    }
  });

  it('writes every example document, and qpdf finds nothing wrong', () => {
    expect(pdfs.size).toBe(20);
    for (const [name, pdf] of pdfs) {
      const out = execFileSync('qpdf', ['--check', pdf], { encoding: 'utf8' });
      expect(out, name).toContain('No syntax or stream encoding errors found');
    }
  });

  it('embeds every font as a subset with a ToUnicode map', () => {
    for (const [name, pdf] of pdfs) {
      const fs_ = fonts(pdf);
      expect(fs_.length, name).toBeGreaterThan(0);
      for (const f of fs_) expect(f, `${name} ${f.name}`).toMatchObject({ embedded: true, subset: true, unicode: true });
    }
  });

  it('gives back the text of the document tree exactly (pdftotext)', () => {
    for (const [name, pdf] of pdfs) {
      const raw = strip(execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' })).replace(/—\d+—/g, '');
      for (const t of documentTexts(trees.get(name)!)) expect(raw, `${name}: ${t}`).toContain(strip(t));
    }
  });

  it('keeps a typical three-page document under 150 KB', () => {
    for (const [name, pdf] of pdfs) {
      const pages = pageSizes(pdf).length;
      if (pages <= 3) expect(fs.statSync(pdf).size, name).toBeLessThan(150_000);
    }
  });

  it('sets 22 body lines on every full page and 28 characters on every full line', () => {
    const docs = new Map([...pdfs].filter(([n]) => !n.includes('问题清单') && !n.includes('备案表')).map(([n, p]) => [n, textLines(p)]));
    expect(checkGridPages(docs)).toBeGreaterThanOrEqual(2);
    expect(checkCharsPerLine([...docs.values()].flat()).lines).toBeGreaterThan(40);
  });

  it('fills the 156 × 225 mm text block to within 0.5 mm', () => {
    const lines = textLines(pdfs.get('上海市某某委员会/整改方案')!).filter((l) => !PAGE_NO.test(l.text));
    const body = lines.filter((l) => l.page > 1 && isBodyLine(l));
    const left = Math.min(...body.map((l) => l.xMin));
    const right = Math.max(...body.filter((l) => !/[，。、；：]$/.test(l.text)).map((l) => l.xMax));
    expect(Math.abs(left - BLOCK.left) / MM).toBeLessThan(0.5);
    expect(Math.abs(right - BLOCK.right) / MM).toBeLessThan(0.5);
    // Line boxes from poppler's boxes (font ascent to descent): baseline → em box → 28.95 pt line box.
    const face = FontBook.load(nodeWorld(ROOT), { system: false }).roles.body;
    const lineTop = (l: (typeof body)[number]) => l.yMin + face.ascent(16) - 0.88 * 16 - (28.95 - 16) / 2;
    let checked = 0;
    const isBodyFont = (l: (typeof body)[number]) => Math.abs(l.yMax - l.yMin - (face.ascent(16) + face.descent(16))) < 0.05;
    for (const page of new Set(body.map((l) => l.page))) {
      const on = body.filter((l) => l.page === page);
      if (on.length !== 22 || !isBodyFont(on[0]!) || !isBodyFont(on[21]!)) continue;
      expect(Math.abs(lineTop(on[0]!) - BLOCK.top) / MM).toBeLessThan(0.5);
      expect(Math.abs(lineTop(on[21]!) + 28.95 - BLOCK.bottom) / MM).toBeLessThan(0.5);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('numbers pages — N — with the 一字线 7 mm below the block, odd right and even left, one character in', () => {
    const pdf = pdfs.get('上海市某某委员会/整改方案')!;
    const nums = textLines(pdf).filter((l) => PAGE_NO.test(l.text));
    const imgs = rasterize(pdf, 144);
    expect(nums.length).toBe(imgs.length);
    for (const n of nums) {
      expect(n.text).toBe(`—${n.page}—`);
      if (n.page % 2) expect(Math.abs(n.xMax - (BLOCK.right - PAGE_NUMBER.inset))).toBeLessThan(1);
      else expect(Math.abs(n.xMin - (BLOCK.left + PAGE_NUMBER.inset))).toBeLessThan(1);
      // The dashes are the darkest rows of the number: find them on the page image.
      const rows = darkRows(imgs[n.page - 1]!, 144, n.xMin + 1, n.xMin + 10, 0.9).filter((y) => y > BLOCK.bottom);
      const dashY = rows.reduce((a, b) => a + b, 0) / rows.length;
      expect(Math.abs(dashY - (BLOCK.bottom + 7 * MM)) / MM, `page ${n.page}`).toBeLessThan(0.5);
    }
  });

  it('puts the 版记 at the bottom of an even last page, its last rule on the block edge', () => {
    const pdf = pdfs.get('上海市某某委员会/整改方案')!;
    const pages = rasterize(pdf, 144);
    expect(pages.length % 2).toBe(0);
    const rows = darkRows(pages[pages.length - 1]!, 144, BLOCK.left + 2, BLOCK.right - 2, 0.95);
    const lowest = Math.max(...rows);
    expect(Math.abs(lowest - BLOCK.bottom) / MM).toBeLessThan(0.5);
    const text = execFileSync('pdftotext', ['-f', String(pages.length), '-l', String(pages.length), pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('抄送：');
    expect(text).toContain('印发');
  });

  it('has bookmarks for the document and its level-1 and level-2 headings, and metadata from the data', () => {
    const pdf = pdfs.get('上海市某某委员会/整改方案')!;
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toContain('Title:           中共上海市某某委员会党组领导班子教育实践活动整改方案');
    expect(info).toContain('Author:          中共上海市某某委员会党组');
    expect(info).toMatch(/CreationDate:\s+Tue Dec 10 00:00:00 2013 UTC/);
    const outline = execFileSync('qpdf', ['--json', '--json-key=outlines', pdf], { encoding: 'utf8' });
    const o = JSON.parse(outline).outlines;
    expect(o[0].title).toBe('中共上海市某某委员会党组领导班子教育实践活动整改方案');
    expect(o[0].kids.map((k: { title: string }) => k.title)).toEqual(['一、总体要求', '二、整改任务', '三、方法步骤', '四、保障措施']);
    expect(o[0].kids[0].kids[0].title).toBe('（一）指导思想');
  });
});

describe('subset fonts draw the same glyphs as the full fonts', () => {
  it('every text line has the same ink with subset and with full fonts', async () => {
    const book = FontBook.load(nodeWorld(ROOT), { system: false });
    const doc = exampleDocs().docs.find((d) => d.doc.id === 'lookback-report')!.doc;
    expect((await compareSubsetInk(doc, book)).lines).toBeGreaterThan(50);
  }, 120_000);
});
