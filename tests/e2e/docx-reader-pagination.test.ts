// The .docx as an office's reader paginates it (issue 29): LibreOffice with another stand-in for
// 仿宋_GB2312 (HanaMinA, from fonts-hanazono) — a font set whose pages fall differently from our
// PDF's — still puts every 版记 at the foot of an even last page, the page before it bare when blank;
// and with the usual stand-ins LibreOffice keeps ≥ 97 % of each document's lines as our PDF sets them.
// The DOCX carries no hidden character, and LibreOffice's text has each name and date as typed.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { gongwen } from '../support/cli.js';
import { convertToPdf } from '../support/libreoffice.js';
import { BLOCK, PAGE_NO } from '../support/grid-check.js';
import { lineParity } from '../support/parity.js';
import { pageCount, textLines } from '../support/poppler.js';
import { darkRows, rasterize } from '../support/raster.js';

const MM = 72 / 25.4;
const text = (pdf: string, page?: number) => execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), pdf, '-'], { encoding: 'utf8' });

describe('the DOCX by the reader’s own pagination', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-reader-'));
  /** unit/name → our PDF, LibreOffice's with the usual stand-ins, and with the shifted font set. */
  const docs = new Map<string, { docx: string; ours: string; lo: string; shifted: string }>();

  beforeAll(async () => {
    // Between the long LibreOffice runs the worker answers vitest (a blocked worker times its RPC out).
    const breathe = () => new Promise((r) => setTimeout(r, 50));
    for (const [inputs, out] of [
      ['data', 'a'],
      ['kinds/examples', 'b'],
    ] as const) {
      const r = gongwen(['render', inputs, '--out', path.join(dir, out), '--format', 'docx,pdf', '--no-system-fonts']);
      expect(r.code, r.stderr).toBe(0);
      for (const unit of fs.readdirSync(path.join(dir, out))) {
        const d = path.join(dir, out, unit);
        if (!fs.statSync(d).isDirectory()) continue;
        const files = fs.readdirSync(d).filter((f) => f.endsWith('.docx')).map((f) => path.join(d, f));
        await breathe();
        const lo = convertToPdf(files, path.join(dir, 'lo', out, unit));
        await breathe();
        const shifted = convertToPdf(files, path.join(dir, 'shifted', out, unit), { 仿宋_GB2312: 'HanaMinA' });
        files.forEach((f, i) => docs.set(`${unit}/${path.basename(f, '.docx')}`, { docx: f, ours: f.replace(/\.docx$/, '.pdf'), lo: lo[i]!, shifted: shifted[i]! }));
      }
    }
  }, 600_000);

  it('has no hidden character in any part of any DOCX', () => {
    let parts = 0;
    for (const [name, d] of docs) {
      for (const [part, bytes] of Object.entries(unzipSync(fs.readFileSync(d.docx)))) {
        if (!part.endsWith('.xml')) continue;
        parts++;
        const hidden = strFromU8(bytes).match(/[\u2060\u200b\ufeff\u00ad]/g) ?? [];
        expect(hidden.length, `${name}: ${part}`).toBe(0);
      }
    }
    expect(parts).toBeGreaterThan(500);
  });

  it('keeps ≥ 97 % of each document’s lines where our PDF breaks them', () => {
    const rows: string[] = [];
    for (const [name, d] of docs) {
      const r = lineParity(textLines(d.lo), textLines(d.ours));
      if (r.total) rows.push(`${name} ${r.matched}/${r.total}`);
      if (r.total >= 10) expect(r.matched / r.total, name).toBeGreaterThanOrEqual(0.97);
    }
    process.stdout.write(`line parity per document with LibreOffice:\n  ${rows.join('\n  ')}\n`);
    expect(rows.length).toBeGreaterThanOrEqual(40);
  });

  it('shows each name and date as typed in LibreOffice’s text', () => {
    const d = docs.get('上海市某某委员会/问题清单')!;
    const flat = text(d.lo).replace(/\s/g, '');
    for (const s of ['张三', '李四', '2014年1月31日', '2014年12月31日']) expect(flat, s).toContain(s);
  });

  it('writes PDFs no larger than LibreOffice’s export of the same DOCX (median over the documents)', () => {
    const ratios = [...docs.values()].map((d) => fs.statSync(d.ours).size / fs.statSync(d.lo).size).sort((a, b) => a - b);
    const median = ratios[Math.floor(ratios.length / 2)]!;
    console.log(`PDF size ours / LibreOffice: median ${median.toFixed(3)} over ${ratios.length} documents, ${ratios[0]!.toFixed(2)}–${ratios.at(-1)!.toFixed(2)}`);
    expect(ratios.length).toBeGreaterThanOrEqual(55);
    expect(median).toBeLessThanOrEqual(1);
  });

  it('puts every 版记 at the foot of an even last page with a font set that moves the pages', () => {
    let withColophon = 0;
    let shared = 0;
    let moved = 0;
    for (const [name, d] of docs) {
      const last = pageCount(d.ours);
      if (!/日印发/.test(text(d.ours, last))) continue;
      // A 版记 our layout sets on the text's last page (an even page with room) is anchored to the
      // text's last paragraph: it follows the text wherever the reader ends it. Counted apart.
      const onLast = textLines(d.ours).filter((l) => l.page === last && !PAGE_NO.test(l.text));
      const top = Math.min(...onLast.filter((l) => /抄送|印发/.test(l.text)).map((l) => l.yMin));
      if (onLast.some((l) => l.yMax < top - 1)) shared++;
      withColophon++;
      const n = pageCount(d.shifted);
      if (text(d.shifted).replace(/\s/g, '') !== text(d.ours).replace(/\s/g, '') || n !== last) moved++;
      expect(text(d.shifted, n), name).toMatch(/日印发/);
      expect(n % 2, `${name}: ${n} pages`).toBe(0);
      // Its closing rule on the block's foot.
      const rows = darkRows(rasterize(d.shifted, 144)[n - 1]!, 144, BLOCK.left + 2, BLOCK.right - 2, 0.95);
      expect(Math.abs(Math.max(...rows) - BLOCK.bottom) / MM, name).toBeLessThan(1.5);
      // A blank page before it carries no number.
      const before = textLines(d.shifted).filter((l) => l.page === n - 1);
      if (before.every((l) => PAGE_NO.test(l.text))) expect(before, `${name} page ${n - 1}`).toEqual([]);
    }
    expect(withColophon).toBeGreaterThanOrEqual(8);
    expect(shared).toBeGreaterThanOrEqual(2);
    // The font set does move them: their pages differ from our PDF's.
    expect(moved).toBeGreaterThanOrEqual(1);
  });
});
