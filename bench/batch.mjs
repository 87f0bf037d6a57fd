// Batch benchmark: N generated units (all documents, both formats) at --jobs 1 and --jobs 2,
// wall time, units per second, peak RSS — both runs in one invocation so the ratio holds.
// Usage: node bench/batch.mjs [units=200]
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateUnits } from './generate-units.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const n = Number(process.argv[2] ?? 200);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-bench-'));
generateUnits(path.join(dir, 'data'), n);

function run(jobs) {
  const out = path.join(dir, `out-${jobs}`);
  // Through a shell: a child forked from this process would report this process's RSS as its own peak.
  const r = spawnSync('/bin/sh', ['-c', '"$@" & wait $!', 'sh', process.execPath, path.join(ROOT, 'bin/gongwen.js'), 'render', path.join(dir, 'data'), '--out', out, '--jobs', String(jobs), '--no-system-fonts'], {
    encoding: 'utf8',
    env: { ...process.env, GONGWEN_STATS: '1' },
    maxBuffer: 256 << 20,
  });
  const line = r.stderr.split('\n').find((l) => l.startsWith('GONGWEN_STATS '));
  if (r.status !== 0 || !line) throw new Error(`render failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const s = JSON.parse(line.slice('GONGWEN_STATS '.length));
  const packet = fs.statSync(path.join(out, fs.readdirSync(out).find((d) => d !== 'manifest.json'), '备案材料.pdf')).size;
  return { jobs, ...s, unitsPerSecond: s.units / s.seconds, packetKB: Math.round(packet / 1024) };
}

const one = run(1);
const two = run(2);
const rows = [one, two].map((r) => `| ${r.jobs} | ${r.units} | ${r.files} | ${r.seconds.toFixed(1)} | ${r.unitsPerSecond.toFixed(2)} | ${r.maxRssMB} |`);
const md = [
  `## Batch: ${n} units, all documents, .docx + .pdf + 备案材料.pdf`,
  '',
  `Machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}. Packet size: ${one.packetKB} KB per unit.`,
  '',
  '| --jobs | units | files | wall s | units/s | peak RSS MB |',
  '|---|---|---|---|---|---|',
  ...rows,
  '',
  `Speed-up --jobs 2 over --jobs 1: ${(one.seconds / two.seconds).toFixed(2)}×`,
  '',
].join('\n');
process.stdout.write(md);
fs.rmSync(dir, { recursive: true, force: true });
