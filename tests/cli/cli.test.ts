import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gongwen } from '../support/cli.js';
import { ROOT } from '../support/examples.js';

const BAD = path.join(ROOT, 'tests/fixtures/bad');
const GOOD = path.join(ROOT, 'tests/fixtures/good');
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-cli-'));

describe('gongwen check', () => {
  for (const f of fs.readdirSync(BAD).filter((x) => x.endsWith('.yaml'))) {
    const file = path.join(BAD, f);
    const [, code, pos] = /# expect: (\S+) (\d+:\d+)/.exec(fs.readFileSync(file, 'utf8'))!;
    it(`${f}: ${code} at ${pos}`, () => {
      const r = gongwen(['check', path.relative(ROOT, file)]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(`tests/fixtures/bad/${f}:${pos}  error  ${code}  `);
      // A code frame points at the line.
      expect(r.stdout).toMatch(new RegExp(`> +${pos.split(':')[0]} \\|`));
    });
  }
  it('passes a valid unit with exit 0', () => {
    const r = gongwen(['check', 'tests/fixtures/good']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 个通过');
  });
  it('prints JSON for editors and CI', () => {
    const r = gongwen(['check', 'tests/fixtures/bad/bad-enum.yaml', '--format', 'json']);
    const j = JSON.parse(r.stdout);
    expect(j.units[0].diagnostics[0]).toMatchObject({ code: 'E_ENUM', line: 10, column: 11, severity: 'error' });
  });
  it('checks the bundled examples clean', () => {
    const r = gongwen(['check']);
    expect(r.stdout).toContain('检查了 2 个单位：2 个通过，错误 0 个');
    expect(r.code).toBe(0);
  });
});

describe('gongwen render', () => {
  it('renders the valid units of a batch even when others are broken, and writes nothing for those', () => {
    const dir = tmp();
    fs.cpSync(BAD, path.join(dir, 'data'), { recursive: true });
    fs.copyFileSync(path.join(GOOD, 'minimal.yaml'), path.join(dir, 'data', 'minimal.yaml'));
    const r = gongwen(['render', 'data', '--out', 'out', '--no-system-fonts'], dir);
    expect(r.code).toBe(1);
    expect(fs.readdirSync(path.join(dir, 'out')).sort()).toEqual(['manifest.json', '测试单位']);
    expect(fs.readdirSync(path.join(dir, 'out', '测试单位')).sort()).toEqual(['备案报告.docx', '备案报告.pdf', '备案材料.pdf', '备案表.docx', '备案表.pdf', '整改公示.docx', '整改公示.pdf', '整改方案.docx', '整改方案.pdf', '整改方案印发通知.docx', '整改方案印发通知.pdf', '问题清单.docx', '问题清单.pdf']);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'out/manifest.json'), 'utf8'));
    for (const e of manifest.files) {
      const bytes = fs.readFileSync(path.join(dir, 'out', e.path));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(e.sha256);
      expect(e.sources).toContain('data/minimal.yaml');
    }
    expect(r.stderr).toContain('共 7 个单位，成功 1 个，失败 6 个');
    // No temporary files are left behind.
    expect(fs.readdirSync(path.join(dir, 'out', '测试单位')).some((n) => n.includes('.tmp'))).toBe(false);
    // Broken copies of the unit claim no folder name, whether units are named as they are rendered
    // (one thread) or all before rendering (workers): the good unit is 测试单位, not 测试单位（2）.
    expect(gongwen(['render', 'data', '--out', 'out2', '--no-system-fonts', '--jobs', '2'], dir).code).toBe(1);
    expect(fs.readdirSync(path.join(dir, 'out2')).sort()).toEqual(['manifest.json', '测试单位']);
  });

  it('gives identical bytes on a second run in a new process', () => {
    const a = tmp();
    const b = tmp();
    expect(gongwen(['render', '--out', a, '--no-system-fonts']).code).toBe(0);
    expect(gongwen(['render', '--out', b, '--no-system-fonts']).code).toBe(0);
    const ma = fs.readFileSync(path.join(a, 'manifest.json'), 'utf8');
    expect(ma).toBe(fs.readFileSync(path.join(b, 'manifest.json'), 'utf8'));
    expect(JSON.parse(ma).files.length).toBe(42);
  });

  it('--only limits the documents, and a project template overrides the built-in one', () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, 'templates'));
    fs.writeFileSync(path.join(dir, 'templates/filing-form.md.hbs'), '---\ntitle: 自定义备案表\n---\n{{unit.name}}自定义\n');
    fs.cpSync(GOOD, path.join(dir, 'data'), { recursive: true });
    const r = gongwen(['render', '--only', 'filing-form'], dir);
    expect(r.code).toBe(0);
    const m = JSON.parse(fs.readFileSync(path.join(dir, 'out/manifest.json'), 'utf8'));
    expect(m.files.map((f: { path: string }) => f.path)).toEqual(['测试单位/备案表.docx', '测试单位/备案表.pdf']);
    expect(m.files[0].sources).toContain('templates/filing-form.md.hbs');
  });

  it('reports a template error with the template file and line, and fails that unit', () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, 'templates'));
    fs.writeFileSync(path.join(dir, 'templates/filing-form.md.hbs'), '---\ntitle: 表\n---\n正文\n{{unit.nmae}}\n');
    fs.cpSync(GOOD, path.join(dir, 'data'), { recursive: true });
    const r = gongwen(['render'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('templates/filing-form.md.hbs:5:');
    expect(r.stderr).toContain('E_TEMPLATE');
    expect(fs.existsSync(path.join(dir, 'out/测试单位'))).toBe(false);
  });

  it('exits 2 on bad usage', () => {
    expect(gongwen(['render', '--format', 'odt']).code).toBe(2);
    expect(gongwen(['render', '--only', 'nope']).code).toBe(2);
    expect(gongwen(['frobnicate']).code).toBe(2);
  });
});

describe('gongwen schema / templates', () => {
  it('prints a JSON Schema that accepts Chinese keys and values', () => {
    const s = JSON.parse(gongwen(['schema']).stdout);
    expect(s.properties['问题清单'].items.properties['四风类别'].enum).toContain('形式主义');
    expect(s.properties.unit.properties.name.description).toContain('必填');
  });
  it('lists the built-in templates', () => {
    const out = gongwen(['templates']).stdout;
    for (const id of ['rectification-plan', 'problem-list', 'campaign-plan', 'institution-plan', 'lookback-report', 'filing-form']) expect(out).toContain(id);
  });
});
