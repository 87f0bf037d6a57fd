// `gongwen summary` over 50, 200 and 500 generated units: seconds and peak memory of the whole
// process. Units are reduced to rows one at a time, so peak memory should stay nearly flat as the
// count grows (the rows of 500 units are a few MB). Usage: npm run build && node bench/summary.mjs
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateUnits } from './generate-units.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const rows = [];
for (const n of [50, 200, 500]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-bench-summary-'));
  generateUnits(path.join(dir, 'units'), n);
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/gongwen.js'), 'summary', 'units', '--as-of', '2014-02-15', '--out', 'out', '--no-system-fonts'], { cwd: dir, encoding: 'utf8', env: { ...process.env, GONGWEN_STATS: '1' } });
  const stats = JSON.parse(/GONGWEN_STATS (.+)/.exec(r.stderr)?.[1] ?? '{}');
  rows.push({ units: n, seconds: stats.seconds?.toFixed(2), maxRssMB: stats.maxRssMB, summed: stats.units });
  fs.rmSync(dir, { recursive: true, force: true });
}
console.log('| units | summed | seconds | peak RSS (MB) |\n|---|---|---|---|');
for (const r of rows) console.log(`| ${r.units} | ${r.summed} | ${r.seconds} | ${r.maxRssMB} |`);
