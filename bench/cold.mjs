// Cold start: the commands users run most, each in a fresh process (medians of 5), beside Typst's
// fresh process on the same document (load typst-ts-node-compiler, fonts, compile, write). Called
// by peers.mjs (npm run bench), which gives it the Typst source and fonts it already made.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const RUNS = 5;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Seconds of a fresh process running `args` in `cwd` (median of RUNS). */
function fresh(cmd, args, cwd, env = {}) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const r = spawnSync(cmd, args, { cwd, stdio: 'ignore', env: { ...process.env, ...env } });
    times.push((performance.now() - t) / 1000);
    if (r.status !== 0 && !(args.includes('--help'))) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}`);
  }
  return median(times);
}

/** Lines of markdown for bench/results.md. */
export function coldSection({ root, tmp, typstSource, fontDir }) {
  const bin = path.join(root, 'bin', 'gongwen.js');
  const out = path.join(tmp, 'cold-out');
  const node = process.execPath;
  const unit = path.join('data', '市某某委员会.yaml');
  const rows = [
    ['`gongwen --help`', fresh(node, [bin, '--help'], root), 0.15],
    ['`gongwen check` (one unit)', fresh(node, [bin, 'check', unit], root), 0.3],
    ['`render --only rectification-plan --format pdf` (10 pages)', fresh(node, [bin, 'render', unit, '--only', 'rectification-plan', '--format', 'pdf', '--out', out, '--no-system-fonts'], root), 0.35],
    ['`render` one unit (all documents, PDF + DOCX + packet)', fresh(node, [bin, 'render', unit, '--out', out, '--no-system-fonts'], root), 0.8],
  ];
  // Typst, fresh: a process that loads the compiler and the same fonts, compiles and writes.
  const typ = path.join(tmp, 'cold.typ');
  fs.writeFileSync(typ, typstSource);
  const script = path.join(tmp, 'typst-fresh.cjs');
  fs.writeFileSync(
    script,
    `const { NodeCompiler } = require(${JSON.stringify(path.join(root, 'node_modules/@myriaddreamin/typst-ts-node-compiler'))});
const fs = require('fs');
const c = NodeCompiler.create({ fontArgs: [{ fontPaths: [${JSON.stringify(fontDir)}] }] });
fs.writeFileSync(${JSON.stringify(path.join(tmp, 'cold-typst.pdf'))}, c.pdf({ mainFileContent: fs.readFileSync(${JSON.stringify(typ)}, 'utf8') }));\n`,
  );
  const typst = fresh(node, [script], root);
  const lines = ['## Cold start (fresh processes, medians of 5)', '', '| command | s | target | met |', '|---|---|---|---|'];
  for (const [name, s, target] of rows) lines.push(`| ${name} | ${s.toFixed(2)} | ≤ ${target} | ${s <= target ? 'yes' : 'no'} |`);
  lines.push(`| Typst, same 10-page document (fresh process: load, fonts, compile, write) | ${typst.toFixed(2)} | | |`);
  lines.push('', `Ratio: the cold one-document PDF is ${(typst / rows[2][1]).toFixed(2)}× the speed of Typst's fresh process (>1 means faster; target ≥ 1.5).`, '');
  return lines;
}
