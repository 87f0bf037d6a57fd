// gongwen against its peers in one run (ratios hold on a noisy machine): PDF vs Typst, PDF vs the
// LibreOffice path, DOCX vs docxtemplater; documents of 1–500 pages; 1–1000 units at --jobs 1 and 2;
// where the time goes, stage by stage; OFD beside PDF. Writes bench/results.md. Usage: npm run bench
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { docToTypst } from './typst-port.mjs';
import { generateUnits } from './generate-units.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const dist = (p) => import(path.join(ROOT, 'dist', p));
const require = createRequire(import.meta.url);
const { nodeWorld } = await dist('world/node-world.js');
const { checkUnit } = await dist('api/check.js');
const { discoverUnits } = await dist('data/discover.js');
const { buildView } = await dist('template/view.js');
const { findTemplate } = await dist('template/template-store.js');
const { renderTemplate } = await dist('template/render-template.js');
const { parseMarkup } = await dist('markup/parse-markup.js');
const { buildDocument } = await dist('api/build-document.js');
const { docTypes } = await dist('api/documents.js');
const { FontBook } = await dist('fonts/font-book.js');
const { layoutDocument } = await dist('layout/layout-document.js');
const { writePdf } = await dist('backends/pdf/write-pdf.js');
const { writeDocx } = await dist('backends/docx/write-docx.js');
const { collectGlyphs } = await dist('backends/pdf/page-content.js');
const { glyfSource, subsetGlyf } = await dist('fonts/truetype-subset.js');
const { woffToSfnt } = await dist('fonts/woff-to-sfnt.js');
const { untag } = await dist('template/markers.js');

const RUNS = 15;
/**
 * Runs before measuring, for both engines: V8 keeps compiling our hot paths for about 70 documents
 * of this size (median ms per document over runs 5–20: 25.8, 20–35: 21.3, 35–70: 14.5, 140–300:
 * 12.6; measured 2026-12-07). A batch is there after five units, the preview after a few edits.
 * Until then 20 were run, which measured V8 half-way (21 against 13 ms).
 */
const WARM = 100;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-peers-'));
const world = nodeWorld(ROOT);
const book = FontBook.load(world, { system: false });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const now = () => performance.now();
const date = new Date(Date.UTC(2013, 11, 10));
const lines = [];
const say = (s = '') => (lines.push(s), process.stdout.write(s + '\n'));

// The example unit and its documents.
const unitSrc = discoverUnits(world, ['data']).units.find((u) => u.id.includes('市某某委员会'));
const data = checkUnit(world, unitSrc, new Map()).data;
const { view, fields } = buildView(data);
const instances = docTypes(data.kind).filter((t) => !t.missing(data)).flatMap((t) => t.instances(data));
const build = (inst) => buildDocument({ id: inst.id, template: findTemplate(world, inst.id, 'none'), view: { ...view, ...inst.extra(view), documents: [], doc: { id: inst.id, name: inst.name, title: null, doc_number: null } }, fields }).doc;
const plan = build(instances.find((i) => i.id === 'rectification-plan'));

/** The same document with different text (the unit renamed), so no engine can serve it from a cache. */
const variant = (doc, i) => JSON.parse(JSON.stringify(doc), (k, v) => (k === 'text' && typeof v === 'string' ? v.replaceAll('某某', `第${i}`) : v));
const variants = Array.from({ length: RUNS + 1 }, (_v, i) => variant(plan, i + 1));
/**
 * The PDF comparison with Typst measures more documents: on two cores our time per document varies
 * 8–20 ms with where a garbage collection falls (a scavenge every few documents), so a median of 15
 * moved by a third between runs; 45 distinct texts (Typst would serve a repeated one from its memo).
 */
const PDF_RUNS = 45;
const pdfVariants = Array.from({ length: PDF_RUNS + 1 }, (_v, i) => variant(plan, i + 1));

say('# gongwen benchmarks');
say();
say(`Machine: ${os.cpus().length} × ${os.cpus()[0].model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB; Node ${process.version}; ${new Date().toISOString().slice(0, 10)}.`);
say(`Document: the example unit's 整改方案 (rectification-plan), ${layoutDocument(plan, book).layout.pages.length} pages. Medians of ${RUNS} runs (${PDF_RUNS} for the PDF against Typst) after ${WARM} warm-up runs, each on a different variant of the text.`);
say();

// ---- gongwen PDF
async function gongwenPdf(doc) {
  const t = now();
  const { layout } = layoutDocument(doc, book);
  const bytes = await writePdf(layout, { title: 't', date });
  return { ms: now() - t, bytes: bytes.length };
}
// ---- Typst
const fontDir = path.join(tmp, 'fonts');
fs.mkdirSync(fontDir);
// Whole fonts: a face's bytes hold only the glyph outlines read so far (sparse-sfnt), blank elsewhere.
for (const f of book.faces) fs.writeFileSync(path.join(fontDir, path.basename(f.source.file).replace(/\.woff$/, '.ttf')), f.wholeBytes());
const fonts = { body: 'Noto Serif SC', song: 'Noto Serif SC', title: 'Noto Serif SC Black', hei: 'Noto Sans SC', kai: 'LXGW WenKai' };
const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');
const typstVersion = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/@myriaddreamin/typst-ts-node-compiler/package.json'), 'utf8')).version;
const compiler = NodeCompiler.create({ fontArgs: [{ fontPaths: [fontDir] }] });
const typst = (doc) => {
  const src = docToTypst(doc, fonts);
  const t = now();
  const pdf = compiler.pdf({ mainFileContent: src });
  return { ms: now() - t, bytes: pdf.length, pdf };
};
const first = typst(variants[0]);
if (!first.bytes) throw new Error('Typst produced no PDF');
for (let i = 0; i < WARM; i++) (await gongwenPdf(variants[0]), typst(variants[0]));
// The two engines alternate document by document, so both see the machine as it is at that moment
// (measured one after the other, the ratio moved between 0.7 and 1.2 from run to run).
const ours = [];
const theirs = [];
for (const v of pdfVariants.slice(1)) (ours.push(await gongwenPdf(v)), theirs.push(typst(v)));
const oursMs = median(ours.map((r) => r.ms));
const typstMs = median(theirs.map((r) => r.ms));

say('## PDF: gongwen vs Typst (same text, fonts, geometry)');
say();
say('| engine | ms / document (warm) | PDF size KB |');
say('|---|---|---|');
say(`| gongwen (layout + own content streams on pdf-lib, PDF/A, subset fonts) | ${oursMs.toFixed(1)} | ${Math.round(ours[0].bytes / 1024)} |`);
say(`| Typst ${typstVersion} (typst-ts-node-compiler, one compiler kept alive) | ${typstMs.toFixed(1)} | ${Math.round(theirs[0].bytes / 1024)} |`);
say();
say(`Ratio: gongwen is ${(typstMs / oursMs).toFixed(2)}× the speed of Typst (>1 means faster).`);
say();

// ---- LibreOffice
const hasSoffice = spawnSync('soffice', ['--version']).status === 0;
say('## PDF: gongwen vs the usual path (our .docx → LibreOffice headless)');
say();
if (!hasSoffice) say('LibreOffice is not installed (soffice not found): skipped.');
else {
  const docxDir = path.join(tmp, 'docx');
  fs.mkdirSync(docxDir);
  const files = [];
  for (let i = 0; i < 7; i++) {
    const f = path.join(docxDir, `plan-${i}.docx`);
    fs.writeFileSync(f, await writeDocx(variants[i + 1], { date }));
    files.push(f);
  }
  const profile = path.join(tmp, 'lo-profile');
  const soffice = (fs_) => {
    const t = now();
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', path.join(tmp, 'lo-out'), ...fs_], { stdio: 'ignore' });
    return now() - t;
  };
  soffice([files[0]]); // warm the profile
  const batch = soffice(files) / files.length;
  const single = median(files.slice(0, 5).map((f) => soffice([f])));
  say('| path | ms / document |');
  say('|---|---|');
  say(`| gongwen PDF | ${oursMs.toFixed(1)} |`);
  say(`| LibreOffice, one call for ${files.length} documents | ${batch.toFixed(0)} |`);
  say(`| LibreOffice, one call per document | ${single.toFixed(0)} |`);
  say();
  say(`Ratios: gongwen is ${(batch / oursMs).toFixed(0)}× faster than the batch call, ${(single / oursMs).toFixed(0)}× faster than a call per document.`);
}
say();

// ---- DOCX vs docxtemplater
const PizZip = require('pizzip');
const Docxtemplater = require('docxtemplater');
// The equivalent Word template: the same document made by our DOCX backend with docxtemplater tags
// in place of the data (one loop per 四风 group, problems and measures inside).
const T = (t) => [{ type: 'text', text: t, source: {} }];
const tplDoc = {
  ...plan,
  blocks: [
    ...plan.blocks.slice(0, plan.blocks.findIndex((b) => b.type === 'heading' && b.level === 2 && b.number === '（一）' && b.inlines.some((i) => i.text?.includes('关于')))),
    { type: 'paragraph', indent: 'none', inlines: T('{#groups}'), span: plan.blocks[0].span },
    { type: 'heading', level: 2, number: '', inlines: T('{number}关于{label}方面的问题'), span: plan.blocks[0].span },
    { type: 'paragraph', indent: 'none', inlines: T('{#problems}'), span: plan.blocks[0].span },
    { type: 'heading', level: 3, number: '', inlines: T('{index}.{text}'), span: plan.blocks[0].span },
    { type: 'paragraph', indent: 'none', inlines: T('{#measures}'), span: plan.blocks[0].span },
    { type: 'paragraph', indent: 'first-line', inlines: T('整改措施：{action}。整改目标：{goal}。责任领导：{leader}；责任部门：{department}；完成时限：{deadline}。'), span: plan.blocks[0].span },
    { type: 'paragraph', indent: 'none', inlines: T('{/measures}{/problems}{/groups}'), span: plan.blocks[0].span },
    ...plan.blocks.slice(plan.blocks.findIndex((b) => b.type === 'heading' && b.level === 1 && b.number === '三、')),
  ],
};
const templateBytes = await writeDocx(tplDoc, { date });
const cn = ['一', '二', '三', '四'];
const dtData = (i) => ({
  groups: view.stats.by_wind.map((g, k) => ({
    number: `（${cn[k]}）`,
    label: g.label,
    problems: g.problems.map((p, j) => ({
      index: j + 1,
      text: untag(p.text).replaceAll('某某', `第${i}`),
      measures: p.measures.map((m) => ({ action: untag(m.action), goal: untag(m.goal), leader: untag(m.leader), department: untag(m.department), deadline: String(m.deadline) })),
    })),
  })),
});
const dt = (i) => {
  const t = now();
  const doc = new Docxtemplater(new PizZip(templateBytes), { paragraphLoop: true, linebreaks: true });
  doc.render(dtData(i));
  const out = doc.getZip().generate({ type: 'uint8array', compression: 'DEFLATE' });
  return { ms: now() - t, bytes: out.length };
};
const ourDocx = async (doc) => {
  const t = now();
  const b = await writeDocx(doc, { date });
  return { ms: now() - t, bytes: b.length };
};
for (let i = 0; i < WARM; i++) (dt(0), await ourDocx(variants[0]));
const dts = variants.slice(1).map((_v, i) => dt(i + 1));
const ods = [];
for (const v of variants.slice(1)) ods.push(await ourDocx(v));
const dtVersion = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/docxtemplater/package.json'), 'utf8')).version;
say('## DOCX: gongwen vs docxtemplater (equivalent Word template, same data)');
say();
say('| engine | ms / document (warm) | DOCX size KB |');
say('|---|---|---|');
say(`| gongwen DOCX backend (body XML written directly, shared parts zipped once) | ${median(ods.map((r) => r.ms)).toFixed(1)} | ${Math.round(ods[0].bytes / 1024)} |`);
say(`| docxtemplater ${dtVersion} (fill + zip) | ${median(dts.map((r) => r.ms)).toFixed(1)} | ${Math.round(dts[0].bytes / 1024)} |`);
say();
say(`Ratio: gongwen is ${(median(dts.map((r) => r.ms)) / median(ods.map((r) => r.ms))).toFixed(2)}× the speed of docxtemplater (>1 means faster).`);
say();

// ---- pages scaling
say('## One document of 1 to 500 pages (layout + PDF)');
say();
say('| pages | ms | ms / page |');
say('|---|---|---|');
const para = plan.blocks.find((b) => b.type === 'paragraph' && b.inlines.length > 0 && (b.inlines[0].text ?? '').length > 60);
for (const target of [1, 10, 100, 500]) {
  // About 5 paragraphs of 4 lines make a page.
  const doc = { ...plan, meta: { ...plan.meta }, blocks: Array.from({ length: Math.max(1, Math.round(target * 5.2)) }, () => para) };
  await gongwenPdf(doc);
  const runs = [];
  let pages = 0;
  for (let i = 0; i < (target >= 100 ? 3 : RUNS); i++) {
    const t = now();
    const { layout } = layoutDocument(doc, book);
    await writePdf(layout, { title: 't', date });
    runs.push(now() - t);
    pages = layout.pages.length;
  }
  say(`| ${pages} | ${median(runs).toFixed(0)} | ${(median(runs) / pages).toFixed(2)} |`);
}
say();

// ---- stage breakdown
say('## Where the time goes (the example unit, all 16 documents, warm, median of 5)');
say();
const stages = { load: [], template: [], markup: [], layout: [], subset: [], pdf: [], docx: [] };
let subsetMs = 0;
for (let run = 0; run < 6; run++) {
  const acc = { load: 0, template: 0, markup: 0, layout: 0, subset: 0, pdf: 0, docx: 0 };
  let t = now();
  const d = checkUnit(world, unitSrc, new Map()).data;
  const bv = buildView(d);
  acc.load = now() - t;
  for (const inst of instances) {
    const tpl = findTemplate(world, inst.id, 'none');
    t = now();
    const r = renderTemplate(tpl.text, tpl.file, { ...bv.view, ...inst.extra(bv.view), documents: [], doc: { id: inst.id, name: inst.name, title: null, doc_number: null } });
    acc.template += now() - t;
    t = now();
    const m = parseMarkup({ id: inst.id, template: tpl.file, rendered: r.result, fields: bv.fields });
    acc.markup += now() - t;
    t = now();
    const { layout } = layoutDocument(m.doc, book);
    acc.layout += now() - t;
    t = now();
    await writePdf(layout, { title: 't', date });
    const pdfMs = now() - t;
    // The subsetting share, timed on its own over the same glyphs the writer collects.
    const uses = new Map();
    collectGlyphs(layout.pages, uses);
    t = now();
    for (const u of uses.values()) subsetGlyf(glyfSource(u.face), u.glyphs.keys());
    subsetMs = now() - t;
    acc.pdf += pdfMs - subsetMs;
    acc.subset += subsetMs;
    t = now();
    await writeDocx(m.doc, { date });
    acc.docx += now() - t;
  }
  if (run > 0) for (const k of Object.keys(stages)) stages[k].push(acc[k]);
}
const total = Object.values(stages).reduce((s, xs) => s + median(xs), 0);
say('| stage | ms per unit | share |');
say('|---|---|---|');
const names = { load: 'load YAML, check, view', template: 'Handlebars', markup: 'Markdown → DocTree', layout: 'layout (breaking, pagination)', subset: 'font subsetting (TrueType byte copy)', pdf: 'PDF writing (without subsetting)', docx: 'DOCX (body XML + zip)' };
const sorted = Object.keys(stages).sort((a, b) => median(stages[b]) - median(stages[a]));
for (const k of sorted) say(`| ${names[k]} | ${median(stages[k]).toFixed(1)} | ${((median(stages[k]) / total) * 100).toFixed(0)}% |`);
say(`| total | ${total.toFixed(1)} | |`);
say();
say(`Biggest cost: ${names[sorted[0]]}.`);
say();
// ---- OFD beside PDF (bench/ofd.mjs), and the subsetter against hb-subset
{
  const { ofdSection } = await import('./ofd.mjs');
  for (const l of await ofdSection({ docs: instances.map(build), book, date, runs: RUNS, warm: WARM })) say(l);
}

// ---- fonts as installed: Noto CJK collections (CFF) beside TrueType (bench/fonts-as-installed.mjs)
{
  const { fontsSection } = await import('./fonts-as-installed.mjs');
  for (const l of await fontsSection({ dist, book, root: ROOT, tmp })) say(l);
}

// ---- units scaling
/**
 * A command started by a small process: Linux keeps a process's peak RSS across exec from the image
 * it was forked from, so a render spawned straight from this process (≈450 MB by now) reported at
 * least that, one unit as much as a thousand. A shell's background child is forked from the shell.
 */
const smallParent = (cmd, args) => ['/bin/sh', ['-c', '"$@" & wait $!', 'sh', cmd, ...args]];
say('## Units: 1, 10, 100 and 1000 generated units, all documents, both formats, 备案材料.pdf');
say();
say('| units | --jobs | wall s | units/s | peak RSS MB | live heap at the end MB |');
say('|---|---|---|---|---|---|');
const runs = [];
for (const n of [1, 10, 100, 1000]) {
  const dir = path.join(tmp, `units-${n}`);
  generateUnits(dir, n);
  for (const jobs of [1, 2]) {
    const out = path.join(tmp, `out-${n}-${jobs}`);
    const r = spawnSync(...smallParent(process.execPath, ['--expose-gc', path.join(ROOT, 'bin/gongwen.js'), 'render', dir, '--out', out, '--jobs', String(jobs), '--no-system-fonts']), { encoding: 'utf8', env: { ...process.env, GONGWEN_STATS: '1' }, maxBuffer: 256 << 20 });
    const s = JSON.parse(r.stderr.split('\n').find((l) => l.startsWith('GONGWEN_STATS ')).slice(14));
    say(`| ${n} | ${jobs} | ${s.seconds.toFixed(1)} | ${(n / s.seconds).toFixed(2)} | ${s.maxRssMB} | ${s.liveHeapMB} |`);
    runs.push({ n, jobs, seconds: s.seconds, rss: s.maxRssMB, heap: s.liveHeapMB });
    fs.rmSync(out, { recursive: true, force: true });
  }
}
say();
const at = (n, jobs) => runs.find((r) => r.n === n && r.jobs === jobs);
for (const jobs of [1, 2]) {
  say(`--jobs ${jobs}: ${[10, 100, 1000].map((n) => `${((at(n, jobs).seconds / n) * 1000).toFixed(0)} ms`).join(' → ')} per unit at 10 → 100 → 1000 units (linear: the cost per unit does not grow); peak RSS ${at(100, jobs).rss} → ${at(1000, jobs).rss} MB and live heap ${at(100, jobs).heap} → ${at(1000, jobs).heap} MB from 100 to 1000 units (${(((at(1000, jobs).heap - at(100, jobs).heap) / 900) * 1024).toFixed(0)} KB per unit: its manifest entries and summary, kept for the final report).`);
}
say(`--jobs 2 over --jobs 1 at 1000 units: ${(at(1000, 1).seconds / at(1000, 2).seconds).toFixed(2)}× (2 cores).`);
say();
// ---- font catalog: a cold scan (empty cache: reads every file's headers, name, OS/2 and cmap) and
// a warm one (stat only), beside fontconfig's own listing from its warm cache (fc-list, a process).
{
  const { scanCatalog } = await dist('fonts/font-catalog.js');
  const cacheDir = path.join(tmp, 'font-cache');
  const scan = () => {
    process.env.GONGWEN_CACHE_DIR = cacheDir;
    const t = now();
    const c = scanCatalog(world, [], { system: true, platform: process.platform });
    return { ms: now() - t, faces: c.faces.length };
  };
  const cold = [];
  for (let i = 0; i < 5; i++) (fs.rmSync(cacheDir, { recursive: true, force: true }), cold.push(scan()));
  const warm = [];
  for (let i = 0; i < RUNS; i++) warm.push(scan());
  delete process.env.GONGWEN_CACHE_DIR;
  const fc = [];
  const hasFc = spawnSync('fc-list', ['--version']).status === 0;
  for (let i = 0; hasFc && i < 5; i++) {
    const t = now();
    spawnSync('fc-list', [':', 'family', 'file', 'index']);
    fc.push(now() - t);
  }
  say('## Font catalog: the user and system font folders');
  say();
  say('| scan | ms | faces |');
  say('|---|---|---|');
  say(`| gongwen, cold (no cache) | ${median(cold.map((x) => x.ms)).toFixed(1)} | ${cold[0].faces} |`);
  say(`| gongwen, warm (cache by path, size, mtime) | ${median(warm.map((x) => x.ms)).toFixed(1)} | ${warm[0].faces} |`);
  if (hasFc) say(`| fc-list from fontconfig's warm cache (a process) | ${median(fc).toFixed(1)} | |`);
  say();
}
// ---- cold start (bench/cold.mjs): fresh processes, Typst's fresh process beside ours
{
  const { coldSection } = await import('./cold.mjs');
  for (const l of await coldSection({ root: ROOT, tmp, typstSource: docToTypst(variants[0], fonts), fontDir })) say(l);
}
const version = (p) => JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', p, 'package.json'), 'utf8')).version;
say('Versions: ' + ['fontkit', 'docx', 'handlebars', 'yaml'].map((p) => `${p} ${version(p)}`).join(', ') + `, LibreOffice ${hasSoffice ? execFileSync('soffice', ['--version'], { encoding: 'utf8' }).trim() : 'absent'}.`);
// The history of the changes the breakdown led to (written by hand, figures measured as stated there).
const history = fs.readFileSync(path.join(ROOT, 'bench/changes.md'), 'utf8');
fs.writeFileSync(path.join(ROOT, 'bench/results.md'), lines.join('\n') + '\n\n' + history);
fs.rmSync(tmp, { recursive: true, force: true });
