// Compiled templates and DOCX skeletons kept in the user's cache folder (template/compiled-store.ts,
// backends/docx/skeleton-store.ts): a second run takes them from there and writes the same bytes; a
// damaged file is compiled again; a template's own errors are reported the same way with the cache as without.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gongwen } from '../support/cli.js';
import { ROOT } from '../support/examples.js';

const project = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-tplcache-'));
  fs.cpSync(path.join(ROOT, 'tests/fixtures/good'), path.join(dir, 'data'), { recursive: true });
  return dir;
};
const files = (dir: string): Record<string, string> =>
  Object.fromEntries(
    fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name !== 'manifest.json')
      .map((e) => [path.relative(dir, path.join(e.parentPath, e.name)), fs.readFileSync(path.join(e.parentPath, e.name)).toString('base64')]),
  );

/**
 * Renders `format` without a cache folder, then three times with one: the first run keeps files in
 * `folder`, the second uses them, the third finds them damaged (`damage`) and compiles again — all
 * four byte-identical. Returns the cache folder's `folder` after the third run.
 */
function keptAcrossRuns(format: string, folder: string, ext: string, damage: string, atLeast: number): string {
  const dir = project();
  const cache = path.join(dir, 'cache');
  const render = (out: string, env: Record<string, string> = { GONGWEN_CACHE_DIR: cache }) => gongwen(['render', 'data', '--out', out, '--format', format, '--no-system-fonts'], dir, env);
  const plain = render('plain', { GONGWEN_CACHE_DIR: '', HOME: path.join(dir, 'nohome'), XDG_CACHE_HOME: '' });
  expect(plain.code, plain.stderr).toBe(0);
  expect(render('first').code).toBe(0);
  const kept = fs.readdirSync(path.join(cache, folder)).filter((f) => f.endsWith(ext));
  expect(kept.length).toBeGreaterThanOrEqual(atLeast);
  expect(render('second').code).toBe(0);
  expect(files(path.join(dir, 'second'))).toEqual(files(path.join(dir, 'first')));
  expect(files(path.join(dir, 'first'))).toEqual(files(path.join(dir, 'plain')));
  for (const f of kept) fs.writeFileSync(path.join(cache, folder, f), damage);
  expect(render('third').code).toBe(0);
  expect(files(path.join(dir, 'third'))).toEqual(files(path.join(dir, 'first')));
  return path.join(cache, folder);
}

describe('compiled templates in the cache folder', () => {
  it('are kept by the first run and used by the next, with byte-identical outputs; a damaged one is compiled again', () => {
    keptAcrossRuns('pdf', 'templates', '.js', '{ not a template', 4);
  }, 120_000);

  it('keep the DOCX skeleton for this build: the next run writes the same bytes without compiling it; a damaged one is compiled again', () => {
    // Keyed by the bundle's build (dist/bundle/build-id.txt, made by npm run build).
    expect(fs.readFileSync(path.join(ROOT, 'dist/bundle/build-id.txt'), 'utf8')).toMatch(/^[0-9a-f]{40}\n$/);
    const kept = keptAcrossRuns('docx', 'docx', '.json', '{"parts": 1}', 1);
    // The damaged ones were replaced by good ones.
    for (const f of fs.readdirSync(kept)) expect(JSON.parse(fs.readFileSync(path.join(kept, f), 'utf8')).parts.length).toBeGreaterThan(5);
  }, 120_000);

  it('reports a template error at its line the same way on a second run', () => {
    const dir = project();
    fs.cpSync(path.join(ROOT, 'templates'), path.join(dir, 'templates'), { recursive: true });
    const file = path.join(dir, 'templates', 'rectification-plan.md.hbs');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8') + '\n{{#each problems}}{{../../../unit.name}}{{/each}}\n');
    const env = { GONGWEN_CACHE_DIR: path.join(dir, 'cache') };
    const runs = [1, 2].map(() => gongwen(['render', 'data', '--out', 'out', '--format', 'pdf', '--no-system-fonts'], dir, env));
    for (const r of runs) {
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/rectification-plan\.md\.hbs:\d+:\d+/);
      expect(r.stderr).toContain('../');
    }
    // The same report, but for how long the unit took.
    const untimed = (t: string) => t.replace(/（[\d.]+ 秒）/g, '');
    expect(untimed(runs[1]!.stderr)).toBe(untimed(runs[0]!.stderr));
  }, 120_000);
});
