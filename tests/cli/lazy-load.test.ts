// Each command loads only the libraries its answer needs (issue 14: a cold start pays for every
// package it imports): `--help` and `check` no PDF, DOCX, font or spreadsheet code, a PDF render no
// DOCX or spreadsheet code. Run on the compiled modules, where each import is visible to a hook.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/examples.js';

function packagesLoaded(args: string[]): Set<string> {
  const record = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-lazy-')), 'packages.txt');
  fs.writeFileSync(record, '');
  const r = spawnSync(process.execPath, ['--import', path.join(ROOT, 'tests/support/record-packages.mjs'), path.join(ROOT, 'bin/gongwen.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, GONGWEN_BUNDLE: '0', GONGWEN_RECORD: record },
  });
  expect(r.status, r.stderr).toBe(0);
  return new Set(fs.readFileSync(record, 'utf8').split('\n').filter(Boolean));
}

const HEAVY = ['exceljs', 'docx', 'pdf-lib', 'fontkit', 'piscina', 'handlebars'];

describe('commands load only what they need', () => {
  it('--help loads none of the heavy libraries', () => {
    const got = packagesLoaded(['--help']);
    for (const p of HEAVY) expect(got.has(p), p).toBe(false);
  });

  it('check loads the YAML parser but no PDF, DOCX, font, spreadsheet or worker code', () => {
    const got = packagesLoaded(['check', 'data/市某某委员会.yaml']);
    expect(got.has('yaml')).toBe(true); // the hook sees imports: this is what makes the test live
    for (const p of HEAVY) expect(got.has(p), p).toBe(false);
  });

  it('a PDF render loads pdf-lib and fontkit, not docx or exceljs', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-lazy-out-'));
    const got = packagesLoaded(['render', 'data/市某某委员会.yaml', '--only', 'rectification-plan', '--format', 'pdf', '--out', out, '--no-system-fonts']);
    expect(got.has('pdf-lib') && got.has('fontkit')).toBe(true);
    for (const p of ['docx', 'exceljs', 'piscina']) expect(got.has(p), p).toBe(false);
  });
});
