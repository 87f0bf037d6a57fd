// 签发人 in the 版头 of a 上行文 (GB/T 9704 §7.2.5–7.2.6), measured on our PDF and on LibreOffice's
// rendering of the DOCX (issue 15): names right-aligned one character in, two a line, the second
// line aligned with the first name, the 发文字号 one character in from the left on the last line,
// the first line where a centred 发文字号 would be (two blank lines below the 发文机关标志).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PORTRAIT } from '../../src/layout/paginate.js';
import { BODY_CELL, GRID } from '../../src/style/gbt9704.js';
import { gongwen } from '../support/cli.js';
import { convertToPdf } from '../support/libreoffice.js';
import { ROOT } from '../support/examples.js';
import { words as pageWords, type Word } from '../support/poppler.js';

const MM = 72 / 25.4;

/** Words of page 1 with their boxes. */
const words = (pdf: string): Word[] => pageWords(pdf, 1);

const find = (ws: Word[], re: RegExp) => {
  const w = ws.find((x) => re.test(x.text));
  if (!w) throw new Error(`no word ${re} in ${ws.map((x) => x.text).join(' ')}`);
  return w;
};

describe('签发人 in the 版头', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-signer-'));
  const pdfs: Record<string, string> = {};

  beforeAll(() => {
    fs.mkdirSync(path.join(dir, 'data'));
    const unit = fs.readFileSync(path.join(ROOT, 'tests/fixtures/good/minimal.yaml'), 'utf8').replace('  date: 2014-01-10', '  date: 2014-01-10\n  doc_number_prefix: 测委党\n  doc_number: 7\n  signers: 张三、欧阳明远、李四');
    fs.writeFileSync(path.join(dir, 'data', 'u.yaml'), unit);
    // The built-in 整改方案, as a 上行文 with 签发人 (project template) and as it is (a 下行文).
    fs.mkdirSync(path.join(dir, 'signed', 'templates'), { recursive: true });
    const builtin = fs.readFileSync(path.join(ROOT, 'templates/rectification-plan.md.hbs'), 'utf8');
    fs.writeFileSync(path.join(dir, 'signed', 'templates', 'rectification-plan.md.hbs'), builtin.replace('doc_number:', 'signer: "{{unit.signers}}"\ndoc_number:'));
    // 份号, 密级和保密期限 and 紧急程度 above the 发文机关标志 (§7.2.1–7.2.3), under their Chinese names.
    fs.mkdirSync(path.join(dir, 'marked', 'templates'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'marked', 'templates', 'rectification-plan.md.hbs'), builtin.replace('---\n', '---\n份号: "000012"\n密级和保密期限: "机密★1年"\n紧急程度: "特急"\n'));
    for (const [name, extra] of [
      ['signed', ['--templates', path.join(dir, 'signed', 'templates')]],
      ['plain', []],
      ['marked', ['--templates', path.join(dir, 'marked', 'templates')]],
    ] as const) {
      const r = gongwen(['render', 'data', '--out', name, '--only', 'rectification-plan', '--no-system-fonts', ...extra], dir);
      expect(r.code, r.stderr).toBe(0);
      pdfs[name] = path.join(dir, name, '测试单位', '整改方案.pdf');
    }
    pdfs.lo = convertToPdf([path.join(dir, 'signed', '测试单位', '整改方案.docx')], path.join(dir, 'lo'))[0]!;
    pdfs.markedLo = convertToPdf([path.join(dir, 'marked', '测试单位', '整改方案.docx')], path.join(dir, 'lo-marked'))[0]!;
  }, 240_000);

  const right = PORTRAIT.block.x + PORTRAIT.block.width - BODY_CELL;
  const left = PORTRAIT.block.x + BODY_CELL;
  for (const [name, tol] of [
    ['our PDF', 0.5 * MM],
    ['LibreOffice’s PDF of the DOCX', 1 * MM],
  ] as const) {
    it(`${name}: names right-aligned one character in, two a line, wrapped under the first name; 发文字号 left on the last line`, () => {
      const ws = words(name === 'our PDF' ? pdfs.signed! : pdfs.lo!);
      const label = find(ws, /^签发人/);
      const second = find(ws, /欧阳明远/);
      const third = find(ws, /^李四/);
      const docNo = find(ws, /测委党/);
      expect(Math.abs(second.xMax - right)).toBeLessThan(tol);
      // Same line (bottoms: 仿宋 and 楷体 boxes differ in height), then the next line.
      expect(Math.abs(second.yMax - label.yMax)).toBeLessThan(tol);
      expect(third.yMax - label.yMax).toBeGreaterThan(20);
      // 李四 starts where 张三 does: right after the label.
      // pdftotext may join the label and the first name into one word: 张三 is then its last two characters.
      const first = ws.find((w) => /张三/.test(w.text))!;
      const firstX = /^签发人/.test(first.text) ? first.xMax - (first.xMax - first.xMin) * (2 / first.text.length) : first.xMin;
      expect(Math.abs(third.xMin - firstX)).toBeLessThan(tol);
      expect(Math.abs(docNo.xMin - left)).toBeLessThan(tol);
      expect(Math.abs(docNo.yMax - third.yMax)).toBeLessThan(tol);
    });
  }

  it('our PDF: the first 签发人 line sits where the centred 发文字号 of a 下行文 does', () => {
    // The 发文字号 (same font in both) is one line below the first 签发人 line.
    const docNo = find(words(pdfs.signed!), /测委党/);
    const centred = find(words(pdfs.plain!), /测委党/);
    expect(Math.abs(docNo.yMin - GRID.linePitch - centred.yMin)).toBeLessThan(0.5 * MM);
  });

  for (const [name, key, tol] of [
    ['our PDF', 'marked', 0.5 * MM],
    ['LibreOffice’s PDF of the DOCX', 'markedLo', 1 * MM],
  ] as const) {
    it(`${name}: 份号, 密级 and 紧急程度 flush left on lines 1–3 of the text block, the 发文机关标志 where it is without them`, () => {
      const ws = words(pdfs[key]!);
      const rows = [find(ws, /^000012/), find(ws, /^机密/), find(ws, /^特急/)];
      rows.forEach((w, i) => {
        expect(Math.abs(w.xMin - PORTRAIT.block.x), w.text).toBeLessThan(tol);
        // Line i+1 of the 版心: its box between the line's top and bottom on the 28.95 pt grid.
        expect(w.yMin, w.text).toBeGreaterThan(PORTRAIT.block.y + i * GRID.linePitch - tol);
        expect(w.yMax, w.text).toBeLessThan(PORTRAIT.block.y + (i + 1) * GRID.linePitch + tol);
      });
      if (key === 'marked') {
        const mark = find(ws, /委员会文件/);
        const plain = find(words(pdfs.plain!), /委员会文件/);
        expect(Math.abs(mark.yMin - plain.yMin)).toBeLessThan(0.5 * MM);
      }
    });
  }
});
