// Cold start: the commands users run most, each in a fresh process (medians of 5), beside Typst's
// fresh process on the same document (load typst-ts-node-compiler, fonts, compile, write), and the
// preview's first page on screen in Chromium. Each command runs from the bundle (dist/bundle/, what
// bin/gongwen.js runs) and from the compiled modules (GONGWEN_BUNDLE=0): before and after bundling.
// Called by peers.mjs (npm run bench), which gives it the Typst source and fonts it already made.
import { spawn, spawnSync } from 'node:child_process';
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
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}`);
  }
  return median(times);
}

/** Seconds of two commands run alternately, fresh each time, so both see the machine alike (medians). */
function alternately(a, b) {
  const ta = [];
  const tb = [];
  for (let i = 0; i < RUNS + 2; i++) {
    for (const [[cmd, args, cwd], times] of [[a, ta], [b, tb]]) {
      const t = performance.now();
      const r = spawnSync(cmd, args, { cwd, stdio: 'ignore' });
      times.push((performance.now() - t) / 1000);
      if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}`);
    }
  }
  return [median(ta), median(tb)];
}

/**
 * Seconds from starting `gongwen preview` to the first page of 整改方案 drawn in Chromium (the
 * browser is already open, as a user's is): the server starts, prints its address, the page loads
 * the list, the document is clicked, its first page's SVG is in the DOM and its fonts are loaded.
 */
async function previewFirstPage(browser, node, bin, unit, root, env) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(() => localStorage.clear());
    const t = performance.now();
    const child = spawn(node, [bin, 'preview', unit, '--port', '0', '--no-system-fonts'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, ...env } });
    try {
      const url = await new Promise((resolve, reject) => {
        let seen = '';
        child.stdout.on('data', (b) => {
          seen += b;
          const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(seen);
          if (m) resolve(m[0]);
        });
        child.once('exit', (code) => reject(new Error(`preview exited ${code}`)));
      });
      await page.goto(url);
      await page.getByText('整改方案', { exact: true }).click();
      await page.locator('svg.page text').first().waitFor({ state: 'attached' });
      // On screen means drawn in its fonts: the page's font loads have finished.
      await page.waitForFunction(() => document.fonts.status === 'loaded' && [...document.fonts].some((f) => f.status === 'loaded'));
      times.push((performance.now() - t) / 1000);
    } finally {
      child.kill('SIGTERM');
      await page.close();
    }
  }
  return median(times);
}

export async function previewRow(node, bin, unit, root) {
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    return undefined;
  }
  if (!fs.existsSync('/usr/bin/chromium')) return undefined;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    return [await previewFirstPage(browser, node, bin, unit, root, {}), await previewFirstPage(browser, node, bin, unit, root, { GONGWEN_BUNDLE: '0' })];
  } finally {
    await browser.close();
  }
}

/** Lines of markdown for bench/results.md. */
export async function coldSection({ root, tmp, typstSource, fontDir }) {
  const bin = path.join(root, 'bin', 'gongwen.js');
  const out = path.join(tmp, 'cold-out');
  const node = process.execPath;
  // A user's project: the example data alone, no kinds/ or templates/ of the repository's beside it
  // (run in the repository, the built-in kinds were also read as the project's own).
  const project = path.join(tmp, 'cold-project');
  fs.rmSync(project, { recursive: true, force: true });
  fs.cpSync(path.join(root, 'data'), path.join(project, 'data'), { recursive: true });
  const unit = path.join('data', '市某某委员会.yaml');
  const both = (args) => [fresh(node, [bin, ...args], project), fresh(node, [bin, ...args], project, { GONGWEN_BUNDLE: '0' })];
  // Typst, fresh: a process that loads the compiler and the same fonts, compiles and writes;
  // alternated with ours on the same document.
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
  const onePdf = ['render', unit, '--only', 'rectification-plan', '--format', 'pdf', '--out', out, '--no-system-fonts'];
  const [oursPdf, typst] = alternately([node, [bin, ...onePdf], project], [node, [script], root]);
  const rows = [
    ['`gongwen --help`', both(['--help']), 0.15],
    ['`gongwen check` (one unit)', both(['check', unit]), 0.15],
    ['`render --only rectification-plan --format pdf` (10 pages)', [oursPdf, fresh(node, [bin, ...onePdf], project, { GONGWEN_BUNDLE: '0' })], 0.35],
    ['`render` one unit (all documents, PDF + DOCX + packet)', both(['render', unit, '--out', out, '--no-system-fonts']), 0.8],
  ];
  const preview = await previewRow(node, bin, unit, project);
  if (preview) rows.push(['`preview`: start → first page of 整改方案 on screen (Chromium open)', preview, 1]);
  const lines = [
    '## Cold start (fresh processes, medians of 5; the 10-page PDF and Typst alternated, medians of 7)',
    '',
    'Measured by `npm run bench` (bench/cold.mjs): `node bin/gongwen.js …` in a project folder holding the example data only, the font cache warm (the second run of the day).',
    '',
    '| command | bundled s (bin/gongwen.js) | modules s (GONGWEN_BUNDLE=0) | target | met |',
    '|---|---|---|---|---|',
  ];
  for (const [name, [s, modules], target] of rows) lines.push(`| ${name} | ${s.toFixed(2)} | ${modules.toFixed(2)} | ≤ ${target} | ${s <= target ? 'yes' : 'no'} |`);
  lines.push(`| Typst, same 10-page document (fresh process: load, fonts, compile, write; alternated with ours) | ${typst.toFixed(2)} | | | |`);
  lines.push('', `Ratio: the cold one-document PDF is ${(typst / rows[2][1][0]).toFixed(2)}× the speed of Typst's fresh process (>1 means faster; target ≥ 1).`, '');
  return lines;
}
