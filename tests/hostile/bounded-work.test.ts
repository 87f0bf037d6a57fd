// Bounded work: a small YAML file whose aliases expand to megabytes of text, a template whose nested
// loops would never end, and SIGTERM in the middle of a batch each end promptly with a clear word.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gongwen } from '../support/cli.js';
import { ROOT } from '../support/examples.js';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-bounded-'));
const MINIMAL = fs.readFileSync(path.join(ROOT, 'tests/fixtures/good/minimal.yaml'), 'utf8');

describe('bounded work', () => {
  it('a short file whose aliases expand past the unit\'s text bound is E_TOO_LARGE, at once', () => {
    const dir = tmp();
    const long = '会议'.repeat(9500);
    const lines = ['unit: { name: 别名单位, issuer: 中共别名单位委员会, filing_to: 测试领导小组, date: 2014-01-10 }', 'problems:', `  - { id: P0, text: &t "${long}", wind: formalism, scope: collective }`];
    for (let i = 1; i < 1999; i++) lines.push(`  - { id: P${i}, text: *t, wind: formalism, scope: collective }`);
    lines.push('measures:', '  - { problem: P0, action: 精简会议, goal: 减少, deadline: 2014-03-31, leader: 张三, department: 办公室 }');
    fs.writeFileSync(path.join(dir, 'u.yaml'), lines.join('\n') + '\n');
    expect(fs.statSync(path.join(dir, 'u.yaml')).size).toBeLessThan(400 * 1024);
    const started = Date.now();
    const r = gongwen(['render', 'u.yaml', '--out', 'out', '--format', 'pdf', '--no-system-fonts'], dir);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E_TOO_LARGE  单位数据的文字展开后超过 100 万字');
  }, 60_000);

  it('a template whose nested loops would run for ever stops with E_TEMPLATE', () => {
    const dir = tmp();
    const problems = Array.from({ length: 300 }, (_v, i) => `  - { id: Q${i}, text: 问题${i}, wind: formalism, scope: collective }`).join('\n');
    const measures = Array.from({ length: 300 }, (_v, i) => `  - { problem: Q${i}, action: 措施${i}, goal: 目标, deadline: 2014-03-31, leader: 张三, department: 办公室 }`).join('\n');
    fs.writeFileSync(path.join(dir, 'u.yaml'), `unit: { name: 循环单位, issuer: 中共循环单位委员会, filing_to: 测试领导小组, date: 2014-01-10 }\nproblems:\n${problems}\nmeasures:\n${measures}\n`);
    fs.mkdirSync(path.join(dir, 'templates'));
    fs.writeFileSync(path.join(dir, 'templates', 'problem-list.md.hbs'), '---\ntitle: 问题清单\n---\n\n{{#each @root.problems}}{{#each @root.problems}}{{#each @root.problems}}{{text}}{{/each}}{{/each}}{{/each}}\n');
    const started = Date.now();
    const r = gongwen(['render', 'u.yaml', '--out', 'out', '--only', 'problem-list', '--format', 'docx', '--no-system-fonts'], dir);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E_TEMPLATE  模板循环次数过多');
  }, 60_000);

  it('SIGTERM in the middle of a batch ends the run within a second, leaving only whole files', async () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, 'data'));
    for (let i = 0; i < 40; i++) fs.writeFileSync(path.join(dir, 'data', `u${i}.yaml`), MINIMAL.replace('测试单位', `测试单位${i}`));
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/gongwen.js'), 'render', 'data', '--out', 'out', '--format', 'docx,pdf', '--no-system-fonts'], { cwd: dir, stdio: 'ignore' });
    const exited = new Promise<{ code: number | null; at: number }>((resolve) => child.on('exit', (code) => resolve({ code, at: Date.now() })));
    // Once the first unit is on disk, the batch is under way.
    for (let t = 0; t < 200 && !fs.existsSync(path.join(dir, 'out', '测试单位0')); t++) await new Promise((r) => setTimeout(r, 100));
    const sent = Date.now();
    child.kill('SIGTERM');
    const { code, at } = await exited;
    expect(code).toBe(143);
    expect(at - sent).toBeLessThan(1500);
    const units = fs.readdirSync(path.join(dir, 'out')).filter((f) => f.startsWith('测试单位'));
    expect(units.length).toBeLessThan(40);
    // Every unit folder on disk is whole (staged then swapped in); staging folders are only ever hidden ones.
    for (const u of units) expect(fs.readdirSync(path.join(dir, 'out', u)).filter((f) => f.endsWith('.pdf')).length, u).toBeGreaterThan(3);
    // The next run takes the lock over and cleans what the killed one left.
    const again = gongwen(['render', 'data', '--out', 'out', '--format', 'docx', '--no-system-fonts', '--only', 'problem-list'], dir);
    expect(again.code, again.stderr).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'out')).filter((f) => f.startsWith('.'))).toEqual([]);
  }, 120_000);

  it('two renders into one --out at once: the second is refused and the manifest lists what is on disk', async () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, 'data'));
    for (let i = 0; i < 12; i++) fs.writeFileSync(path.join(dir, 'data', `u${i}.yaml`), MINIMAL.replace('测试单位', `测试单位${i}`));
    const first = spawn(process.execPath, [path.join(ROOT, 'bin/gongwen.js'), 'render', 'data', '--out', 'out', '--format', 'docx,pdf', '--no-system-fonts'], { cwd: dir, stdio: 'ignore' });
    const done = new Promise<number | null>((resolve) => first.on('exit', (code) => resolve(code)));
    for (let t = 0; t < 200 && !fs.existsSync(path.join(dir, 'out', '.gongwen.lock')); t++) await new Promise((r) => setTimeout(r, 50));
    const second = gongwen(['render', 'data', '--out', 'out', '--format', 'docx,pdf', '--no-system-fonts'], dir);
    expect(await done).toBe(0);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('正被另一次 gongwen 运行使用');
    const listed = (JSON.parse(fs.readFileSync(path.join(dir, 'out', 'manifest.json'), 'utf8')) as { files: { path: string }[] }).files.map((f) => f.path).sort();
    const onDisk = fs.readdirSync(path.join(dir, 'out')).filter((u) => u.startsWith('测试单位')).flatMap((u) => fs.readdirSync(path.join(dir, 'out', u)).map((f) => `${u}/${f}`)).sort();
    expect(listed).toEqual(onDisk);
  }, 120_000);
});
