// Pages a 文秘 would sign off (issue 30), measured with poppler: the 备案表 stands on one page
// whatever it lists (12 documents and 3 scans here), its “（盖章）” and date at the cell's lower right;
// no body line is stretched and no page ends more than 3 grid lines short before a page that does
// not have to start fresh, in every example PDF.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { gongwen } from '../support/cli.js';
import { convertToPdf } from '../support/libreoffice.js';
import { ROOT } from '../support/examples.js';
import { BLOCK } from '../support/grid-check.js';
import { measureCraft } from '../support/page-craft.js';
import { pageCount, textLines } from '../support/poppler.js';
import { scannedPdf } from '../support/scanned-pdf.js';

let work: string;

/** Eight more 专项整治 for the example unit (ten in all): with its 整改方案 and 制度建设计划, twelve documents to file. */
function campaigns(n: number): string {
  return Array.from(
    { length: n },
    (_v, i) => `  - title: 第${i + 3}项专项整治工作
    origin: own
    target: 第${i + 3}个方面群众反映强烈的突出问题
    lead_department: 办公室
    owner: 王五
    steps:
      - { action: 全面排查，建立问题台账, deadline: 2013-12-31 }
      - { action: 逐项整治，建立长效机制, deadline: 2014-03-31 }
    evaluation: 每月检查评估一次
    accountability: 对整治不力的严肃问责
    deadline: 2014-06-30
`,
  ).join('');
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-craft-'));
  const unit = path.join(work, 'project', 'data');
  fs.mkdirSync(path.join(unit, '扫描件'), { recursive: true });
  const text = fs.readFileSync(path.join(ROOT, 'data', '市某某委员会.yaml'), 'utf8');
  const at = text.indexOf('\nregulations:');
  const scans = '\nattachments:\n  - { title: 会议记录, file: 扫描件/会议记录.pdf }\n  - { title: 征求意见汇总, file: 扫描件/征求意见汇总.pdf }\n  - { title: 盖章备案表, file: 扫描件/盖章备案表.pdf, after: 备案表 }\n';
  fs.writeFileSync(path.join(unit, 'u.yaml'), text.slice(0, at) + '\n' + campaigns(8) + text.slice(at) + scans);
  // A grey 1×1 image stretched over the page stands for the scan.
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGO4DwAAzgDNWX1lngAAAABJRU5ErkJggg==', 'base64');
  for (const [f, n] of [['会议记录.pdf', 2], ['征求意见汇总.pdf', 1], ['盖章备案表.pdf', 1]] as const) fs.writeFileSync(path.join(unit, '扫描件', f), await scannedPdf(png, n));
  const r = gongwen(['render', 'data', '--out', 'out', '--format', 'pdf,docx', '--no-system-fonts'], path.join(work, 'project'));
  expect(r.code, r.stderr).toBe(0);
  // The example units as they ship, and the kinds' examples.
  for (const [inputs, out] of [
    ['data', 'examples'],
    ['kinds/examples', 'kinds'],
  ]) {
    const e = gongwen(['render', inputs!, '--out', path.join(work, out!), '--format', 'pdf,docx', '--no-system-fonts']);
    expect(e.code, e.stderr).toBe(0);
  }
}, 240_000);

const pdfsIn = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? pdfsIn(path.join(dir, e.name)) : e.name.endsWith('.pdf') ? [path.join(dir, e.name)] : []));

describe('pages and lines of every example document', () => {
  it('has no page more than 3 lines short before a page that need not start fresh, and no stretched line', () => {
    const short: string[] = [];
    const stretched: string[] = [];
    const pdfs = [...pdfsIn(path.join(work, 'examples')), ...pdfsIn(path.join(work, 'kinds')), ...pdfsIn(path.join(work, 'project', 'out'))];
    expect(pdfs.length).toBeGreaterThan(60);
    for (const pdf of pdfs) {
      const c = measureCraft(pdf);
      const name = path.relative(work, pdf);
      short.push(...c.short.map((s) => `${name} ${s}`));
      stretched.push(...c.stretched.map((s) => `${name} ${s.line}`));
    }
    expect(short).toEqual([]);
    // A line that would leave a 〔年份〕 or a number for the next takes it in, a little tighter.
    expect(stretched).toEqual([]);
  });

  it('sets the pages LibreOffice sets from the DOCX, the tightened ones too', () => {
    const docs = ['examples/上海市某某委员会/整改方案', 'kinds/某某市生态环境局/领导班子整改方案', 'kinds/某某省交通投资集团有限公司/整改进展情况公开'].map((d) => path.join(work, d));
    const lo = convertToPdf(
      docs.map((d) => `${d}.docx`),
      path.join(work, 'lo-pages'),
    );
    const firsts = (pdf: string) =>
      Array.from({ length: pageCount(pdf) }, (_v, i) =>
        execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' })
          .split('\n')
          .find((l) => l.trim())
          ?.replace(/\s/g, ''),
      );
    docs.forEach((d, i) => expect(firsts(lo[i]!), d).toEqual(firsts(`${d}.pdf`)));
    // The line set tighter to take “〔2025〕5” in ends there in LibreOffice too, not stretched before it.
    const lines = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\n').map((l) => l.replace(/\s/g, ''));
    for (const pdf of [lo[2]!, `${docs[2]}.pdf`]) expect(lines(pdf).find((l) => l.includes('〔2025〕5')), pdf).toMatch(/反馈〔2025〕5$/);
  });
});

describe('the wording as printed (pdftotext)', () => {
  const text = (rel: string, layout = false) => execFileSync('pdftotext', [...(layout ? ['-layout'] : []), path.join(work, rel), '-'], { encoding: 'utf8' });
  // The text without its page numbers (a sentence may run over a page).
  const flat = (rel: string) => text(rel).replace(/\s+/g, '').replace(/—\d+—/g, '');

  it('the 回头看 in prose by verdict, remedies named after their verdict', () => {
    const t = flat('examples/上海市某某委员会/回头看情况报告.pdf');
    expect(t).toContain('学习教育、自我剖析、谈心交心、开展批评四个方面总体扎实；查摆问题方面还不够到位，需要补课；边查边改方面存在走过场的问题，需要返工重来。');
    expect(t).toMatch(/检查结论：返工重来。[^（]*返工措施：/);
    expect(t).not.toMatch(/检查结论：(扎实|返工重来)。[^（]*补课措施/);
  });

  it('a leader’s problems numbered （一） under 一、, and titles that never end a line on 关于', () => {
    expect(flat('examples/上海市某某委员会/个人整改措施（张三）.pdf')).toMatch(/一、存在的主要问题（一）学习不够系统深入/);
    for (const rel of ['kinds/某某省交通投资集团有限公司/整改方案.pdf', 'kinds/某某区市场监督管理局/整改情况通报.pdf', 'examples/上海市某某委员会/回头看情况报告.pdf']) {
      const lines = text(rel, true).split('\n').map((l) => l.trim());
      expect(lines.some((l) => l.endsWith('关于')), rel).toBe(false);
      expect(lines.some((l) => l.startsWith('关于')), rel).toBe(true);
    }
  });

  it('上行文 reports with 版头, their own 发文字号 and 签发人', () => {
    const t = flat('kinds/某某区市场监督管理局/整改情况报告.pdf');
    expect(t.startsWith('中共某某区市场监督管理局党组文件某市监党〔2025〕27号签发人：张明')).toBe(true);
    expect(flat('examples/上海市某某委员会/回头看情况报告.pdf')).toContain('沪某委党〔2013〕15号签发人：张三');
  });
});

describe('the 备案表', () => {
  it('is one page listing 12 documents and 3 scans, 盖章 and date at its cells’ lower right', () => {
    const out = path.join(work, 'project', 'out', '上海市某某委员会');
    const form = path.join(out, '备案表.pdf');
    expect(pageCount(form)).toBe(1);
    const text = execFileSync('pdftotext', ['-layout', form, '-'], { encoding: 'utf8' });
    const listed = [...text.matchAll(/\d+\.\s*\S[^\n]*?（\d+\s*页）/g)];
    expect(listed.length, text).toBe(15);
    expect(text).toContain('审核意见');
    // “（盖章）” and the date flush right in the 单位意见 cell.
    const lines = textLines(form);
    for (const t of ['（盖章）', '2013年12月10日']) {
      const l = lines.find((x) => x.text.replace(/\s/g, '') === t)!;
      expect(l, t).toBeDefined();
      expect(BLOCK.right - l.xMax, t).toBeLessThan(12);
    }
    // The DOCX carries the fitted size: one page in LibreOffice too.
    const [lo] = convertToPdf([path.join(out, '备案表.docx')], path.join(work, 'lo'));
    expect(pageCount(lo!)).toBe(1);
    // In the packet the 备案表 is page 1, and page 2 starts the next part.
    const packet = path.join(out, '备案材料.pdf');
    const p2 = execFileSync('pdftotext', ['-f', '2', '-l', '2', packet, '-'], { encoding: 'utf8' });
    expect(p2).not.toMatch(/审核意见|项目\s*内容/);
  });
});
