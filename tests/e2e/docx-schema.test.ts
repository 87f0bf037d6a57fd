// Every DOCX of the kinds' example units and the summary report against the ECMA-376 transitional
// schemas (shared/ooxml/validate-docx.py, the closest check of Word's “unreadable content” here).
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gongwen } from '../support/cli.js';
import { ROOT } from '../support/examples.js';

const VALIDATOR = path.join(ROOT, '..', 'shared', 'ooxml', 'validate-docx.py');

describe('DOCX schema', () => {
  it('every kind document and the summary report are valid WordprocessingML', () => {
    expect(fs.existsSync(VALIDATOR), VALIDATOR).toBe(true);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-schema-'));
    expect(gongwen(['render', 'kinds/examples', '--out', path.join(dir, 'out'), '--format', 'docx', '--as-of', '2025-10-15', '--no-system-fonts']).code).toBe(0);
    expect(gongwen(['summary', 'kinds/examples', '--out', path.join(dir, 'summary'), '--format', 'docx', '--as-of', '2025-10-15']).code).toBe(0);
    const files = execFileSync('find', [dir, '-name', '*.docx'], { encoding: 'utf8' }).trim().split('\n');
    expect(files.length).toBeGreaterThan(40);
    const r = spawnSync('/usr/bin/python3', [VALIDATOR, ...files], { encoding: 'utf8' });
    expect(r.stdout + r.stderr, 'validate-docx.py').not.toMatch(/FAIL|Traceback/);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('ok ')).length).toBe(files.length);
    expect(r.status).toBe(0);
  }, 180_000);
});
