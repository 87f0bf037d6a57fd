// Inputs as users write them, and links where they do not belong: 签发人 as a list, a unit outside
// the current folder, a unit with an error never a success, UTF-16 files, Handlebars' lookup, a
// template path that climbs too far, bidi controls; links out of the project in the data and in --out;
// an output folder that cannot be made.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkInputs } from '../../src/api/check.js';
import { nodeWorld } from '../../src/world/node-world.js';
import { gongwen } from '../support/cli.js';
import { ROOT } from '../support/examples.js';

const tmp = (tag: string) => fs.mkdtempSync(path.join(os.tmpdir(), `gongwen-${tag}-`));
const MINIMAL = fs.readFileSync(path.join(ROOT, 'tests/fixtures/good/minimal.yaml'), 'utf8');
/** A PDF that poppler and pdf-lib read, one blank page. */
const PDF = fs.readFileSync(path.join(ROOT, 'tests/fixtures/good/minimal.yaml')).length ? pdfBytes() : new Uint8Array();

function pdfBytes(): Uint8Array {
  const objs = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

const diagnosticsOf = (dir: string, inputs: string[]) => checkInputs(nodeWorld(dir), inputs).units.flatMap((u) => u.diagnostics);

describe('inputs as users write them', () => {
  it('takes 签发人 as a list of names', () => {
    const dir = tmp('signers');
    fs.writeFileSync(path.join(dir, 'u.yaml'), MINIMAL.replace('  date: 2014-01-10\n', '  date: 2014-01-10\n  签发人: [黄融, 李明]\n'));
    const u = checkInputs(nodeWorld(dir), ['u.yaml']).units[0]!;
    expect(u.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(u.data!.unit.signers).toBe('黄融、李明');
  });

  it('reads a UTF-16 file (with its BOM) as text, saying what it was', () => {
    const dir = tmp('utf16');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MINIMAL, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    fs.writeFileSync(path.join(dir, 'le.yaml'), le);
    fs.writeFileSync(path.join(dir, 'be.yaml'), be);
    for (const f of ['le.yaml', 'be.yaml']) {
      const u = checkInputs(nodeWorld(dir), [f]).units[0]!;
      expect(u.data?.unit.name, f).toBe('测试单位');
      expect(u.diagnostics.map((d) => d.code), f).toEqual(['W_ENCODING']);
    }
  });

  it('drops bidi controls with a warning in check, and render then draws the text', () => {
    const dir = tmp('bidi');
    fs.writeFileSync(path.join(dir, 'u.yaml'), MINIMAL.replace('text: 会议过多', 'text: "会议\u202e过多\u2066"'));
    const d = diagnosticsOf(dir, ['u.yaml']);
    expect(d.map((x) => x.code)).toEqual(['W_CONTROL_CHAR']);
    const r = gongwen(['render', 'u.yaml', '--out', 'out', '--format', 'pdf', '--only', 'problem-list', '--no-system-fonts'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('E_GLYPH');
  });

  it('runs Handlebars\' lookup in a user template, and places a path that climbs out of its blocks', () => {
    const dir = tmp('lookup');
    fs.writeFileSync(path.join(dir, 'u.yaml'), MINIMAL);
    fs.mkdirSync(path.join(dir, 'templates'));
    fs.writeFileSync(path.join(dir, 'templates', 'problem-list.md.hbs'), '---\ntitle: "{{lookup unit "name"}}问题清单"\n---\n\n{{#each problems}}\n{{lookup this "text"}}\n\n{{/each}}\n');
    const ok = gongwen(['render', 'u.yaml', '--out', 'out', '--format', 'docx', '--only', 'problem-list', '--no-system-fonts'], dir);
    expect(ok.code, ok.stderr).toBe(0);
    fs.writeFileSync(path.join(dir, 'templates', 'problem-list.md.hbs'), '---\ntitle: 问题清单\n---\n\n{{#each problems}}\n{{../../../unit.name}}\n{{/each}}\n');
    const bad = gongwen(['render', 'u.yaml', '--out', 'out2', '--format', 'docx', '--only', 'problem-list', '--no-system-fonts'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/templates\/problem-list\.md\.hbs:6:3 {2}error {2}E_TEMPLATE {2}模板路径“\.\.\/\.\.\/\.\.\/unit\.name”向上 3 层/);
    expect(bad.stderr).not.toContain('Cannot read properties');
  });

  it('files the attachments of a unit given by a path outside the current folder, relative to its own data file', () => {
    const unitDir = tmp('outside-unit');
    fs.mkdirSync(path.join(unitDir, '扫描件'));
    fs.writeFileSync(path.join(unitDir, '扫描件', '会议记录.pdf'), PDF);
    fs.writeFileSync(path.join(unitDir, 'u.yaml'), MINIMAL + '附件材料:\n  - 文件: 扫描件/会议记录.pdf\n');
    const cwd = tmp('elsewhere');
    const r = gongwen(['render', path.join(unitDir, 'u.yaml'), '--out', 'out', '--format', 'pdf', '--no-system-fonts'], cwd);
    expect(r.stderr).not.toContain('E_ATTACHMENT');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('成功 1 个，失败 0 个');
  });

  it('never counts a unit written with an error as a success', () => {
    const dir = tmp('half');
    fs.writeFileSync(path.join(dir, 'u.yaml'), MINIMAL + '附件材料:\n  - 文件: 扫描件/没有这个文件.pdf\n');
    const r = gongwen(['render', 'u.yaml', '--out', 'out', '--format', 'pdf', '--no-system-fonts'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('成功 0 个，失败 1 个');
    expect(r.stderr).toMatch(/✗ {2}测试单位/);
  });
});

describe('links', () => {
  const secret = () => {
    const d = tmp('secret');
    fs.writeFileSync(path.join(d, 'secret.pdf'), PDF);
    fs.writeFileSync(path.join(d, 'secret.yaml'), MINIMAL.replace('测试单位', '秘密单位'));
    return d;
  };

  it('refuses an attachment that is a link out of the project, or found through a linked folder', () => {
    const outside = secret();
    const dir = tmp('links');
    fs.mkdirSync(path.join(dir, '扫描件'));
    fs.symlinkSync(path.join(outside, 'secret.pdf'), path.join(dir, '扫描件', 'link.pdf'));
    fs.symlinkSync(outside, path.join(dir, '外部'));
    fs.writeFileSync(path.join(dir, 'u.yaml'), MINIMAL + '附件材料:\n  - 文件: 扫描件/link.pdf\n  - 文件: 外部/*.pdf\n');
    const d = diagnosticsOf(dir, ['u.yaml']).filter((x) => x.code === 'E_ATTACHMENT');
    // The lines of the two 文件: entries appended to the fixture.
    const first = MINIMAL.split('\n').length + 1;
    expect(d.map((x) => [x.span?.line, x.message])).toEqual([
      [first, '附件“扫描件/link.pdf”指向项目文件夹之外'],
      [first + 1, '附件“外部/*.pdf”指向项目文件夹之外'],
    ]);
    const r = gongwen(['render', 'u.yaml', '--out', 'out', '--format', 'pdf', '--no-system-fonts'], dir);
    expect(r.code).toBe(1);
    const packet = path.join(dir, 'out', '测试单位', '备案材料.pdf');
    if (fs.existsSync(packet)) expect(fs.readFileSync(packet).length).toBeGreaterThan(0);
  });

  it('skips a data file or folder that links out of the project, with E_INPUT', () => {
    const outside = secret();
    const dir = tmp('data-links');
    fs.mkdirSync(path.join(dir, 'data'));
    fs.writeFileSync(path.join(dir, 'data', 'u.yaml'), MINIMAL);
    fs.symlinkSync(path.join(outside, 'secret.yaml'), path.join(dir, 'data', 'secret.yaml'));
    fs.symlinkSync(outside, path.join(dir, 'data', '外部'));
    const c = checkInputs(nodeWorld(dir), ['data']);
    // The linked folder is not walked; the linked file is named.
    expect(c.units.map((u) => u.data?.unit.name)).toEqual(['测试单位']);
    expect(c.diagnostics.map((d) => [d.code, d.message])).toEqual([['E_INPUT', '“data/secret.yaml”是指向项目文件夹之外的链接，已跳过']]);
    // Matched by a pattern, the linked folder is outside the project too.
    const p = checkInputs(nodeWorld(dir), ['data/**']);
    expect(p.units.map((u) => u.data?.unit.name)).toEqual(['测试单位']);
    expect(p.diagnostics.some((d) => d.code === 'E_INPUT' && d.message.includes('指向项目文件夹之外'))).toBe(true);
  });

  it('replaces a link in --out where a unit\'s folder goes, and writes nothing through it', () => {
    const outside = tmp('elsewhere-out');
    const dir = tmp('out-link');
    fs.writeFileSync(path.join(dir, 'u.yaml'), MINIMAL);
    fs.mkdirSync(path.join(dir, 'out'));
    fs.symlinkSync(outside, path.join(dir, 'out', '测试单位'));
    const r = gongwen(['render', 'u.yaml', '--out', 'out', '--format', 'pdf', '--no-system-fonts'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.readdirSync(outside)).toEqual([]);
    expect(fs.lstatSync(path.join(dir, 'out', '测试单位')).isDirectory()).toBe(true);
    expect(fs.readdirSync(path.join(dir, 'out', '测试单位'))).toContain('备案表.pdf');
  });

  it('reports an output folder that cannot be made at once (E_WRITE), never spinning', () => {
    const dir = tmp('proc');
    fs.writeFileSync(path.join(dir, 'u.yaml'), MINIMAL);
    const started = Date.now();
    const r = gongwen(['render', 'u.yaml', '--out', '/proc/gongwen-test/out', '--format', 'pdf', '--no-system-fonts'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E_WRITE');
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
