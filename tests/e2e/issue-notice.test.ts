// The 印发通知 of the 整改方案 (issue 15): a document that carries the unit's 整改方案 and its landscape
// 问题清单 as 附件1 and 附件2 (GB/T 9704 §7.3.4, §7.3.7, §8), measured on our PDF and on LibreOffice's
// rendering of the DOCX: the 附件说明, each attachment from a new page with “附件N” flush left on
// line 1 and its title on line 3, page numbers running on (the landscape ones where they are on the
// portrait sheet), the 版记 on the last, even page; and the packet that files it.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LANDSCAPE, PORTRAIT } from '../../src/layout/paginate.js';
import { BODY_CELL, GRID, PAGE } from '../../src/style/gbt9704.js';
import { gongwen } from '../support/cli.js';
import { ROOT } from '../support/examples.js';
import { convertToPdf } from '../support/libreoffice.js';
import { pageSizes, words, type Word } from '../support/poppler.js';

const MM = 72 / 25.4;
const PITCH = GRID.linePitch;

/** “附件N” as one box: pdftotext may split “附件” and the number into two words. */
function labelWord(ws: Word[], label: string): Word {
  const whole = ws.find((w) => w.text === label);
  if (whole) return whole;
  const i = ws.findIndex((w, k) => w.text === '附件' && ws[k + 1]?.text === label.slice(2) && ws[k + 1]!.page === w.page && Math.abs(ws[k + 1]!.yMin - w.yMin) < 2);
  if (i < 0) throw new Error(`no ${label}`);
  return { ...ws[i]!, text: label, xMax: ws[i + 1]!.xMax };
}

/** The page number of every page: on portrait pages the words below the text block, on landscape ones the strip left of it. */
function pageNumbers(pdf: string, ws: Word[]): { page: number; text: string; words: Word[] }[] {
  return pageSizes(pdf).map((s, i) => {
    const landscape = s.w > s.h;
    const on = ws.filter((w) => w.page === i + 1 && (landscape ? w.xMax < LANDSCAPE.block.x - 2 : w.yMin > PORTRAIT.block.y + PORTRAIT.block.height + 2));
    return { page: i + 1, text: on.map((w) => w.text).join(''), words: on };
  });
}

describe('印发通知 with the 整改方案 and the 问题清单 as attachments', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-notice-'));
  const pdfs: Record<'ours' | 'lo', string> = { ours: '', lo: '' };
  let packetText = '';
  let formText = '';

  beforeAll(() => {
    const r = gongwen(['render', 'data', '--out', path.join(dir, 'out'), '--only', 'issue-notice', '--no-system-fonts'], ROOT);
    expect(r.code, r.stderr).toBe(0);
    pdfs.ours = path.join(dir, 'out', '上海市某某委员会', '整改方案印发通知.pdf');
    pdfs.lo = convertToPdf([pdfs.ours.replace(/\.pdf$/, '.docx')], path.join(dir, 'lo'))[0]!;
    // The same unit filing the 印发通知 in its packet in place of the bare 整改方案.
    fs.mkdirSync(path.join(dir, 'data'));
    // … and opening it with the 备案报告.
    const unit = fs.readFileSync(path.join(ROOT, 'data', '市某某委员会.yaml'), 'utf8').replace('  name: 上海市某某委员会\n', '  name: 上海市某某委员会\n  以印发通知备案: 是\n  附备案报告: 是\n');
    fs.writeFileSync(path.join(dir, 'data', 'u.yaml'), unit);
    const p = gongwen(['render', 'data', '--out', 'packet', '--only', 'filing-packet', '--format', 'pdf', '--no-system-fonts'], dir);
    expect(p.code, p.stderr).toBe(0);
    packetText = execFileSync('pdftotext', [path.join(dir, 'packet', '上海市某某委员会', '备案材料.pdf'), '-'], { encoding: 'utf8' });
    formText = execFileSync('pdftotext', ['-layout', path.join(dir, 'packet', '上海市某某委员会', '备案表.pdf'), '-'], { encoding: 'utf8' });
  }, 240_000);

  for (const [name, which, tol] of [
    ['our PDF', 'ours', 0.5 * MM],
    ['LibreOffice’s PDF of the DOCX', 'lo', 1 * MM],
  ] as const) {
    describe(name, () => {
      it('has the 附件说明 after the text: “附件：1.” two characters in, “2.” under “1.”, the names and their wrapped lines aligned', () => {
        const ws = words(pdfs[which]);
        const first = ws.find((w) => w.text.startsWith('附件：1.'))!;
        expect(first, ws.map((w) => w.text).join(' ')).toBeDefined();
        const on = ws.filter((w) => w.page === first.page && w.yMin > first.yMin - 1).sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
        expect(Math.abs(first.xMin - (PORTRAIT.block.x + 2 * BODY_CELL))).toBeLessThan(tol);
        const second = on.find((w) => w.text.startsWith('2.'))!;
        // “附件：” is three characters: the numbers line up under each other.
        expect(Math.abs(second.xMin - (first.xMin + 3 * BODY_CELL))).toBeLessThan(tol);
        // The first name wraps (it is long): its second line starts under the name, after “1.”
        // (two half-width characters: one cell).
        const wrapped = on.find((w) => w.yMin > first.yMax && w.yMax < second.yMin)!;
        expect(wrapped, on.map((w) => w.text).join(' ')).toBeDefined();
        expect(Math.abs(wrapped.xMin - (PORTRAIT.block.x + 6 * BODY_CELL))).toBeLessThan(tol);
        // Each name starts there on its first line too (a tab stop in the DOCX).
        for (const label of [first, second]) {
          const name = on.find((w) => Math.abs(w.yMin - label.yMin) < 2 && w.xMin > label.xMax - 0.5);
          expect(name, label.text).toBeDefined();
          expect(Math.abs(name!.xMin - wrapped.xMin), label.text).toBeLessThan(tol);
        }
        expect(first.page).toBeLessThanOrEqual(2);
      });

      it('starts each attachment on a new page: “附件N” in 3号黑体 flush left on line 1, its title centred on line 3', () => {
        const ws = words(pdfs[which]);
        const sizes = pageSizes(pdfs[which]);
        for (const [label, title, landscape] of [
          ['附件1', /整改方案$/, false],
          ['附件2', /整改台账$/, true],
        ] as const) {
          const at = labelWord(ws, label);
          const g = landscape ? LANDSCAPE : PORTRAIT;
          expect(sizes[at.page - 1]!.w > sizes[at.page - 1]!.h, label).toBe(landscape);
          // The first thing on its page, flush left on line 1.
          const page = ws.filter((w) => w.page === at.page && w.xMin > g.block.x - 5);
          expect(Math.min(...page.map((w) => w.yMin))).toBeGreaterThan(at.yMin - 1);
          expect(Math.abs(at.xMin - g.block.x), label).toBeLessThan(tol);
          expect(at.yMin, label).toBeGreaterThan(g.block.y - 1);
          expect(at.yMax, label).toBeLessThan(g.block.y + PITCH + 1);
          // The page before holds text or the end of the previous attachment: this is a new page.
          expect(at.page).toBeGreaterThan(1);
          // The title: its last line ends with the document's name, its first line is line 3.
          const titleWords = page.filter((w) => w.yMin > at.yMax + PITCH * 0.5 && w.yMax < g.block.y + 6 * PITCH && w.yMax - w.yMin > 20);
          expect(titleWords.length, label).toBeGreaterThan(0);
          expect(titleWords.map((w) => w.text).join(''), label).toMatch(title);
          const top = Math.min(...titleWords.map((w) => w.yMin));
          expect(top, label).toBeGreaterThan(g.block.y + 2 * PITCH - 1);
          expect(top, label).toBeLessThan(g.block.y + 3 * PITCH);
          for (const w of titleWords.filter((x) => Math.abs(x.yMin - top) < 2)) {
            const line = titleWords.filter((x) => Math.abs(x.yMin - w.yMin) < 2);
            const mid = (Math.min(...line.map((x) => x.xMin)) + Math.max(...line.map((x) => x.xMax))) / 2;
            expect(Math.abs(mid - (g.block.x + g.block.width / 2)), label).toBeLessThan(3 * tol);
          }
        }
      });

      it('numbers every page on, the landscape attachment where the number is on the portrait sheet', () => {
        const ws = words(pdfs[which]);
        const nums = pageNumbers(pdfs[which], ws);
        const sizes = pageSizes(pdfs[which]);
        expect(nums.length).toBeGreaterThanOrEqual(12);
        expect(sizes.filter((s) => s.w > s.h).length).toBeGreaterThanOrEqual(3);
        // A blank page before the 版记 and the 版记 page after it carry no number (§7.5).
        const last = sizes.length;
        const blankBefore = ws.every((w) => w.page !== last - 1);
        for (const n of nums) {
          const where = `${name} page ${n.page}`;
          if (blankBefore && n.page >= last - 1) {
            expect(n.text, where).toBe('');
            continue;
          }
          expect([...n.text].sort().join(''), where).toBe([...`—${n.page}—`].sort().join(''));
          const xs = n.words;
          if (sizes[n.page - 1]!.w > sizes[n.page - 1]!.h) {
            // The portrait sheet turned: 7 mm below its text block is 28 mm from the left edge here.
            const centre = PAGE.height - (PORTRAIT.block.y + PORTRAIT.block.height) - 7 * MM;
            const mid = (Math.min(...xs.map((w) => w.xMin)) + Math.max(...xs.map((w) => w.xMax))) / 2;
            expect(Math.abs(mid - centre) / MM, where).toBeLessThan(1.5);
            if (n.page % 2) expect(Math.abs(Math.max(...xs.map((w) => w.yMax)) - (PORTRAIT.block.x + PORTRAIT.block.width - BODY_CELL)) / MM, where).toBeLessThan(1.5);
            else expect(Math.abs(Math.min(...xs.map((w) => w.yMin)) - (PORTRAIT.block.x + BODY_CELL)) / MM, where).toBeLessThan(1.5);
          } else if (n.page % 2) expect(Math.abs(Math.max(...xs.map((w) => w.xMax)) - (PORTRAIT.block.x + PORTRAIT.block.width - BODY_CELL)) / MM, where).toBeLessThan(1.5);
          else expect(Math.abs(Math.min(...xs.map((w) => w.xMin)) - (PORTRAIT.block.x + BODY_CELL)) / MM, where).toBeLessThan(1.5);
        }
      });

      it('sets the 版记 on the last page, a portrait even page after the landscape attachment', () => {
        const sizes = pageSizes(pdfs[which]);
        const last = sizes.length;
        expect(last % 2).toBe(0);
        expect(sizes[last - 1]!.w).toBeLessThan(sizes[last - 1]!.h);
        const text = execFileSync('pdftotext', ['-f', String(last), '-l', String(last), pdfs[which], '-'], { encoding: 'utf8' });
        expect(text).toMatch(/抄送：/);
        expect(text).toMatch(/日印发/);
      });
    });
  }

  it('gives LibreOffice the pages our PDF has, each starting with the same text', () => {
    const first = (pdf: string, p: number) => execFileSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-'], { encoding: 'utf8' }).replace(/\s/g, '').slice(0, 6);
    const sizes = pageSizes(pdfs.ours);
    expect(pageSizes(pdfs.lo).length).toBe(sizes.length);
    let same = 0;
    let portrait = 0;
    for (let p = 1; p <= sizes.length; p++) {
      if (sizes[p - 1]!.w > sizes[p - 1]!.h) continue;
      portrait++;
      if (first(pdfs.ours, p) === first(pdfs.lo, p)) same++;
    }
    expect(same / portrait).toBeGreaterThanOrEqual(0.9);
  });

  it('files the 印发通知 in the packet in place of the bare 整改方案, listed so in the 备案表', () => {
    expect(packetText).toMatch(/关于印发/);
    expect(packetText).toMatch(/附件\s*2/);
    expect(formText).toMatch(/整改方案印发通知/);
    expect(formText).not.toMatch(/^\s*\d+\s+整改方案\s/m);
  });

  it('opens the packet with the 备案报告, whose 附件说明 names the filed documents by their own titles (not bound into it)', () => {
    const flat = packetText.replace(/\s/g, '');
    expect(flat.startsWith('中共上海市某某委员会党组文件')).toBe(true);
    expect(flat.indexOf('关于报送教育实践活动整改方案等材料的报告')).toBeLessThan(flat.indexOf('备案表'));
    // The 印发通知's own title, then each 专项整治方案 and the 制度建设计划.
    expect(flat).toContain('附件：1.中共上海市某某委员会党组关于印发《中共上海市某某委员会党组领导班子教育实践活动整改方案》的通知2.市某某委公务用车“小号牌”清理专项整治方案3.市某某委文山会海专项整治方案4.市某某委制度建设计划');
    expect(formText).toMatch(/备案报告/);
    // Nothing bound after the report's text: the first “附件1” page is the 印发通知's, after the 备案表.
    expect(flat.indexOf('附件1')).toBeGreaterThan(flat.indexOf('备案表'));
  });
});
