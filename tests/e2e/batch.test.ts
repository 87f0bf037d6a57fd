// Batches as an office runs them: the filing packet, parallel workers, shards, and a run killed midway.
import { spawn, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JS helper shared with the benchmarks
import { generateUnits } from '../../bench/generate-units.mjs';
import { gongwen } from '../support/cli.js';
import { ROOT } from '../support/examples.js';
import { pageCount } from '../support/poppler.js';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-batch-'));
const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');

/** Waits (at most a minute) until the running batch's manifest lists at least `n` files. */
async function waitForManifest(manifest: string, n: number): Promise<void> {
  const t0 = Date.now();
  while (Date.now() - t0 < 60_000) {
    await new Promise((r) => setTimeout(r, 20));
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).files.length >= n) return;
  }
}

/**
 * A render of `units` generated units (enough that it cannot finish between the manifest poll and
 * the signal), sent `signal` once its manifest lists `after` files.
 */
async function interruptedBatch(units: number, after: number, signal: NodeJS.Signals, args: string[] = []) {
  const many = tmp();
  generateUnits(many, units);
  const out = tmp();
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/gongwen.js'), 'render', many, '--out', out, '--no-system-fonts', ...args], { stdio: 'ignore' });
  const manifest = path.join(out, 'manifest.json');
  await waitForManifest(manifest, after);
  child.kill(signal);
  const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
  return { many, out, manifest, code };
}

/** Every document file below `dir` with its hash, relative paths sorted. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const unit of fs.readdirSync(dir)) {
    const d = path.join(dir, unit);
    if (!fs.statSync(d).isDirectory()) continue;
    for (const f of fs.readdirSync(d)) out[`${unit}/${f}`] = sha(path.join(d, f));
  }
  return out;
}

describe('filing packet', () => {
  const out = tmp();
  const r = gongwen(['render', '--out', out, '--no-system-fonts']);
  const unit = path.join(out, '上海市某某委员会');
  const packet = path.join(unit, '备案材料.pdf');
  const parts = ['备案表', '整改方案', '专项整治方案1（公务用车“小号牌”清理）', '专项整治方案2（文山会海专项整治）', '制度建设计划'];

  it('is valid and has exactly the pages of its parts, in order', () => {
    expect(r.code).toBe(0);
    expect(execFileSync('qpdf', ['--check', packet], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors');
    const pages = parts.map((p) => pageCount(path.join(unit, `${p}.pdf`)));
    expect(pageCount(packet)).toBe(pages.reduce((a, b) => a + b, 0));
  });

  it('has one bookmark per enclosed document, pointing at its first page, with its headings beneath', () => {
    const o = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', packet], { encoding: 'utf8' })).outlines;
    expect(o.map((e: { title: string }) => e.title)).toEqual(parts);
    let first = 1;
    parts.forEach((p, i) => {
      expect(o[i].destpageposfrom1).toBe(first);
      first += pageCount(path.join(unit, `${p}.pdf`));
    });
    expect(o[1].kids[0].title).toBe('一、总体要求');
  });

  it('labels pages per document and lists every enclosed document with its page count on the 备案表', () => {
    const labels = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=pagelabels', packet], { encoding: 'utf8' })).pagelabels;
    expect(labels.map((l: { label: { '/P': string } }) => l.label['/P'])).toEqual(parts.map((p) => `u:${p}-`));
    const form = execFileSync('pdftotext', ['-f', '1', '-l', '1', packet, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    parts.slice(1).forEach((p, i) => expect(form).toContain(`${i + 1}.${p}（${pageCount(path.join(unit, `${p}.pdf`))}页）`));
    expect(execFileSync('pdfinfo', [packet], { encoding: 'utf8' })).toContain('Title:           上海市某某委员会备案材料');
  });
});

describe('batches', () => {
  const data = tmp();
  generateUnits(data, 6);

  it('renders the same bytes with --jobs 2 as with --jobs 1', () => {
    const a = tmp();
    const b = tmp();
    expect(gongwen(['render', data, '--out', a, '--no-system-fonts', '--jobs', '1']).code).toBe(0);
    expect(gongwen(['render', data, '--out', b, '--no-system-fonts', '--jobs', '2']).code).toBe(0);
    expect(tree(b)).toEqual(tree(a));
    expect(Object.keys(tree(a))).toHaveLength(6 * 27);
    expect(fs.readFileSync(path.join(b, 'manifest.json'), 'utf8')).toBe(fs.readFileSync(path.join(a, 'manifest.json'), 'utf8'));
  }, 180_000);

  it('--shard 1/3, 2/3 and 3/3 together give the files of one unsharded run, byte for byte', () => {
    const whole = tmp();
    const sharded = tmp();
    expect(gongwen(['render', data, '--out', whole, '--no-system-fonts', '--format', 'docx']).code).toBe(0);
    for (const k of [1, 2, 3]) expect(gongwen(['render', data, '--out', sharded, '--no-system-fonts', '--format', 'docx', '--shard', `${k}/3`]).code).toBe(0);
    expect(tree(sharded)).toEqual(tree(whole));
    const entries = (f: string) => JSON.parse(fs.readFileSync(f, 'utf8')).files;
    const union = [1, 2, 3].flatMap((k) => entries(path.join(sharded, `manifest.shard-${k}-of-3.json`)));
    union.sort((x: { path: string }, y: { path: string }) => (x.path < y.path ? -1 : 1));
    expect(union).toEqual(entries(path.join(whole, 'manifest.json')));
  }, 180_000);

  it('killed midway (SIGKILL) leaves no partial file and a manifest that lists only complete files', async () => {
    // Kill once a few units are written, while others are being written.
    const UNITS = 30;
    const { many, out, manifest } = await interruptedBatch(UNITS, 30, 'SIGKILL', ['--jobs', '2']);
    const m = JSON.parse(fs.readFileSync(manifest, 'utf8'));
    expect(m.files.length).toBeGreaterThanOrEqual(30);
    expect(m.files.length).toBeLessThan(UNITS * 27);
    for (const e of m.files) expect(sha(path.join(out, e.path)), e.path).toBe(e.sha256);
    // Every .pdf and .docx on disk is whole: qpdf accepts the PDFs, unzip the DOCX.
    for (const [f] of Object.entries(tree(out))) {
      const file = path.join(out, f);
      if (f.endsWith('.pdf')) execFileSync('qpdf', ['--check', file], { stdio: 'ignore' });
      else if (f.endsWith('.docx')) execFileSync('unzip', ['-tq', file], { stdio: 'ignore' });
      else expect(f, 'only finished .pdf/.docx or hidden temporaries').toMatch(/\/\..+\.tmp$/);
    }
    // The next run cleans up after the killed one and completes the batch.
    expect(gongwen(['render', many, '--out', out, '--no-system-fonts', '--jobs', '2']).code).toBe(0);
    expect(Object.keys(tree(out)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(JSON.parse(fs.readFileSync(manifest, 'utf8')).files).toHaveLength(UNITS * 27);
  }, 240_000);

  it('Ctrl-C (SIGINT) finishes the units under way, writes the manifest and exits 130', async () => {
    const UNITS = 40;
    const { out, manifest, code } = await interruptedBatch(UNITS, 10, 'SIGINT');
    expect(code).toBe(130);
    const m = JSON.parse(fs.readFileSync(manifest, 'utf8'));
    expect(m.files.length).toBeLessThan(UNITS * 27);
    const onDisk = Object.keys(tree(out)).sort();
    // After a clean stop the manifest lists exactly what is on disk.
    expect(m.files.map((e: { path: string }) => e.path).sort()).toEqual(onDisk);
    for (const e of m.files) expect(sha(path.join(out, e.path))).toBe(e.sha256);
  }, 120_000);
});
