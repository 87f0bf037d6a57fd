// Fonts as offices have them, with Debian's real CJK font packages (fonts-noto-cjk: CFF
// collections; fonts-arphic-gkai00mp, -gbsn00lp: TrueType; fonts-hanazono: Extension B): found by
// their own names under any file name, folder precedence, the gongwen.yaml override, a corrupt
// file, fallback by coverage with W_FONT_FALLBACK, CFF subsets drawn like the whole fonts, and the
// DOCX naming the faces the PDF used.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FontBook } from '../../src/fonts/font-book.js';
import { scanCatalog } from '../../src/fonts/font-catalog.js';
import { glyfSource } from '../../src/fonts/truetype-subset.js';
import { nodeWorld } from '../../src/world/node-world.js';
import { gongwen } from '../support/cli.js';
import { fontPrograms } from '../support/pdf-inspect.js';
import { ROOT, exampleDocs } from '../support/examples.js';
import { compareSubsetInk } from '../support/ink.js';

const SYS = {
  kai: '/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf',
  sung: '/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf',
  serif: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
  sans: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  hanaB: '/usr/share/fonts/truetype/hanazono/HanaMinB.ttf',
};

interface FontsJson {
  roles: { role: string; file: string; index: number; family: string | null; why: string }[];
  warnings: string[];
}

let work: string;
let env: Record<string, string>;

/** A project folder with `fonts` copied in under the given names and optional gongwen.yaml. */
function project(name: string, fonts: Record<string, string>, config?: string): string {
  const dir = path.join(work, name);
  fs.mkdirSync(path.join(dir, 'fonts'), { recursive: true });
  for (const [file, from] of Object.entries(fonts)) fs.copyFileSync(from, path.join(dir, 'fonts', file));
  if (config) fs.writeFileSync(path.join(dir, 'gongwen.yaml'), config);
  return dir;
}

function fontsJson(dir: string, extra: string[] = []): FontsJson {
  const r = gongwen(['fonts', '--json', ...extra], dir, env);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}
const role = (j: FontsJson, r: string) => j.roles.find((x) => x.role === r)!;

beforeAll(() => {
  for (const f of Object.values(SYS)) expect(fs.existsSync(f), `${f} (CI installs the Debian font packages)`).toBe(true);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-fonts-'));
  // A home of our own: its per-user font folder and the catalog cache are the test's.
  const home = path.join(work, 'home');
  fs.mkdirSync(path.join(home, '.local', 'share', 'fonts'), { recursive: true });
  env = { HOME: home, XDG_DATA_HOME: '', XDG_CACHE_HOME: '', GONGWEN_CACHE_DIR: path.join(work, 'cache') };
  delete process.env.XDG_DATA_HOME;
});

describe('the font catalog', () => {
  it('finds faces by their own names under any file name, collections and CFF included', () => {
    // A 楷体 under a 仿宋 file name, CFF collections under 宋体/黑体 file names, no extension case.
    const dir = project('names', { 'simfang (1).ttf': SYS.kai, '宋体.ttc': SYS.serif, 'STHeiti Medium.TTC': SYS.sans });
    const j = fontsJson(dir, ['--no-system-fonts']);
    expect(role(j, 'heading2')).toMatchObject({ file: path.join('fonts', 'simfang (1).ttf'), family: 'AR PL KaitiM GB' });
    expect(role(j, 'pageNumber')).toMatchObject({ file: path.join('fonts', '宋体.ttc'), index: 2, family: 'Noto Serif CJK SC' });
    expect(role(j, 'heading1')).toMatchObject({ file: path.join('fonts', 'STHeiti Medium.TTC'), index: 2, family: 'Noto Sans CJK SC' });
    // No 仿宋 among them: the body keeps the open default, whatever the file names say.
    expect(role(j, 'body').file).toMatch(/NotoSerifSC_400Regular\.ttf$/);
    expect(role(j, 'heading2').why).toContain('AR PL KaitiM GB');
  });

  it('prefers the project folder to the user folder, and the user folder to the system', () => {
    fs.copyFileSync(SYS.sung, path.join(env.HOME!, '.local', 'share', 'fonts', 'my-sung.ttf'));
    try {
      // SungtiL comes before Noto Serif CJK in the 宋体 list, but the project's folder wins.
      const withProject = fontsJson(project('tiers', { 'x.ttc': SYS.serif }));
      expect(role(withProject, 'pageNumber').file).toBe(path.join('fonts', 'x.ttc'));
      // Without it, the user's copy of SungtiL wins over the system's own (/usr/share/fonts).
      const userOnly = fontsJson(project('tiers-user', {}));
      expect(role(userOnly, 'pageNumber').file).toBe(path.join(env.HOME!, '.local', 'share', 'fonts', 'my-sung.ttf'));
      expect(role(userOnly, 'heading2').file).toBe(SYS.kai);
    } finally {
      fs.rmSync(path.join(env.HOME!, '.local', 'share', 'fonts', 'my-sung.ttf'));
    }
  });

  it('takes the fonts gongwen.yaml names per role, by family or by file and face index', () => {
    const dir = project('override', { 'a.ttf': SYS.kai, 'b.ttc': SYS.serif }, 'font_roles:\n  正文: AR PL KaitiM GB\n  页码:\n    文件: fonts/b.ttc\n    序号: 3\n');
    const j = fontsJson(dir, ['--no-system-fonts']);
    expect(role(j, 'body')).toMatchObject({ file: path.join('fonts', 'a.ttf'), family: 'AR PL KaitiM GB' });
    expect(role(j, 'heading3').file).toBe(path.join('fonts', 'a.ttf'));
    expect(role(j, 'pageNumber')).toMatchObject({ file: path.join('fonts', 'b.ttc'), index: 3, family: 'Noto Serif CJK TC' });
    expect(role(j, 'body').why).toContain('gongwen.yaml');
  });

  it('skips a corrupt font file with a warning naming it, and changes nothing else', () => {
    const good = fontsJson(project('corrupt-before', { 'k.ttf': SYS.kai }), ['--no-system-fonts']);
    const dir = project('corrupt', { 'k.ttf': SYS.kai });
    const bad = Buffer.from(fs.readFileSync(SYS.kai).subarray(0, 4096));
    bad.writeUInt32BE(0xffffffff, 12 + 8); // the first table's offset: far past the end
    fs.writeFileSync(path.join(dir, 'fonts', '坏字体.ttf'), bad);
    fs.writeFileSync(path.join(dir, 'fonts', '空.otf'), '');
    const j = fontsJson(dir, ['--no-system-fonts']);
    expect(j.roles.map((r) => [r.role, r.file])).toEqual(good.roles.map((r) => [r.role, r.file]));
    expect(j.warnings.join('\n')).toMatch(/坏字体\.ttf/);
    expect(j.warnings.join('\n')).toMatch(/空\.otf/);
    const r = gongwen(['render', path.join(ROOT, 'data', '市某某委员会.yaml'), '--out', path.join(dir, 'out'), '--format', 'pdf', '--only', 'rectification-plan', '--no-system-fonts'], dir, env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/W_FONT .*坏字体\.ttf/);
  });

  it('opens a role font without reading its glyph outlines, and reads a glyph when it is embedded', () => {
    const world = nodeWorld(ROOT);
    let read = 0;
    const counted = {
      ...world,
      readBytes: (p: string) => ((read += world.fileSize(p)), world.readBytes(p)),
      readRangesInto: (p: string, t: Uint8Array, r: readonly { offset: number; length: number }[]) => ((read += r.reduce((n, x) => n + x.length, 0)), world.readRangesInto(p, t, r)),
    };
    const book = FontBook.load(counted, { system: false });
    const body = book.roles.body;
    expect(body.fill).toBeDefined();
    // Noto Serif SC: 15 MB, of which glyf is 14 MB; what layout needs is well under 1 MB.
    const faces = new Set(Object.values(book.roles));
    const total = [...faces].reduce((n, f) => n + f.bytes.length, 0);
    expect(read).toBeLessThan(total / 10);
    const gid = body.glyphId('整'.codePointAt(0)!);
    const src = glyfSource(body)!;
    const [start, end] = [src.loca[gid]!, src.loca[gid + 1]!];
    expect(body.bytes.subarray(start, end).some((b) => b !== 0)).toBe(false); // not read yet
    src.load([gid]);
    const whole = fs.readFileSync(body.source.file);
    expect(Buffer.from(body.bytes.subarray(start, end)).equals(whole.subarray(start, end))).toBe(true);
    // The preview serves the whole program: byte for byte the file.
    expect(Buffer.from(body.wholeBytes()).equals(whole)).toBe(true);
  });

  it('is cached: a second scan reads no font file (and a changed file is read again)', () => {
    const world = nodeWorld(project('cache', { 'k.ttf': SYS.kai }));
    process.env.GONGWEN_CACHE_DIR = path.join(work, 'cache-own');
    try {
      const reads: string[] = [];
      const counted = { ...world, readRange: (p: string, o: number, n: number) => (reads.push(p), world.readRange(p, o, n)) };
      const scan = () => scanCatalog(counted, ['fonts'], { system: false, platform: process.platform });
      scan();
      expect(reads.length).toBeGreaterThan(0);
      reads.length = 0;
      scan();
      expect(reads).toEqual([]);
      fs.utimesSync(path.join(world.cwd, 'fonts', 'k.ttf'), new Date(2020, 0, 1), new Date(2020, 0, 1));
      scan();
      expect(reads.some((p) => p.endsWith('k.ttf'))).toBe(true);
    } finally {
      delete process.env.GONGWEN_CACHE_DIR;
    }
  });

  it('reads its cache only when there is a font to look up, and drops the files gone since', () => {
    const dir = project('cache-prune', { 'k.ttf': SYS.kai, 'h.ttf': SYS.kai });
    const world = nodeWorld(dir);
    const cacheDir = path.join(work, 'cache-prune-own');
    process.env.GONGWEN_CACHE_DIR = cacheDir;
    try {
      const texts: string[] = [];
      const counted = { ...world, readText: (p: string) => (texts.push(p), world.readText(p)) };
      const cached = () => Object.keys((JSON.parse(fs.readFileSync(path.join(cacheDir, 'font-catalog.json'), 'utf8')) as { files: object }).files).map((f) => path.basename(f));
      scanCatalog(counted, ['fonts'], { system: false, platform: process.platform });
      expect(cached().sort()).toEqual(['h.ttf', 'k.ttf']);
      // No fonts folder and no system fonts: the cache is not even read.
      texts.length = 0;
      scanCatalog(counted, ['no-such-folder'], { system: false, platform: process.platform });
      expect(texts.filter((t) => t.endsWith('font-catalog.json'))).toEqual([]);
      // A font removed, another changed: the next scan that writes the cache leaves the removed one out.
      fs.rmSync(path.join(dir, 'fonts', 'h.ttf'));
      fs.utimesSync(path.join(dir, 'fonts', 'k.ttf'), new Date(2020, 0, 1), new Date(2020, 0, 1));
      scanCatalog(counted, ['fonts'], { system: false, platform: process.platform });
      expect(cached()).toEqual(['k.ttf']);
    } finally {
      delete process.env.GONGWEN_CACHE_DIR;
    }
  });

  it('never dies on a closed pipe', () => {
    const out = execFileSync('bash', ['-c', `node ${path.join(ROOT, 'bin', 'gongwen.js')} fonts | head -1`], { cwd: ROOT, env: { ...process.env, ...env } }).toString();
    expect(out.trim().length).toBeGreaterThan(0);
    const r = execFileSync('bash', ['-c', `node ${path.join(ROOT, 'bin', 'gongwen.js')} fonts 2>&1 >/dev/null | head -1; echo "rc=\${PIPESTATUS[0]}"`], { cwd: ROOT, env: { ...process.env, ...env } }).toString();
    expect(r).toContain('rc=0');
  });
});

describe('fallback by coverage', () => {
  const RARE = '𠀀'; // U+20000, Extension B
  const RARE2 = '𪚥'; // U+2A6A5
  let dir: string;
  beforeAll(() => {
    dir = path.join(work, 'rare');
    fs.mkdirSync(path.join(dir, 'data'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'data', 'u.yaml'),
      `unit:\n  name: 测试单位\n  issuer: 中共测试单位委员会\n  filing_to: 领导小组\n  date: 2014-01-10\nproblems:\n  - text: 干部张${RARE}${RARE2}反映会议过多\n    wind: 形式主义\n    scope: 班子\nmeasures:\n  - problem: [1]\n    action: 精简会议\n    goal: 会议减少三成\n    deadline: 2014-06-30\n    leader: 张三\n    department: 办公室\n`,
    );
  });

  it('draws a character no role font has in a catalog face that has it, with W_FONT_FALLBACK naming character, field and face', () => {
    const r = gongwen(['render', '--out', 'out', '--format', 'pdf,docx', '--only', 'problem-list'], dir, env);
    expect(r.code, r.stderr).toBe(0);
    // fonts-hanazono's 花園明朝 (HanaMinA/B) is the one installed face with Extension B.
    expect(r.stderr).toMatch(new RegExp(`W_FONT_FALLBACK +字符“${RARE}”（U\\+20000）.*改用 花園明朝[AB]（数据字段 problems\\.0\\.text）`));
    expect(r.stderr).toMatch(/U\+2A6A5/);
    const pdf = path.join(dir, 'out', '测试单位', '问题清单.pdf');
    const fonts = execFileSync('pdffonts', [pdf]).toString();
    const hana = fonts.split('\n').find((l) => /HanaMin[AB]/.test(l))!;
    expect(hana).toMatch(/yes +yes +yes/);
    expect(execFileSync('qpdf', ['--check', pdf]).toString()).toMatch(/No syntax or stream encoding errors/);
    expect(execFileSync('pdftotext', [pdf, '-']).toString()).toContain(`张${RARE}${RARE2}`);
  });

  it('gives E_GLYPH with a hint when no installed face has the character', () => {
    const r = gongwen(['render', '--out', 'out2', '--format', 'pdf', '--only', 'problem-list', '--no-system-fonts'], dir, env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/data\/u\.yaml:7:\d+ +error +E_GLYPH .*problems\.0\.text/);
    expect(r.stderr).toMatch(/提示：安装一款含有该字的字体/);
  });
});

/** Per CFF file: glyphs, bytes, global and local subroutines, after drawing every glyph (fontTools). */
const CFF_CHECK = `
import io, os, sys
from fontTools.cffLib import CFFFontSet
from fontTools.pens.boundsPen import BoundsPen
for p in sys.argv[1:]:
    cff = CFFFontSet()
    with open(p, 'rb') as f:
        cff.decompile(io.BytesIO(f.read()), None)
    top = cff[cff.fontNames[0]]
    cs = top.CharStrings
    for name in cs.keys():
        cs[name].draw(BoundsPen(cs))
    local = sum(len(getattr(fd.Private, 'Subrs', []) or []) for fd in getattr(top, 'FDArray', []))
    print(p, len(cs.keys()), os.path.getsize(p), len(cff.GlobalSubrs), local)
`;

describe('CFF collections in the PDF and the DOCX', () => {
  it('subsets Noto CJK (CFF, from a .ttc) so that every line has the ink of the whole font', async () => {
    const dir = project('cff', { '宋体.ttc': SYS.serif, '黑体.ttc': SYS.sans });
    const book = FontBook.load(nodeWorld(dir), { fontDirs: ['fonts'], system: false });
    expect(book.sources.heading1.outlines).toBe('cff');
    const doc = exampleDocs().docs.find((d) => d.doc.id === 'rectification-plan')!.doc;
    const { lines, subset } = await compareSubsetInk(doc, book);
    expect(lines).toBeGreaterThan(50);
    const fonts = execFileSync('pdffonts', [subset]).toString();
    expect(fonts).toMatch(/\+NotoSansCJKsc-Regular +CID Type 0C +Identity-H +yes +yes +yes/);
    // Each CFF program carries only its glyphs: no subroutines (inlined), ≤ 1,500 bytes a glyph, as
    // fontTools reads it (every charstring decompiled and drawn).
    const files = fontPrograms(subset, 'FontFile3', dir);
    expect(files.length).toBeGreaterThanOrEqual(1);
    const out = execFileSync('/usr/bin/python3', ['-c', CFF_CHECK, ...files]).toString().trim().split('\n');
    expect(out).toHaveLength(files.length);
    for (const line of out) {
      const [, glyphs, bytes, gsubrs, lsubrs] = line.split(' ').map(Number);
      expect(gsubrs, line).toBe(0);
      expect(lsubrs, line).toBe(0);
      expect(bytes! / glyphs!, line).toBeLessThanOrEqual(1500);
    }
  }, 180_000);

  it('names in the DOCX the faces the PDF used, and the standard names without the user fonts', () => {
    const dir = project('docx', { 'h.ttc': SYS.sans, 'k.ttf': SYS.kai });
    const args = ['render', path.join(ROOT, 'data', '市某某委员会.yaml'), '--format', 'docx', '--only', 'rectification-plan'];
    expect(gongwen([...args, '--out', 'a', '--no-system-fonts'], dir, env).code).toBe(0);
    // The role's fonts are named in its character style (styles.xml).
    const xml = execFileSync('unzip', ['-p', path.join(dir, 'a', '上海市某某委员会', '整改方案.docx'), 'word/styles.xml']).toString();
    expect(xml).toContain('w:eastAsia="Noto Sans CJK SC"');
    expect(xml).toContain('w:eastAsia="AR PL KaitiM GB"');
    expect(xml).not.toContain('w:eastAsia="黑体"');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"'); // no 仿宋 installed: the standard name
    const plain = project('docx-plain', {});
    expect(gongwen([...args, '--out', 'b', '--no-system-fonts'], plain, env).code).toBe(0);
    const std = execFileSync('unzip', ['-p', path.join(plain, 'b', '上海市某某委员会', '整改方案.docx'), 'word/styles.xml']).toString();
    expect(std).toContain('w:eastAsia="黑体"');
  });
});

describe('the unpacked-font cache', () => {
  it('keeps a WOFF font unpacked in the cache folder, reuses it, and rebuilds it when corrupt', () => {
    const cache = path.join(work, 'woff-cache');
    process.env.GONGWEN_CACHE_DIR = cache;
    try {
      const world = nodeWorld(ROOT);
      const first = FontBook.load(world, { system: false });
      const dir = path.join(cache, 'sfnt');
      const files = fs.readdirSync(dir);
      expect(files).toHaveLength(1); // LXGW WenKai, the one WOFF among the defaults
      const file = path.join(dir, files[0]!);
      const bytes = fs.readFileSync(file);
      const stamp = fs.statSync(file).mtimeMs;
      // Reused: not written again, and the same glyphs come out of it.
      const second = FontBook.load(world, { system: false });
      expect(fs.statSync(file).mtimeMs).toBe(stamp);
      expect(second.roles.heading2.glyphId(0x697c)).toBe(first.roles.heading2.glyphId(0x697c));
      // Corrupt (cut short): never trusted, unpacked again and rewritten whole.
      fs.writeFileSync(file, bytes.subarray(0, 1000));
      const third = FontBook.load(world, { system: false });
      expect(third.roles.heading2.glyphId(0x697c)).toBe(first.roles.heading2.glyphId(0x697c));
      expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    } finally {
      delete process.env.GONGWEN_CACHE_DIR;
    }
  });
});
