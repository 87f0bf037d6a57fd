// Every built-in kind's example unit rendered by the CLI as a user would, and read back by tools we
// did not write: poppler (the words of each kind, the figures of the 巡察 report), LibreOffice
// (each .docx on as many pages as our PDF, lines broken alike), ofd.js (each .ofd, page by page).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gongwen } from '../support/cli.js';
import { convertToPdf } from '../support/libreoffice.js';
import { OfdReader } from '../support/ofd-reader.js';
import { lineParity } from '../support/parity.js';
import { pageCount, textLines } from '../support/poppler.js';

const FORBIDDEN = ['教育实践活动', '四风', '群众路线', '督导组'];
const flat = (s: string) => s.replace(/\s/g, '');
const pdfText = (file: string, page?: number) => flat(execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), file, '-'], { encoding: 'utf8' }));

describe('the kinds of 整改, rendered', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-kinds-e2e-'));
  const out = path.join(dir, 'out');
  /** Unit folder → the base names of its documents (the packet left out). */
  const units = new Map<string, string[]>();
  let reader: OfdReader;

  beforeAll(async () => {
    const r = gongwen(['render', 'kinds/examples', '--out', out, '--format', 'docx,pdf,ofd', '--no-system-fonts']);
    expect(r.code, r.stderr).toBe(0);
    for (const u of fs.readdirSync(out)) {
      const d = path.join(out, u);
      if (!fs.statSync(d).isDirectory()) continue;
      units.set(d, fs.readdirSync(d).filter((f) => f.endsWith('.pdf') && f !== '备案材料.pdf').map((f) => f.slice(0, -4)));
    }
    reader = await OfdReader.open();
  }, 180_000);
  afterAll(async () => {
    await reader?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes at least four documents and a packet for every kind, none in the words of 2013', () => {
    expect(units.size).toBe(5);
    for (const [d, names] of units) {
      expect(names.length, d).toBeGreaterThanOrEqual(4);
      expect(fs.existsSync(path.join(d, '备案材料.pdf')), d).toBe(true);
      for (const n of [...names, '备案材料']) {
        const t = pdfText(path.join(d, `${n}.pdf`));
        for (const w of FORBIDDEN) expect(t.includes(w), `${n}: ${w}`).toBe(false);
      }
    }
  });

  it('prints the figures of the 巡察 report as the ledger gives them', () => {
    const d = [...units.keys()].find((x) => x.endsWith('某某区市场监督管理局'))!;
    const report = pdfText(path.join(d, '整改进展情况报告.pdf'));
    expect(report).toContain('巡察反馈问题5个，细化整改措施9项，已完成4项，正在推进4项，尚未开始1项，完成率44.4%');
    expect(report).toContain('进展情况：排查廉政风险点48个，制定防控措施96条。');
    expect(pdfText(path.join(d, '整改方案.pdf'), 1)).toContain('区委第二巡察组于2025年6月20日向中共某某区市场监督管理局党组反馈了巡察意见');
  });

  it('LibreOffice prints each .docx on the pages our PDF has, lines broken alike', () => {
    let matched = 0;
    let total = 0;
    for (const [d, names] of units) {
      const pdfs = convertToPdf(names.map((n) => path.join(d, `${n}.docx`)), path.join(dir, 'lo', path.basename(d)));
      names.forEach((n, i) => {
        expect(pageCount(pdfs[i]!), `${path.basename(d)}/${n}`).toBe(pageCount(path.join(d, `${n}.pdf`)));
        const p = lineParity(textLines(pdfs[i]!), textLines(path.join(d, `${n}.pdf`)));
        matched += p.matched;
        total += p.total;
      });
    }
    process.stdout.write(`kinds: line-break parity with LibreOffice ${matched}/${total} = ${((matched / total) * 100).toFixed(1)}%\n`);
    expect(total).toBeGreaterThan(100);
    expect(matched / total).toBeGreaterThanOrEqual(0.95);
  }, 300_000);

  it('ofd.js reads every .ofd with the pages and the text of our PDF', async () => {
    for (const [d, names] of units) {
      for (const n of names) {
        const pdf = path.join(d, `${n}.pdf`);
        const pages = await reader.read(fs.readFileSync(path.join(d, `${n}.ofd`)));
        expect(pages.length, n).toBe(pageCount(pdf));
        // The same characters on each page: ofd.js gives them in drawing order, pdftotext in reading order (table cells, page numbers).
        const chars = (t: string) => [...t].sort().join('');
        pages.forEach((p, i) => expect(chars(flat(p.text)), `${n} page ${i + 1}`).toBe(chars(pdfText(pdf, i + 1))));
      }
    }
  }, 300_000);

  it('renders the unit of a kind again byte for byte', () => {
    const again = path.join(dir, 'again');
    expect(gongwen(['render', 'kinds/examples/巡察整改.yaml', '--out', again, '--format', 'docx,pdf,ofd', '--no-system-fonts']).code).toBe(0);
    const d = [...units.keys()].find((x) => x.endsWith('某某区市场监督管理局'))!;
    for (const f of fs.readdirSync(path.join(again, path.basename(d)))) {
      expect(fs.readFileSync(path.join(again, path.basename(d), f)).equals(fs.readFileSync(path.join(d, f))), f).toBe(true);
    }
  });
});
