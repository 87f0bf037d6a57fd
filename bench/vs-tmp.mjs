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

say('# gongwen benchmarks');
say();
say(`Machine: ${os.cpus().length} × ${os.cpus()[0].model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB; Node ${process.version}; ${new Date().toISOString().slice(0, 10)}.`);
say(`Document: the example unit's 整改方案 (rectification-plan), ${layoutDocument(plan, book).layout.pages.length} pages. Medians of ${RUNS} runs after ${WARM} warm-up runs, each on a different variant of the text.`);
say();

// ---- gongwen PDF
async function gongwenPdf(doc) {
  const t = now();
  const { layout } = layoutDocument(doc, book);
  const bytes = await writePdf(layout, { title: 't', date });
  return { ms: now() - t, bytes: bytes.length };
}
for (let i = 0; i < WARM; i++) await gongwenPdf(variants[0]);
const ours = [];
for (const v of variants.slice(1)) ours.push(await gongwenPdf(v));
const oursMs = median(ours.map((r) => r.ms)); console.error("OURS", ours.map((r) => r.ms.toFixed(1)).join(" "));

// ---- Typst
const fontDir = path.join(tmp, 'fonts');
fs.mkdirSync(fontDir);
for (const f of book.faces) fs.writeFileSync(path.join(fontDir, path.basename(f.source.file).replace(/\.woff$/, '.ttf')), f.bytes);
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
for (let i = 0; i < WARM; i++) typst(variants[0]);
if (!first.bytes) throw new Error('Typst produced no PDF');
const theirs = variants.slice(1).map(typst);
const typstMs = median(theirs.map((r) => r.ms)); console.error("TYPST", theirs.map((r) => r.ms.toFixed(1)).join(" "));

say('## PDF: gongwen vs Typst (same text, fonts, geometry)');
say();
say('| engine | ms / document (warm) | PDF size KB |');
say('|---|---|---|');
say(`| gongwen (layout + own content streams on pdf-lib, PDF/A, subset fonts) | ${oursMs.toFixed(1)} | ${Math.round(ours[0].bytes / 1024)} |`);
say(`| Typst ${typstVersion} (typst-ts-node-compiler, one compiler kept alive) | ${typstMs.toFixed(1)} | ${Math.round(theirs[0].bytes / 1024)} |`);
say();
say(`Ratio: gongwen is ${(typstMs / oursMs).toFixed(2)}× the speed of Typst (>1 means faster).`);
fs.rmSync(tmp, { recursive: true, force: true });
