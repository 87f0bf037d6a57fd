// OFD beside PDF, from the same layouts (the example unit's documents, warm, alternating in one
// process), and the font subsetter the OFD uses against harfbuzz's hb-subset (harfbuzzjs through
// subset-font) on the same face and characters. Part of `npm run bench` (bench/peers.mjs);
// `node bench/ofd.mjs` prints the section alone.
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const dist = (p) => import(path.join(ROOT, 'dist', p));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const now = () => performance.now();

/** Lines of the section; `docs` are DocTrees, `book` a FontBook. */
export async function ofdSection({ docs, book, date, runs = 15, warm = 20 }) {
  const { layoutDocument } = await dist('layout/layout-document.js');
  const { writePdf } = await dist('backends/pdf/write-pdf.js');
  const { writeOfd } = await dist('backends/ofd/write-ofd.js');
  const { charsByFace } = await dist('backends/ofd/ofd-fonts.js');
  const { standaloneSubset } = await dist('fonts/standalone-subset.js');
  const { glyfSource, subsetGlyf } = await dist('fonts/truetype-subset.js');
  const layouts = docs.map((d) => layoutDocument(d, book).layout);
  const meta = { title: 't', date };
  for (let i = 0; i < warm; i++) {
    const l = layouts[i % layouts.length];
    await writePdf(l, meta);
    await writeOfd(l, meta);
  }
  const pdf = [];
  const ofd = [];
  let pdfBytes = 0;
  let ofdBytes = 0;
  for (let r = 0; r < runs; r++) {
    let tp = 0;
    let to = 0;
    for (const l of layouts) {
      let t = now();
      const p = await writePdf(l, meta);
      tp += now() - t;
      t = now();
      const o = await writeOfd(l, meta);
      to += now() - t;
      if (r === 0) (pdfBytes += p.length), (ofdBytes += o.length);
    }
    pdf.push(tp / layouts.length);
    ofd.push(to / layouts.length);
  }
  const out = [];
  out.push(`## OFD beside PDF (the same ${layouts.length} laid-out documents, warm, ms per document, median of ${runs})`);
  out.push('');
  out.push('| writer | ms / document | size of all, KB |');
  out.push('|---|---|---|');
  out.push(`| PDF/A-2b (pdf-lib objects, TrueType subsets) | ${median(pdf).toFixed(1)} | ${Math.round(pdfBytes / 1024)} |`);
  out.push(`| OFD (XML parts, standalone subsets, zip) | ${median(ofd).toFixed(1)} | ${Math.round(ofdBytes / 1024)} |`);
  out.push('');
  out.push(`OFD / PDF time: ${(median(ofd) / median(pdf)).toFixed(2)} (target ≤ 1); size ${(ofdBytes / pdfBytes).toFixed(2)}.`);
  out.push('');

  // The subsetter: the body face with every character the unit's documents draw in it.
  const face = book.roles.body;
  const chars = new Map();
  for (const l of layouts) for (const [f, m] of charsByFace(l.pages)) if (f === face) for (const [cp, g] of m) chars.set(cp, g);
  const text = String.fromCodePoint(...chars.keys());
  const require = createRequire(import.meta.url);
  let hb;
  try {
    hb = require('subset-font');
  } catch {
    hb = undefined;
  }
  const ours = [];
  const pdfSub = [];
  const hbs = [];
  let oursLen = 0;
  let hbLen = 0;
  const src = glyfSource(face);
  for (let i = 0; i < 3; i++) standaloneSubset(face, chars);
  for (let i = 0; i < 9; i++) {
    let t = now();
    oursLen = standaloneSubset(face, chars).bytes.length;
    ours.push(now() - t);
    t = now();
    subsetGlyf(src, chars.values());
    pdfSub.push(now() - t);
    if (hb) {
      t = now();
      hbLen = (await hb(Buffer.from(face.bytes), text, { targetFormat: 'truetype' })).length;
      hbs.push(now() - t);
    }
  }
  const hbVersion = hb ? JSON.parse(require('node:fs').readFileSync(path.join(ROOT, 'node_modules/subset-font/package.json'), 'utf8')).version : undefined;
  out.push(`### The font subset an OFD embeds: ${face.postscriptName} (${(face.bytes.length / 2 ** 20).toFixed(1)} MB), ${chars.size} characters`);
  out.push('');
  out.push('| subsetter | ms | KB |');
  out.push('|---|---|---|');
  out.push(`| gongwen standalone (byte-copied glyf + cmap, name, OS/2, post) | ${median(ours).toFixed(1)} | ${Math.round(oursLen / 1024)} |`);
  out.push(`| gongwen PDF FontFile2 (the same glyphs, no cmap/name/OS2/post) | ${median(pdfSub).toFixed(1)} | |`);
  if (hb) out.push(`| hb-subset (harfbuzzjs WASM via subset-font ${hbVersion}, TrueType out) | ${median(hbs).toFixed(1)} | ${Math.round(hbLen / 1024)} |`);
  out.push('');
  if (hb) out.push(`hb-subset / ours: ${(median(hbs) / median(ours)).toFixed(1)}× the time, ${(hbLen / oursLen).toFixed(2)}× the size (it keeps the layout tables, GSUB/GPOS, which an OFD reader given positioned glyphs does not use).`);
  out.push('');
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { nodeWorld } = await dist('world/node-world.js');
  const { FontBook } = await dist('fonts/font-book.js');
  const { checkUnit } = await dist('api/check.js');
  const { discoverUnits } = await dist('data/discover.js');
  const { buildView } = await dist('template/view.js');
  const { findTemplate } = await dist('template/template-store.js');
  const { buildDocument } = await dist('api/build-document.js');
  const { docTypes } = await dist('api/documents.js');
  const world = nodeWorld(ROOT);
  const book = FontBook.load(world, { system: false });
  const unit = discoverUnits(world, ['data']).units.find((u) => u.id.includes('市某某委员会'));
  const data = checkUnit(world, unit, new Map()).data;
  const { view, fields } = buildView(data);
  const docs = docTypes(data.kind).filter((t) => !t.missing(data))
    .flatMap((t) => t.instances(data))
    .map((inst) => buildDocument({ id: inst.id, template: findTemplate(world, inst.id, 'none'), view: { ...view, ...inst.extra(view), documents: [], doc: { id: inst.id, name: inst.name, title: null, doc_number: null } }, fields }).doc);
  for (const l of await ofdSection({ docs, book, date: new Date(Date.UTC(2013, 11, 10)) })) process.stdout.write(l + '\n');
}
