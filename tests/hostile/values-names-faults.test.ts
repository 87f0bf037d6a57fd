// Hostile values, names and faults end to end: nothing crashes, escapes --out, or loses text.
import { execFileSync } from 'node:child_process';
import { strFromU8, unzipSync } from 'fflate';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { render } from '../../src/api/render.js';
import { FontBook } from '../../src/fonts/font-book.js';
import { nodeWorld } from '../../src/world/node-world.js';
import type { World } from '../../src/world/world.js';
import { gongwen } from '../support/cli.js';
import { ROOT } from '../support/examples.js';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-hostile-'));

function unit(name: string, text: string, extra = ''): string {
  return `unit: { name: ${JSON.stringify(name)}, issuer: 中共测试委员会, filing_to: 领导小组, date: 2014-01-10 }
problems:
  - id: A
    text: ${JSON.stringify(text)}
    wind: formalism
    scope: collective
measures:
  - { problem: A, action: 精简会议, goal: 减少三成, deadline: 2014-03-31, leader: 张三, department: 办公室 }
${extra}`;
}

const EVIL = [
  '{{constructor.constructor("return process")().exit()}}',
  '{{> partial}} {{#each x}}y{{/each}}',
  '<script>alert(1)</script> & </w:t></w:r> "引号" \'单引号\'',
  '# 不是标题 | 不是 | 表格 |',
  '零宽\u200b字符、组合字符e\u0301、全角　空格',
  'https://example.gov.cn/a/very/long/path/without/any/break/opportunity/at/all/0123456789/abcdefghijklmnopqrstuvwxyz/0123456789',
];

describe('hostile values render safely', () => {
  const dir = tmp();
  const text = EVIL.join('；') + '\u0007控制字符';
  fs.mkdirSync(path.join(dir, 'data'));
  fs.writeFileSync(path.join(dir, 'data/u.yaml'), unit('测试单位', text));
  const r = gongwen(['render', '--no-system-fonts'], dir);

  it('renders, warns about the control character and prints template syntax literally', () => {
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('W_CONTROL_CHAR');
    const xml = strFromU8(unzipSync(fs.readFileSync(path.join(dir, 'out/测试单位/问题清单.docx')))['word/document.xml']!).replace(/&quot;/g, '"');
    expect(xml).toContain('{{constructor.constructor("return process")().exit()}}');
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;/w:t&gt;&lt;/w:r&gt;');
    expect(xml).not.toContain('\u0007');
  });

  it('keeps every character in the PDF text (pdftotext) and draws long URLs inside the page', () => {
    const pdf = path.join(dir, 'out/测试单位/问题清单.pdf');
    execFileSync('qpdf', ['--check', pdf]);
    const got = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const e of EVIL) expect(got, e).toContain(e.replace(/\s+/g, '').replace(/\u200b/g, ''));
    const bbox = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
    const xMax = Math.max(...[...bbox.matchAll(/xMax="([\d.]+)"/g)].map((m) => Number(m[1])));
    expect(xMax).toBeLessThan(841.9);
  });

  it('reports characters no font has (emoji, U+20000) as E_GLYPH naming the data field', () => {
    const d = tmp();
    fs.mkdirSync(path.join(d, 'data'));
    fs.writeFileSync(path.join(d, 'data/u.yaml'), unit('表情单位', '问题😀与𠀀字'));
    const g = gongwen(['render', '--no-system-fonts'], d);
    expect(g.code).toBe(1);
    expect(g.stderr).toMatch(/data\/u\.yaml:4:11 +error +E_GLYPH .*problems\.0\.text/);
    expect(fs.existsSync(path.join(d, 'out/表情单位'))).toBe(false);
  });
});

describe('hostile unit names', () => {
  it('give safe, distinct, readable folders inside --out', () => {
    const dir = tmp();
    const names = ['../../../etc/evil', '..\\..\\windows', 'a:b*c?d"e<f>g|h', 'CON', 'nul', '.hidden', '长'.repeat(300), 'a/b', 'a／b', 'A', 'a'];
    fs.mkdirSync(path.join(dir, 'data'));
    names.forEach((n, i) => fs.writeFileSync(path.join(dir, 'data', `u${String(i).padStart(2, '0')}.yaml`), unit(n, '会议过多')));
    const out = path.join(dir, 'out');
    const r = gongwen(['render', '--format', 'docx', '--no-system-fonts', '--out', out], dir);
    expect(r.code).toBe(0);
    const folders = fs.readdirSync(out).filter((f) => f !== 'manifest.json');
    expect(folders).toHaveLength(names.length);
    expect(new Set(folders.map((f) => f.toLowerCase())).size).toBe(names.length);
    for (const f of folders) {
      expect(f).not.toMatch(/[/\\:*?"<>|]/);
      expect(f.startsWith('.')).toBe(false);
      expect(/^(con|prn|aux|nul)(\..*)?$/i.test(f)).toBe(false);
      expect(Buffer.byteLength(f)).toBeLessThanOrEqual(180);
    }
    // Nothing was written outside --out.
    expect(fs.readdirSync(dir).sort()).toEqual(['data', 'out']);
    expect(fs.existsSync('/etc/evil')).toBe(false);
  });
});

describe('faults', () => {
  /** A world whose disk fills up after `n` writes below `under`. */
  function fullDisk(base: World, under: string, n: number): World {
    let writes = 0;
    return {
      ...base,
      writeAtomic: (p, data) => {
        if (path.resolve(base.cwd, p).includes(under) && ++writes > n) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        base.writeAtomic(p, data);
      },
    };
  }

  it('a full disk fails that unit cleanly, leaves none of its files, and the other units render', async () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, 'data'));
    fs.writeFileSync(path.join(dir, 'data/a.yaml'), unit('甲单位', '会议过多'));
    fs.writeFileSync(path.join(dir, 'data/b.yaml'), unit('乙单位', '文件过多'));
    const world = fullDisk(nodeWorld(dir), '乙单位', 2);
    const s = await render(world, { inputs: ['data'], out: 'out', formats: ['docx', 'pdf'], fonts: FontBook.load(world, { system: false }) });
    const a = s.units.find((u) => u.name === '甲单位')!;
    const b = s.units.find((u) => u.name === '乙单位')!;
    expect(a.failed).toBe(false);
    expect(b.failed).toBe(true);
    expect(b.diagnostics.map((d) => d.code)).toContain('E_WRITE');
    expect(b.diagnostics.find((d) => d.code === 'E_WRITE')!.message).toContain('磁盘空间不足');
    // Nothing of it on disk: not its folder, not a staging folder.
    expect(fs.existsSync(path.join(dir, 'out/乙单位'))).toBe(false);
    expect(fs.readdirSync(path.join(dir, 'out')).filter((f) => f.includes('乙单位'))).toEqual([]);
    expect(s.manifest.every((e) => e.unit === '甲单位')).toBe(true);
  });

  it('a full disk on a re-render leaves the previous outputs and the manifest as they were', async () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, 'data'));
    fs.writeFileSync(path.join(dir, 'data/b.yaml'), unit('乙单位', '文件过多'));
    const fonts = FontBook.load(nodeWorld(dir), { system: false });
    await render(nodeWorld(dir), { inputs: ['data'], out: 'out', formats: ['docx', 'pdf'], fonts });
    const snapshot = () => Object.fromEntries(fs.readdirSync(path.join(dir, 'out/乙单位')).map((f) => [f, fs.readFileSync(path.join(dir, 'out/乙单位', f)).toString('base64')]));
    const before = snapshot();
    const manifest = fs.readFileSync(path.join(dir, 'out/manifest.json'), 'utf8');
    expect(Object.keys(before).length).toBeGreaterThan(5);
    // The data changed, then the disk fills after a few of the new files.
    fs.writeFileSync(path.join(dir, 'data/b.yaml'), unit('乙单位', '文件过多，简报过滥'));
    const s = await render(fullDisk(nodeWorld(dir), '乙单位', 3), { inputs: ['data'], out: 'out', formats: ['docx', 'pdf'], fonts });
    expect(s.units[0]!.failed).toBe(true);
    expect(snapshot()).toEqual(before);
    expect(fs.readFileSync(path.join(dir, 'out/manifest.json'), 'utf8')).toBe(manifest);
    expect(fs.readdirSync(path.join(dir, 'out')).filter((f) => f.startsWith('.') && f !== '.gongwen.lock')).toEqual([]);
  });

  it('a second run into an --out in use is refused, never interleaved', async () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, 'data'));
    fs.writeFileSync(path.join(dir, 'data/a.yaml'), unit('甲单位', '会议过多'));
    fs.mkdirSync(path.join(dir, 'out'));
    // The lock of a run under way: this test process itself, alive.
    fs.writeFileSync(path.join(dir, 'out/.gongwen.lock'), String(process.ppid));
    const r = gongwen(['render', 'data', '--out', 'out', '--format', 'docx'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`输出目录 out 正被另一次 gongwen 运行使用（进程 ${process.ppid}）`);
    expect(fs.readdirSync(path.join(dir, 'out'))).toEqual(['.gongwen.lock']);
    // A lock left by a process that is gone is taken over.
    fs.writeFileSync(path.join(dir, 'out/.gongwen.lock'), '999999999');
    const again = gongwen(['render', 'data', '--out', 'out', '--format', 'docx'], dir);
    expect(again.code, again.stderr).toBe(0);
    expect(fs.existsSync(path.join(dir, 'out/.gongwen.lock'))).toBe(false);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'out/manifest.json'), 'utf8')).files.length).toBe(fs.readdirSync(path.join(dir, 'out/甲单位')).length);
  });

  it('an output folder that cannot be created is a diagnostic, not a crash', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'blocker'), 'a file where the output folder should be');
    const r = gongwen(['render', path.join(ROOT, 'tests/fixtures/good'), '--out', path.join(dir, 'blocker/out'), '--format', 'docx']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E_WRITE');
    expect(r.stderr).not.toContain('内部错误');
  });

  it('a corrupt font of the user falls back to the open font with a warning', () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, 'fonts'));
    fs.writeFileSync(path.join(dir, 'fonts/simfang.ttf'), 'not a font at all');
    const world = nodeWorld(dir);
    const book = FontBook.load(world, { fontDirs: ['fonts'], system: false });
    expect(book.problems.join()).toContain('simfang.ttf');
    expect(book.sources.body.licence).toBe('OFL-1.1');
    const r = gongwen(['render', path.join(ROOT, 'tests/fixtures/good'), '--out', path.join(dir, 'out'), '--fonts', path.join(dir, 'fonts'), '--no-system-fonts']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('W_FONT');
  });

  it('a unit too large for one document fails quickly with E_TOO_LARGE', () => {
    const dir = tmp();
    const rows = Array.from({ length: 2500 }, (_v, i) => `  - { id: P${i}, text: 问题${i}, wind: formalism, scope: collective }`).join('\n');
    fs.writeFileSync(path.join(dir, 'u.yaml'), `unit: { name: 大, issuer: 党组, filing_to: 小组 }\nproblems:\n${rows}\n`);
    const t = Date.now();
    const r = gongwen(['check', path.join(dir, 'u.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('E_TOO_LARGE');
    expect(Date.now() - t).toBeLessThan(15_000);
  });

  it('a 10 MB YAML file fails cleanly, in bounded time and memory', () => {
    const dir = tmp();
    const row = (i: number) => `  - { id: P${i}, text: 问题描述第${i}条，会议多、文件多、调研浮在面上、群众反映强烈的问题久拖不决, wind: formalism, scope: collective }`;
    const rows: string[] = [];
    let size = 0;
    for (let i = 0; size < 10 * 1024 * 1024; i++) {
      rows.push(row(i));
      size += Buffer.byteLength(rows[rows.length - 1]!) + 1;
    }
    fs.mkdirSync(path.join(dir, 'data'));
    fs.writeFileSync(path.join(dir, 'data/u.yaml'), `unit: { name: 大, issuer: 党组, filing_to: 小组 }\nproblems:\n${rows.join('\n')}\n`);
    const t = Date.now();
    const r = gongwen(['render', '--out', path.join(dir, 'out'), '--no-system-fonts'], dir, { GONGWEN_STATS: '1' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E_TOO_LARGE');
    expect(Date.now() - t).toBeLessThan(60_000);
    const stats = JSON.parse(/GONGWEN_STATS (.*)/.exec(r.stderr)![1]!);
    expect(stats.maxRssMB).toBeLessThan(1500);
    expect(fs.readdirSync(path.join(dir, 'out'))).toEqual(['manifest.json']);
  }, 90_000);

  it('YAML nested deeper than any data needs is refused (E_YAML_DEPTH)', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'u.yaml'), `unit:\n  name: ${'['.repeat(200)}x${']'.repeat(200)}\n`);
    const r = gongwen(['check', path.join(dir, 'u.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/E_YAML_DEPTH|E_TYPE/);
    expect(r.stdout).toContain('E_YAML_DEPTH');
  });

  it('a missing default font is a clear E_FONT for the PDF, not a crash', async () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, 'data'));
    fs.writeFileSync(path.join(dir, 'data/a.yaml'), unit('甲单位', '会议过多'));
    const base = nodeWorld(dir);
    // Every way of reading the file fails, as for a file deleted after the catalog saw it.
    const gone = (p: string) => {
      if (p.endsWith('.ttf') && p.includes('noto-sans-sc')) throw new Error('ENOENT: no such file');
    };
    const world: World = {
      ...base,
      readBytes: (p) => (gone(p), base.readBytes(p)),
      readRange: (p, o, n) => (gone(p), base.readRange(p, o, n)),
      readRangesInto: (p, t, r) => (gone(p), base.readRangesInto(p, t, r)),
      fileSize: (p) => (gone(p), base.fileSize(p)),
    };
    const s = await render(world, { inputs: ['data'], out: 'out', formats: ['docx', 'pdf'], fontOptions: { system: false } });
    const d = s.units[0]!.diagnostics.find((x) => x.code === 'E_FONT');
    expect(d?.message).toContain('npm ci');
    expect(s.units[0]!.failed).toBe(true);
  });
});
