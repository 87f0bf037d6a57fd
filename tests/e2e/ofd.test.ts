// OFD output (GB/T 33190) of every example document, read back by tools we did not write:
// ofd.js 0.2.6 in Chromium (pages, text, colours, rule widths, a screenshot against our PDF's
// raster), Chromium's FontFace and fontTools (the embedded fonts), zip -T (the package), and our
// own package checks (references, IDs, outline destinations, DeltaX counts).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Element } from '@xmldom/xmldom';
import { strFromU8 } from 'fflate';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeOfd } from '../../src/backends/ofd/write-ofd.js';
import { writePdf } from '../../src/backends/pdf/write-pdf.js';
import { lineText } from '../../src/doc/tree.js';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import { Face, FontBook } from '../../src/fonts/font-book.js';
import { standaloneSubset } from '../../src/fonts/standalone-subset.js';
import { layoutDocument } from '../../src/layout/layout-document.js';
import type { LaidPage, PagedLayout } from '../../src/layout/types.js';
import { nodeWorld } from '../../src/world/node-world.js';
import { gongwen } from '../support/cli.js';
import { ROOT, exampleDocs, type ExampleDoc } from '../support/examples.js';
import { readOfd } from '../support/ofd-package.js';
import { OfdReader, type Band } from '../support/ofd-reader.js';

/** The largest distance (mm) from each of our lines to the nearest of theirs. */
const lineOffset = (ours: number[], theirs: number[], s: number) => Math.max(0, ...ours.map((a) => Math.min(...theirs.map((b) => Math.abs(a - b))) / s));

const book = FontBook.load(nodeWorld(ROOT), { system: false });
const date = new Date(Date.UTC(2013, 11, 10));

interface Made {
  ex: ExampleDoc;
  layout: PagedLayout;
  ofd: Uint8Array;
  pdfFile: string;
  ofdFile: string;
}

/** What the layout draws on a page: the characters with a glyph, spaces left out. */
const layoutText = (p: LaidPage) =>
  p.items
    .filter((it) => it.kind === 'text')
    .map((it) => [...it.text].filter((ch) => it.face.drawnGlyph(ch.codePointAt(0)!) !== undefined).join(''))
    .join('')
    .replace(/\s/g, '');

/** Code points each font file maps, read by fontTools. */
function cmapsOf(files: string[]): Record<string, number[]> {
  const py = 'import sys, json\nfrom fontTools.ttLib import TTFont\nprint(json.dumps({f: sorted(TTFont(f).getBestCmap().keys()) for f in sys.argv[1:]}))';
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', py, ...files], { encoding: 'utf8' }));
}

/**
 * Lines of text of two renderings matched by position. Fonts differ (ofd.js substitutes installed
 * ones), so lines that overlap in one rendering and not in the other are taken together. A line's
 * place down the page is the middle of its ink (`worst`); its left and right edges move with the
 * glyphs' side bearings and with where a font puts full-width punctuation (“ sits in the right
 * half of the em in one font, the middle in another), so they are only held to `edges`. Where each
 * character starts is checked exactly from the reader's own positions in the test above.
 */
function bandOffsets(ours: Band[], theirs: Band[], s: number): { worst: number; edges: number; unmatched: number } {
  const all = [...ours.map((b) => ({ b, side: 0 })), ...theirs.map((b) => ({ b, side: 1 }))].sort((x, y) => x.b.top - y.b.top);
  const groups: Band[][][] = [];
  let bottom = -1;
  for (const { b, side } of all) {
    if (b.top > bottom) groups.push([[], []]);
    groups[groups.length - 1]![side]!.push(b);
    bottom = Math.max(bottom, b.bottom);
  }
  const union = (bs: Band[]) => ({ top: Math.min(...bs.map((b) => b.top)), bottom: Math.max(...bs.map((b) => b.bottom)), left: Math.min(...bs.map((b) => b.left)), right: Math.max(...bs.map((b) => b.right)) });
  let worst = 0;
  let edges = 0;
  let unmatched = 0;
  for (const [o, t] of groups) {
    if (!o!.length || !t!.length) {
      unmatched++;
      continue;
    }
    const [a, b] = [union(o!), union(t!)];
    worst = Math.max(worst, Math.abs((a.top + a.bottom) / 2 - (b.top + b.bottom) / 2) / s);
    edges = Math.max(edges, Math.abs(b.left - a.left) / s, Math.abs(b.right - a.right) / s);
  }
  return { worst, edges, unmatched };
}

/** Our layout's character origins on a page (mm), in drawing order, spaces left out. */
function layoutGlyphs(p: LaidPage): { ch: string; x: number; y: number }[] {
  const out: { ch: string; x: number; y: number }[] = [];
  const mm = (pt: number) => (pt * 25.4) / 72;
  for (const it of p.items) {
    if (it.kind !== 'text') continue;
    // Along the line: rightwards, or down the page for a turned item (a landscape page number).
    let along = 0;
    for (const ch of it.text) {
      const g = it.face.drawnGlyph(ch.codePointAt(0)!);
      if (g === undefined) continue;
      if (!/\s/.test(ch)) out.push({ ch, x: mm(it.rotated ? it.x : it.x + along), y: mm(it.rotated ? it.y + along : it.y) });
      along += ((it.face.glyphAdvance(g) * it.size) / it.face.unitsPerEm + it.spacing) * ((it.scale ?? 100) / 100);
    }
  }
  return out;
}

describe('OFD output', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-ofd-'));
  const made: Made[] = [];
  let reader: OfdReader;

  beforeAll(async () => {
    reader = await OfdReader.open();
    for (const [i, ex] of exampleDocs().docs.entries()) {
      const { layout, diagnostics } = layoutDocument(ex.doc, book);
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const meta = { title: lineText(ex.doc.meta.title).replace(/\n/g, '') || ex.name, author: '测试机关', subject: ex.name, keywords: [ex.doc.id], date };
      const ofd = await writeOfd(layout, meta);
      const pdfFile = path.join(dir, `${i}.pdf`);
      const ofdFile = path.join(dir, `${i}.ofd`);
      fs.writeFileSync(pdfFile, await writePdf(layout, meta));
      fs.writeFileSync(ofdFile, ofd);
      made.push({ ex, layout, ofd, pdfFile, ofdFile });
    }
  }, 120_000);
  afterAll(async () => {
    await reader?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('covers every example document', () => {
    expect(made.length).toBeGreaterThanOrEqual(14);
    expect(new Set(made.map((m) => m.ex.doc.id)).size).toBeGreaterThanOrEqual(8);
  });

  it('writes sound packages: zip -T, parts present, IDs unique within MaxUnitID, Dests on pages, n−1 DeltaX', () => {
    for (const m of made) {
      execFileSync('zip', ['-T', m.ofdFile], { stdio: 'pipe' });
      const pkg = readOfd(m.ofd);
      expect(pkg.problems, m.ex.name).toEqual([]);
      expect(pkg.pageIds).toHaveLength(m.layout.pages.length);
      expect(Object.keys(pkg.files)[0]).toBe('OFD.xml');
      const info = pkg.xml('OFD.xml');
      expect(info.getElementsByTagName('ofd:DocID')[0]!.textContent).toMatch(/^[0-9a-f]{32}$/);
      expect(info.getElementsByTagName('ofd:CreationDate')[0]!.textContent).toBe('2013-12-10');
      expect(info.getElementsByTagName('ofd:Author')[0]!.textContent).toBe('测试机关');
    }
  });

  it('embeds every font as a standalone subset that Chromium loads and whose cmap covers its text', async () => {
    for (const m of made) {
      const pkg = readOfd(m.ofd);
      const written: Record<string, string> = {};
      for (const [id, f] of pkg.fonts) {
        expect(f.file, `font ${id} of ${m.ex.name}`).toBeDefined();
        const bytes = pkg.files[f.file!]!;
        expect(await reader.loadFont(bytes), `${m.ex.name}: ${f.file}`).toBe('ok');
        written[id] = path.join(dir, `${made.indexOf(m)}-${path.basename(f.file!)}`);
        fs.writeFileSync(written[id]!, bytes);
        // The real family name, for readers that substitute installed fonts.
        expect(f.familyName).toBe(book.faces.find((x) => f.fontName === (x.font.fullName ?? ''))?.font.familyName ?? f.familyName);
      }
      const cmaps = cmapsOf(Object.values(written));
      for (const { font, text } of pkg.textCodes) {
        const have = new Set(cmaps[written[font]!]);
        const missing = [...text].filter((ch) => !have.has(ch.codePointAt(0)!));
        expect(missing, `${m.ex.name}: font ${font}`).toEqual([]);
      }
    }
  });

  // Noto Sans CJK's top DICT holds a real (CIDFontVersion 2.004) that fontkit pads as 0xf0, which
  // Chromium's font sanitizer refused before cff-reals.ts: the preview's fonts are these subsets too.
  it.each([
    ['Noto Serif CJK SC', '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc'],
    ['Noto Sans CJK SC', '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'],
  ])('subsets CFF faces too (%s from a Debian .ttc) into OpenType files that load', async (label, file) => {
    const bytes = new Uint8Array(fs.readFileSync(file));
    const coll = fontkit.create(bytes as Buffer) as unknown as { fonts: Font[] };
    const font = coll.fonts.find((f) => f.postscriptName.includes('CJKsc'))!;
    const face = new Face(file, { file, label, licence: 'OFL-1.1' }, bytes, font);
    const text = '关于印发整改方案的通知〔2014〕号，。𠀀';
    const chars = new Map([...text].map((ch) => [ch.codePointAt(0)!, face.glyphId(ch.codePointAt(0)!)] as [number, number]).filter(([, g]) => g !== 0));
    const sub = standaloneSubset(face, chars);
    expect(sub.ext).toBe('otf');
    expect(await reader.loadFont(sub.bytes)).toBe('ok');
    const out = path.join(dir, `cff-subset-${path.basename(file)}.otf`);
    fs.writeFileSync(out, sub.bytes);
    expect(cmapsOf([out])[out]).toEqual([...chars.keys()].sort((a, b) => a - b));
    const py = 'import sys\nfrom fontTools.ttLib import TTFont\nf = TTFont(sys.argv[1])\nprint(f["maxp"].numGlyphs, len(f.getGlyphOrder()), "CFF " in f)';
    expect(execFileSync('/usr/bin/python3', ['-c', py, out], { encoding: 'utf8' }).trim()).toBe(`${sub.glyphs} ${sub.glyphs} True`);
    // Far smaller than the collection it comes from (fontkit keeps the CFF's global subroutines whole).
    expect(sub.bytes.length).toBeLessThan(bytes.length / 100);
  });

  it('ofd.js reads the same pages and text as our layout and PDF, the red 发文机关标志 and the rule widths', async () => {
    for (const m of made) {
      const pages = await reader.read(m.ofd);
      const pdfPages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [m.pdfFile], { encoding: 'utf8' }))![1]);
      expect(pages.length, m.ex.name).toBe(pdfPages);
      pages.forEach((p, i) => {
        expect(p.text.replace(/\s/g, ''), `${m.ex.name} page ${i + 1}`).toBe(layoutText(m.layout.pages[i]!));
        // Every character where the layout put it: the reader's reading of Boundary, X/Y and DeltaX.
        const want = layoutGlyphs(m.layout.pages[i]!);
        const got = p.glyphs.filter((g) => !/\s/.test(g.ch));
        expect(got.length).toBe(want.length);
        const off = Math.max(0, ...want.map((w, k) => Math.hypot(w.x - got[k]!.x, w.y - got[k]!.y)));
        expect(off, `${m.ex.name} page ${i + 1}`).toBeLessThan(0.05);
      });
      const mark = lineText(m.ex.doc.meta.issuerMark);
      if (mark) {
        expect(pages[0]!.byFill['rgb(255, 0, 0)']).toBe(mark);
        const red = pages[0]!.strokes.filter((s) => s.color === 'rgb(255, 0, 0)');
        expect(red).toHaveLength(1);
        expect(red[0]!.mm).toBeCloseTo(25.4 / 72, 2);
      }
      if (m.ex.doc.meta.cc || m.ex.doc.meta.printer) {
        const widths = pages.flatMap((p) => p.strokes.map((s) => Math.round(s.mm * 100) / 100));
        expect(widths).toContain(0.35);
        expect(widths).toContain(0.25);
      }
    }
  });

  it('draws page 1 where our PDF does: every line of ink and every rule within 1 mm', async () => {
    const seen = new Set<string>();
    for (const m of made) {
      if (seen.has(m.ex.doc.id)) continue;
      seen.add(m.ex.doc.id);
      const s = (await reader.read(m.ofd, 4))[0]!.pxPerMm;
      const shot = await reader.screenshot(0);
      const png = path.join(dir, `shot-${made.indexOf(m)}`);
      // Our PDF at the reader's scale on that page.
      execFileSync('pdftoppm', ['-r', String(s * 25.4), '-png', '-f', '1', '-l', '1', '-singlefile', m.pdfFile, png]);
      const ours = await reader.ink(fs.readFileSync(`${png}.png`), s);
      const theirs = await reader.ink(shot, s);
      fs.mkdirSync(path.join(ROOT, 'tests/.artifacts'), { recursive: true });
      fs.writeFileSync(path.join(ROOT, `tests/.artifacts/ofd-${m.ex.doc.id}-p1.png`), shot);
      expect(ours.bands.length, m.ex.name).toBeGreaterThan(3);
      const { worst, edges, unmatched } = bandOffsets(ours.bands, theirs.bands, s);
      expect(unmatched, m.ex.name).toBe(0);
      expect(worst, m.ex.name).toBeLessThanOrEqual(1);
      expect(edges, m.ex.name).toBeLessThanOrEqual(4);
      expect(theirs.hLines.length, m.ex.name).toBe(ours.hLines.length);
      expect(theirs.vLines.length, m.ex.name).toBe(ours.vLines.length);
      expect(lineOffset(ours.hLines, theirs.hLines, s), m.ex.name).toBeLessThanOrEqual(1);
      expect(lineOffset(ours.vLines, theirs.vLines, s), m.ex.name).toBeLessThanOrEqual(1);
      process.stdout.write(`ofd page 1 vs pdf: ${m.ex.doc.id} ${ours.bands.length} lines of ink (worst ${worst.toFixed(2)} mm down, edges ${edges.toFixed(2)} mm), ${ours.hLines.length}+${ours.vLines.length} rules\n`);
    }
  });

  it('tags the 公文 elements in its own namespace, pointing at the objects that draw them', () => {
    const m = made.find((x) => x.ex.doc.id === 'rectification-plan')!;
    const pkg = readOfd(m.ofd);
    const tags = strFromU8(pkg.files['Doc_0/Tags/GongwenTags.xml']!);
    expect(strFromU8(pkg.files['Doc_0/Tags/CustomTags.xml']!)).toContain('NameSpace="urn:gongwen:ofd:tags:1"');
    const meta = m.ex.doc.meta;
    const value = (name: string) => new RegExp(`<gw:${name} Value="([^"]*)"`).exec(tags)?.[1];
    expect(value('Title')).toBe(lineText(meta.title).replace(/\n/g, ''));
    expect(value('IssuerMark')).toBe(lineText(meta.issuerMark));
    expect(value('DocNumber')).toBe(lineText(meta.docNumber));
    expect(value('Signature')).toBe(lineText(meta.signature));
    expect(value('Date')).toBe(lineText(meta.date));
    for (const name of ['Body', 'Colophon', 'SeparatorLine', 'PageNumber']) expect(tags).toContain(`<gw:${name}>`);
    // Each reference names an object on that page; the title's objects hold the title's text.
    const titleRefs = [...new RegExp('<gw:Title[^>]*>(.*?)</gw:Title>').exec(tags)![1]!.matchAll(/PageRef="(\d+)">(\d+)</g)];
    let text = '';
    for (const [, page, obj] of titleRefs) {
      const content = strFromU8(pkg.files[pkg.pageFiles.get(page!)!]!);
      const o = new RegExp(`<ofd:TextObject ID="${obj}"[^>]*>(.*?)</ofd:TextObject>`).exec(content);
      expect(o, `object ${obj} on page ${page}`).not.toBeNull();
      text += [...o![1]!.matchAll(/<ofd:TextCode[^>]*>([^<]*)</g)].map((x) => x[1]).join('');
    }
    expect(text).toBe(lineText(meta.title).replace(/\n/g, ''));
    expect(strFromU8(pkg.files['OFD.xml']!)).toContain(`<ofd:CustomData Name="发文字号">${lineText(meta.docNumber)}</ofd:CustomData>`);
  });

  it('tags a document\'s attachments as Attachment, its Title the document\'s own title alone (印发通知)', () => {
    const m = made.find((x) => x.ex.doc.id === 'issue-notice' && x.ex.unit === '上海市某某委员会')!;
    const tags = strFromU8(readOfd(m.ofd).files['Doc_0/Tags/GongwenTags.xml']!);
    expect(new RegExp('<gw:Title Value="([^"]*)"').exec(tags)?.[1]).toBe(lineText(m.ex.doc.meta.title).replace(/\n/g, ''));
    // Every page from the first attachment's on has Attachment objects; the text's pages none.
    const attachment = new RegExp('<gw:Attachment>(.*?)</gw:Attachment>').exec(tags)?.[1] ?? '';
    const pages = new Set([...attachment.matchAll(/PageRef="(\d+)"/g)].map((x) => x[1]));
    const first = m.layout.pages.findIndex((p) => p.items.some((it) => it.element === 'attachment'));
    expect(first).toBeGreaterThan(0);
    expect(pages.size).toBe(m.layout.pages.filter((p) => p.items.some((it) => it.element === 'attachment')).length);
    expect(tags).toContain('<gw:AttachmentNote>');
  });

  it('is byte-identical on a rerun', async () => {
    const m = made[0]!;
    const meta = { title: lineText(m.ex.doc.meta.title).replace(/\n/g, '') || m.ex.name, author: '测试机关', subject: m.ex.name, keywords: [m.ex.doc.id], date };
    expect(Buffer.from(await writeOfd(layoutDocument(m.ex.doc, book).layout, meta)).equals(Buffer.from(m.ofd))).toBe(true);
  });
});

/** The top-level bookmarks of a PDF with the titles beneath each, read with pdf-lib. */
async function pdfOutline(bytes: Uint8Array): Promise<{ title: string; children: string[] }[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const title = (d: PDFDict) => (d.lookup(PDFName.of('Title')) as PDFHexString | PDFString).decodeText();
  const chain = (first: PDFDict | undefined): PDFDict[] => {
    const out: PDFDict[] = [];
    for (let d = first; d; d = d.lookupMaybe(PDFName.of('Next'), PDFDict)) out.push(d);
    return out;
  };
  const all = (d: PDFDict): string[] => chain(d.lookupMaybe(PDFName.of('First'), PDFDict)).flatMap((c) => [title(c), ...all(c)]);
  const root = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)!;
  return chain(root.lookupMaybe(PDFName.of('First'), PDFDict)).map((d) => ({ title: title(d), children: all(d) }));
}

/** The same from an OFD's Document.xml. */
function ofdOutline(doc: Element): { title: string; children: string[]; goto: string }[] {
  const outlines = doc.getElementsByTagName('ofd:Outlines')[0]!;
  const tops = Array.from(outlines.childNodes as unknown as ArrayLike<Element>).filter((n) => n.nodeType === 1);
  return tops.map((e) => ({
    title: e.getAttribute('Title')!,
    children: Array.from(e.getElementsByTagName('ofd:OutlineElem') as unknown as ArrayLike<Element>).map((c) => c.getAttribute('Title')!),
    goto: e.getElementsByTagName('ofd:GotoA').length ? 'attachment' : 'page',
  }));
}

describe('the filing packet as 备案材料.ofd, from formats in gongwen.yaml', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-ofd-packet-'));
  const out = path.join(work, 'out', '某某大学');
  let reader: OfdReader;
  const scan = async (label: string) => {
    const doc = await PDFDocument.create();
    doc.addPage([595.28, 841.89]).drawText(label, { x: 72, y: 720, size: 24 });
    return doc.save({ useObjectStreams: false });
  };

  beforeAll(async () => {
    reader = await OfdReader.open();
    fs.cpSync(path.join(ROOT, 'data', '某某大学'), path.join(work, 'data', '某某大学'), { recursive: true });
    fs.writeFileSync(path.join(work, 'gongwen.yaml'), 'formats: [docx, pdf, ofd]\n');
    const scans = path.join(work, 'data', '某某大学', '扫描件');
    fs.mkdirSync(scans);
    fs.writeFileSync(path.join(scans, 'minutes.pdf'), await scan('minutes'));
    fs.writeFileSync(path.join(scans, 'stamped.pdf'), await scan('stamped form'));
    fs.appendFileSync(path.join(work, 'data', '某某大学', '单位.yaml'), '附件材料:\n  - 标题: 会议记录\n    文件: 扫描件/minutes.pdf\n  - 标题: 盖章备案表\n    文件: 扫描件/stamped.pdf\n    放在: 备案表\n');
    const r = gongwen(['render', '--out', 'out', '--no-system-fonts'], work);
    expect(r.code, r.stderr).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await reader?.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('writes an .ofd beside every .pdf, all listed in the manifest', () => {
    const names = fs.readdirSync(out);
    const pdfs = names.filter((f) => f.endsWith('.pdf'));
    expect(pdfs.length).toBeGreaterThanOrEqual(6);
    for (const p of pdfs) expect(names).toContain(p.replace(/\.pdf$/, '.ofd'));
    const manifest = JSON.parse(fs.readFileSync(path.join(work, 'out', 'manifest.json'), 'utf8'));
    const listed = JSON.stringify(manifest);
    for (const p of pdfs) expect(listed).toContain(`某某大学/${p.replace(/\.pdf$/, '.ofd')}`);
  });

  it('has the PDF packet\'s outline: one entry per document with its headings, the scans as attachments', async () => {
    const ofd = new Uint8Array(fs.readFileSync(path.join(out, '备案材料.ofd')));
    execFileSync('zip', ['-T', path.join(out, '备案材料.ofd')], { stdio: 'pipe' });
    const pkg = readOfd(ofd);
    expect(pkg.problems).toEqual([]);
    const pdf = await pdfOutline(new Uint8Array(fs.readFileSync(path.join(out, '备案材料.pdf'))));
    const ours = ofdOutline(pkg.xml('Doc_0/Document.xml'));
    expect(ours.map((o) => o.title)).toEqual(pdf.map((o) => o.title));
    for (const [i, o] of ours.entries()) {
      expect(o.children, o.title).toEqual(pdf[i]!.children);
      expect(o.goto, o.title).toBe(['会议记录', '盖章备案表'].includes(o.title) ? 'attachment' : 'page');
    }
    expect(ours[1]!.title).toBe('盖章备案表');
    // Its pages are the documents' pages: the PDF's less the scans'.
    const pdfPages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path.join(out, '备案材料.pdf')], { encoding: 'utf8' }))![1]);
    const pages = await reader.read(ofd);
    expect(pages).toHaveLength(pdfPages - 2);
    expect(pages[0]!.text).toContain('备案表');
  });

  it('carries the scans and the unit\'s data as attachments that gongwen extract writes back byte for byte', () => {
    const dir = path.join(work, 'extracted');
    const r = gongwen(['extract', path.join(out, '备案材料.ofd'), dir], work);
    expect(r.code, r.stderr).toBe(0);
    const got = (f: string) => fs.readFileSync(path.join(dir, f));
    expect(got('minutes.pdf').equals(fs.readFileSync(path.join(work, 'data', '某某大学', '扫描件', 'minutes.pdf')))).toBe(true);
    expect(got('stamped.pdf').equals(fs.readFileSync(path.join(work, 'data', '某某大学', '扫描件', 'stamped.pdf')))).toBe(true);
    // The same source files the PDF packet embeds.
    const fromPdf = path.join(work, 'extracted-pdf');
    expect(gongwen(['extract', path.join(out, '备案材料.pdf'), fromPdf], work).code).toBe(0);
    const list = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? list(path.join(d, e.name)).map((x) => `${e.name}/${x}`) : [e.name]));
    for (const f of list(fromPdf)) expect(got(f).equals(fs.readFileSync(path.join(fromPdf, f))), f).toBe(true);
    expect(list(fromPdf)).toContain('gongwen-data.json');
  });

  it('renders the packet again byte for byte', () => {
    const again = path.join(work, 'again');
    expect(gongwen(['render', '--out', again, '--no-system-fonts'], work).code).toBe(0);
    for (const f of ['备案材料.ofd', '整改方案.ofd']) expect(fs.readFileSync(path.join(again, '某某大学', f)).equals(fs.readFileSync(path.join(out, f))), f).toBe(true);
  });
});
