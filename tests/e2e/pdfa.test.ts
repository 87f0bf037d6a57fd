// PDF/A for the archive, checked with readers we did not write: Apache PDFBox Preflight on every
// PDF of the example units and of a packet with scanned attachments; the XMP packet (poppler)
// parsed as XML and equal to Info; the OutputIntent's ICC profile; /W against each font program
// (fontTools); no glyph 0 drawn; the packet's source files (pdfdetach, gongwen extract).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { PDFDocument, PDFName } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { gongwen } from '../support/cli.js';
import { scannedPdf } from '../support/scanned-pdf.js';
import { ROOT } from '../support/examples.js';
import { catalogOf, dictOf, fontAdvances, pdfInfo, pdfObjects, pdfXmp, preflight, qpdfJson, streamBytes, type PdfObject, type PdfValue } from '../support/pdf-inspect.js';

/**
 * What Preflight may report, by code. It checks PDF/A-1b; our documents are PDF/A-2b and the
 * packet PDF/A-3b, which allow what these findings are about. Nothing else is accepted.
 */
const ACCEPTED: Record<string, string> = {
  // "part must be 1": pdfaid:part is 2 (documents) or 3 (packet), which PDF/A-1 validators refuse.
  '7.11.2': 'pdfaid:part 2/3',
  // EmbeddedFiles in the Names dictionary and /EF in file specifications: PDF/A-1 forbids embedded
  // files; PDF/A-3 allows any, as associated files (/AF, /AFRelationship) — the packet's source data.
  '1.4.7': 'embedded files (PDF/A-3)',
  '1.2.9': 'embedded files (PDF/A-3)',
};
const ACCEPTED_IN_DOCUMENTS = ['7.11.2'];

let work: string;
let project: string;
let pdfs: string[];
const run = (args: string[], cwd = ROOT) => gongwen(args, cwd);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-pdfa-'));
  // The example units, as they ship.
  const ex = run(['render', 'data', '--out', path.join(work, 'examples'), '--format', 'pdf', '--no-system-fonts']);
  expect(ex.code, ex.stderr).toBe(0);
  // A unit with two scanned attachments, one of them placed after the 备案表.
  project = path.join(work, 'project');
  fs.cpSync(path.join(ROOT, 'data', '某某大学'), path.join(project, 'data', '某某大学'), { recursive: true });
  const scans = path.join(project, 'data', '某某大学', '扫描件');
  fs.mkdirSync(scans);
  execFileSync('pdftoppm', ['-r', '30', '-png', '-f', '1', '-l', '1', '-singlefile', path.join(work, 'examples', '某某大学', '整改方案.pdf'), path.join(work, 'page')]);
  const png = fs.readFileSync(path.join(work, 'page.png'));
  fs.writeFileSync(path.join(scans, '会议记录.pdf'), await scannedPdf(png, 2));
  fs.writeFileSync(path.join(scans, '盖章备案表.pdf'), await scannedPdf(png, 1));
  fs.appendFileSync(path.join(project, 'data', '某某大学', '单位.yaml'), '附件材料:\n  - 标题: 会议记录\n    文件: 扫描件/会议记录.pdf\n  - 标题: 盖章备案表\n    文件: 扫描件/盖章*.pdf\n    放在: 备案表\n');
  const r = run(['render', '--out', 'out', '--format', 'pdf', '--no-system-fonts'], project);
  expect(r.code, r.stderr).toBe(0);
  // Every kind's documents (with the 督办通知 of a later day) and the supervisor's summary report with its chart.
  const kinds = run(['render', 'kinds/examples', '--out', path.join(work, 'kinds'), '--format', 'pdf', '--as-of', '2025-10-15', '--no-system-fonts']);
  expect(kinds.code, kinds.stderr).toBe(0);
  const summary = run(['summary', 'kinds/examples', '--out', path.join(work, 'summary'), '--format', 'pdf', '--as-of', '2025-10-15', '--no-system-fonts']);
  expect(summary.code, summary.stderr).toBe(0);
  pdfs = [...walk(path.join(work, 'examples')), ...walk(path.join(project, 'out')), ...walk(path.join(work, 'kinds')), ...walk(path.join(work, 'summary'))].filter((f) => f.endsWith('.pdf'));
}, 240_000);

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
const isPacket = (f: string) => path.basename(f) === '备案材料.pdf';
const packetWithAttachments = () => path.join(project, 'out', '某某大学', '备案材料.pdf');

describe('PDF/A', () => {
  it('passes PDFBox Preflight on every example PDF and the packet with attachments, but for the listed PDF/A-2/3 findings', () => {
    expect(pdfs.length).toBeGreaterThanOrEqual(14);
    const results = preflight(pdfs, path.join(work, 'preflight'));
    results.forEach((r, i) => {
      const f = pdfs[i]!;
      expect(r.exception, f).toBeUndefined();
      const allowed = isPacket(f) ? Object.keys(ACCEPTED) : ACCEPTED_IN_DOCUMENTS;
      expect(
        r.codes.filter((c) => !allowed.includes(c)),
        `${f}: ${r.details.join('; ')}`,
      ).toEqual([]);
      // The part number is all PDF/A-1 would object to in a document: the finding must be there,
      // or the validator did not read our metadata.
      expect(r.codes, f).toContain('7.11.2');
    });
  }, 180_000);

  it('writes an XMP packet, parsed as XML, that says what Info says', () => {
    for (const f of pdfs) {
      const xml = new DOMParser().parseFromString(pdfXmp(f), 'text/xml');
      const one = (ns: string, name: string) => {
        const els = xml.getElementsByTagNameNS(ns, name);
        expect(els.length, `${f} ${name}`).toBe(1);
        return els[0]!.textContent!.trim();
      };
      const DC = 'http://purl.org/dc/elements/1.1/';
      const info = pdfInfo(f);
      expect(one('http://www.aiim.org/pdfa/ns/id/', 'part'), f).toBe(isPacket(f) ? '3' : '2');
      expect(one('http://www.aiim.org/pdfa/ns/id/', 'conformance')).toBe('B');
      expect(one(DC, 'title')).toBe(info.Title);
      expect(one(DC, 'creator')).toBe(info.Author);
      expect(one(DC, 'description')).toBe(info.Subject);
      expect(one('http://ns.adobe.com/pdf/1.3/', 'Keywords')).toBe(info.Keywords);
      expect(one('http://ns.adobe.com/pdf/1.3/', 'Producer')).toBe(info.Producer);
      expect(one('http://ns.adobe.com/xap/1.0/', 'CreatorTool')).toBe(info.Creator);
      expect(one('http://ns.adobe.com/xap/1.0/', 'CreateDate')).toBe(info.CreationDate);
      expect(one('http://ns.adobe.com/xap/1.0/', 'ModifyDate')).toBe(info.ModDate);
      expect(info.Title.length).toBeGreaterThan(1);
    }
  });

  it('keeps the XMP uncompressed and carries an sRGB OutputIntent with an ICC v2 display profile', () => {
    for (const f of pdfs) {
      const objs = pdfObjects(f);
      const cat = catalogOf(objs);
      const meta = objs.get(cat['/Metadata'] as string)!;
      expect(meta.stream!.dict['/Filter'], f).toBeUndefined();
      expect(dictOf(meta)['/Subtype']).toBe('/XML');
      const intents = cat['/OutputIntents'] as string[];
      expect(intents).toHaveLength(1);
      const intent = dictOf(objs.get(intents[0]!));
      expect(intent['/S']).toBe('/GTS_PDFA1');
      const icc = streamBytes(objs.get(intent['/DestOutputProfile'] as string));
      expect(dictOf(objs.get(intent['/DestOutputProfile'] as string))['/N']).toBe(3);
      expect(icc.readUInt32BE(0)).toBe(icc.length); // the header's size field
      expect(icc.subarray(12, 20).toString('latin1')).toBe('mntrRGB ');
      expect(icc.subarray(36, 40).toString('latin1')).toBe('acsp');
      expect(icc[8]).toBeLessThan(5); // major version: PDF/A-1/2 readers need v2 (or v4 for 2/3)
    }
  });

  it('gives every glyph in /W the width of the font program, and never draws glyph 0', () => {
    const problems: string[] = [];
    for (const f of pdfs.filter((p) => !p.includes(`${path.sep}project${path.sep}`) || isPacket(p))) {
      const objs = pdfObjects(f);
      const fonts = [...objs.values()].map(dictOf).filter((d) => d['/Subtype'] === '/CIDFontType2');
      // A title and body text at least (a short report has no headings).
      expect(fonts.length, f).toBeGreaterThanOrEqual(2);
      const files = fonts.map((font, i) => {
        const desc = dictOf(objs.get(font['/FontDescriptor'] as string));
        const file = path.join(work, `w-${i}.ttf`);
        fs.writeFileSync(file, streamBytes(objs.get(desc['/FontFile2'] as string)));
        return file;
      });
      const programs = fontAdvances(files);
      fonts.forEach((font, i) => problems.push(...widthMismatches(font['/W'] as PdfValue[], programs[i]!).map((m) => `${f} ${font['/BaseFont']}: ${m}`)));
      for (const page of contentStreams(objs)) {
        for (const m of page.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) {
          const codes = m[1]!.match(/.{4}/g) ?? [];
          if (codes.includes('0000')) problems.push(`${f}: glyph 0 drawn`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('catches a wrong width and a missing OutputIntent (the checks above are live)', async () => {
    const f = pdfs.find((p) => p.endsWith('整改方案.pdf'))!;
    const objs = pdfObjects(f);
    const font = [...objs.values()].map(dictOf).find((d) => d['/Subtype'] === '/CIDFontType2')!;
    const desc = dictOf(objs.get(font['/FontDescriptor'] as string));
    const file = path.join(work, 'm.ttf');
    fs.writeFileSync(file, streamBytes(objs.get(desc['/FontFile2'] as string)));
    // One width off by 7 units, in a list (`first [w …]`) or as a run's width (`first last w`).
    const w = structuredClone(font['/W']) as PdfValue[];
    const list = w.findIndex((x) => Array.isArray(x));
    if (list >= 0) (w[list] as number[])[0] = (w[list] as number[])[0]! + 7;
    else w[2] = (w[2] as number) + 7;
    const off = list >= 0 ? 1 : (w[1] as number) - (w[0] as number) + 1;
    expect(widthMismatches(w, fontAdvances([file])[0]!)).toHaveLength(off);
    // Without its OutputIntent the same file fails Preflight with a finding we do not accept.
    const doc = await PDFDocument.load(fs.readFileSync(f), { updateMetadata: false });
    doc.catalog.delete(PDFName.of('OutputIntents'));
    const bad = path.join(work, 'no-intent.pdf');
    fs.writeFileSync(bad, await doc.save({ useObjectStreams: false }));
    const [r] = preflight([bad], path.join(work, 'preflight-bad'));
    expect(r!.codes.filter((c) => !ACCEPTED_IN_DOCUMENTS.includes(c)).length).toBeGreaterThan(0);
  }, 60_000);

  it('passes qpdf --check', () => {
    for (const f of pdfs) expect(execFileSync('qpdf', ['--check', f]).toString(), f).toMatch(/No syntax or stream encoding errors/);
  });
});

describe('the packet carries its source data', () => {
  it('lists the unit files and the data JSON in pdfdetach, and gongwen extract gives them back byte for byte', () => {
    const packet = packetWithAttachments();
    const listed = execFileSync('pdfdetach', ['-list', packet]).toString();
    const unitDir = path.join(project, 'data', '某某大学');
    const yamls = fs.readdirSync(unitDir).filter((n) => n.endsWith('.yaml'));
    for (const n of [...yamls, 'gongwen-data.json']) expect(listed).toContain(n);
    const dir = path.join(work, 'extracted');
    const r = run(['extract', packet, dir]);
    expect(r.code, r.stderr).toBe(0);
    for (const n of yamls) expect(sha(fs.readFileSync(path.join(dir, n))), n).toBe(sha(fs.readFileSync(path.join(unitDir, n))));
    // pdfdetach (poppler) reads the same bytes as our extract.
    const detached = path.join(work, 'detached');
    fs.mkdirSync(detached);
    execFileSync('pdfdetach', ['-saveall', '-o', detached, packet]);
    for (const n of [...yamls, 'gongwen-data.json']) expect(sha(fs.readFileSync(path.join(detached, n))), n).toBe(sha(fs.readFileSync(path.join(dir, n))));
    const data = JSON.parse(fs.readFileSync(path.join(dir, 'gongwen-data.json'), 'utf8'));
    expect(data.format).toBe('gongwen-unit-data/1');
    expect(data.unit.name).toBe('某某大学');
    expect(data.problems.length).toBeGreaterThan(0);
    // The documents it lists are the files on disk.
    for (const d of data.documents) expect(sha(fs.readFileSync(path.join(project, 'out', '某某大学', d.file))), d.file).toBe(d.sha256);
    expect(data.attachments.map((a: { title: string; file: string; pages: number }) => [a.title, a.file, a.pages])).toEqual([
      ['会议记录', '扫描件/会议记录.pdf', 2],
      ['盖章备案表', '扫描件/盖章备案表.pdf', 1],
    ]);
  });

  it('says so when a PDF carries no data', () => {
    const r = run(['extract', pdfs.find((p) => p.endsWith('整改方案.pdf'))!, path.join(work, 'none')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/没有嵌入的文件/);
  });
});

describe('attachments in the packet', () => {
  it('places the scans (after the 备案表, and at the end) with bookmarks, page labels and their page counts in the 备案表', () => {
    const packet = packetWithAttachments();
    const q = qpdfJson(packet, ['outlines', 'pagelabels']) as { outlines: { title: string; destpageposfrom1: number }[]; pagelabels: { index: number; label: Record<string, string> }[] };
    const own = (f: string) => Number(pdfInfo(path.join(project, 'out', '某某大学', f)).Pages);
    const [form, plan, regs] = [own('备案表.pdf'), own('整改方案.pdf'), own('制度建设计划.pdf')];
    expect(q.outlines.map((o) => [o.title, o.destpageposfrom1])).toEqual([
      ['备案表', 1],
      ['盖章备案表', form + 1],
      ['整改方案', form + 2],
      ['制度建设计划', form + 2 + plan],
      ['会议记录', form + 2 + plan + regs],
    ]);
    expect(q.pagelabels.map((l) => [l.index, l.label['/P']])).toEqual([
      [0, 'u:备案表-'],
      [form, 'u:盖章备案表-'],
      [form + 1, 'u:整改方案-'],
      [form + 1 + plan, 'u:制度建设计划-'],
      [form + 1 + plan + regs, 'u:会议记录-'],
    ]);
    expect(Number(pdfInfo(packet).Pages)).toBe(form + 1 + plan + regs + 2);
    const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', packet, '-']).toString().replace(/\s+/g, '');
    expect(first).toContain('1.盖章备案表（1页）');
    expect(first).toContain('4.会议记录（2页）');
    // The scans' pages are copied, not redrawn: their images are there on their pages.
    const images = execFileSync('pdfimages', ['-list', packet]).toString().split('\n').slice(2).filter(Boolean).map((l) => Number(l.trim().split(/\s+/)[0]));
    expect(images).toEqual([form + 1, form + 1 + plan + regs + 1, form + 1 + plan + regs + 2]);
  });

  it('reports an encrypted and a truncated attachment at their data lines and still renders the unit', async () => {
    const dir = path.join(work, 'bad');
    fs.cpSync(path.join(ROOT, 'data', '某某大学'), path.join(dir, 'data', 'u'), { recursive: true });
    const good = fs.readFileSync(path.join(project, 'data', '某某大学', '扫描件', '会议记录.pdf'));
    fs.writeFileSync(path.join(dir, 'data', 'u', 'plain.pdf'), good);
    execFileSync('qpdf', ['--encrypt', 'u', 'o', '256', '--', path.join(dir, 'data', 'u', 'plain.pdf'), path.join(dir, 'data', 'u', '加密.pdf')]);
    fs.writeFileSync(path.join(dir, 'data', 'u', '截断.pdf'), good.subarray(0, Math.floor(good.length / 2)));
    fs.writeFileSync(path.join(dir, 'data', 'u', '照片.pdf'), fs.readFileSync(path.join(work, 'page.png')));
    fs.rmSync(path.join(dir, 'data', 'u', 'plain.pdf'));
    fs.writeFileSync(path.join(dir, 'data', 'u', '附件材料.yaml'), '- 标题: 会议记录\n  文件: 加密.pdf\n- 标题: 谈话记录\n  文件: 截断.pdf\n- 文件: 照片.pdf\n- 文件: 没有这个文件.pdf\n');
    const r = run(['render', '--out', 'out', '--format', 'pdf', '--no-system-fonts'], dir);
    expect(r.code).toBe(1);
    const file = path.join('data', 'u', '附件材料.yaml');
    expect(r.stderr).toContain(`${file}:2:7  error  E_ATTACHMENT  附件“会议记录”（${path.join('data', 'u', '加密.pdf')}）无法放入备案材料：文件已加密`);
    expect(r.stderr).toMatch(new RegExp(`${file.replace(/\\/g, '\\\\')}:4:7  error  E_ATTACHMENT  附件“谈话记录”.*文件不完整`));
    expect(r.stderr).toMatch(/:5:7 {2}error {2}E_ATTACHMENT {2}附件“照片”.*不是 PDF 文件/);
    expect(r.stderr).toMatch(/:6:7 {2}error {2}E_ATTACHMENT {2}找不到附件文件“没有这个文件.pdf”/);
    // The rest of the unit is there, the packet without the attachments it could not file.
    const packet = path.join(dir, 'out', '某某大学', '备案材料.pdf');
    expect(fs.existsSync(path.join(dir, 'out', '某某大学', '整改方案.pdf'))).toBe(true);
    expect(execFileSync('qpdf', ['--check', packet]).toString()).toMatch(/No syntax or stream encoding errors/);
    const outlines = (qpdfJson(packet, ['outlines']) as { outlines: { title: string }[] }).outlines.map((o) => o.title);
    expect(outlines).toEqual(['备案表', '整改方案', '制度建设计划']);
    // check finds the same files without rendering.
    const c = run(['check'], dir);
    expect(c.code).toBe(1);
    expect(c.stdout).toMatch(/截断\.pdf.*文件不完整/);
    expect(c.stdout).toMatch(/照片\.pdf.*不是 PDF 文件/);
  }, 120_000);

  it('writes the packet with attachments byte for byte again', () => {
    const first = sha(fs.readFileSync(packetWithAttachments()));
    const again = path.join(work, 'again');
    const r = run(['render', '--out', again, '--format', 'pdf', '--no-system-fonts'], project);
    expect(r.code, r.stderr).toBe(0);
    expect(sha(fs.readFileSync(path.join(again, '某某大学', '备案材料.pdf')))).toBe(first);
  }, 60_000);
});

describe('--no-pdfa', () => {
  it('writes plain PDFs without XMP or OutputIntent', () => {
    const out = path.join(work, 'plain');
    const r = run(['render', path.join('data', '市某某委员会.yaml'), '--out', out, '--format', 'pdf', '--no-system-fonts', '--only', 'rectification-plan', '--no-pdfa']);
    expect(r.code, r.stderr).toBe(0);
    const cat = catalogOf(pdfObjects(path.join(out, '上海市某某委员会', '整改方案.pdf')));
    expect(cat['/Metadata']).toBeUndefined();
    expect(cat['/OutputIntents']).toBeUndefined();
  });
});

/** Differences between a /W array ([first [w …]] or [first last w]) and the program's advances. */
function widthMismatches(w: PdfValue[], program: { upm: number; advances: number[] }): string[] {
  const out: string[] = [];
  const expectAt = (cid: number, width: number) => {
    const adv = program.advances[cid];
    if (adv === undefined) return out.push(`CID ${cid} not in the program`);
    const want = Math.round((adv * 1000) / program.upm * 1000) / 1000;
    if (Math.abs(want - width) > 0.001) out.push(`CID ${cid}: /W ${width}, program ${want}`);
    return 0;
  };
  for (let i = 0; i < w.length; ) {
    const first = w[i] as number;
    if (Array.isArray(w[i + 1])) {
      (w[i + 1] as number[]).forEach((width, k) => expectAt(first + k, width));
      i += 2;
    } else {
      for (let c = first; c <= (w[i + 1] as number); c++) expectAt(c, w[i + 2] as number);
      i += 3;
    }
  }
  return out;
}

/** The decoded content streams of every page. */
function contentStreams(objs: Map<string, PdfObject>): string[] {
  return [...objs.values()]
    .map(dictOf)
    .filter((d) => d['/Type'] === '/Page')
    .flatMap((d) => [d['/Contents']].flat() as string[])
    .map((ref) => streamBytes(objs.get(ref)).toString('latin1'));
}
