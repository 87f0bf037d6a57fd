// Two builds of gongwen in one process, alternating document by document, so a before/after holds
// on a noisy machine (bench/changes.md). Usage:
//   git worktree add /tmp/old <commit> && (cd /tmp/old && npm ci)
//   node bench/compare-builds.mjs /tmp/old
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
const load = async (root) => {
  const d = (p) => import(path.join(root, 'dist', p));
  const m = {
    ...(await d('world/node-world.js')), ...(await d('api/check.js')), ...(await d('data/discover.js')), ...(await d('template/view.js')),
    ...(await d('template/template-store.js')), ...(await d('api/build-document.js')), ...(await d('api/documents.js')), ...(await d('fonts/font-book.js')),
    ...(await d('layout/layout-document.js')), ...(await d('backends/pdf/write-pdf.js')), ...(await d('backends/docx/write-docx.js')),
  };
  const world = m.nodeWorld(root);
  const book = m.FontBook.load(world, { system: false });
  const docs = [];
  for (const u of m.discoverUnits(world, ['data']).units) {
    const data = m.checkUnit(world, u, new Map()).data;
    const { view, fields } = m.buildView(data);
    for (const inst of m.docTypes(data.kind).filter((t) => !t.missing(data)).flatMap((t) => t.instances(data)))
      docs.push({ id: u.id + ':' + inst.id, doc: m.buildDocument({ id: inst.id, template: m.findTemplate(world, inst.id, 'none'), view: { ...view, ...inst.extra(view), documents: [], doc: { id: inst.id, name: inst.name, title: null, doc_number: null } }, fields }).doc });
  }
  // A document one build cannot make from its template alone (a kind's, reading kind texts) is left out.
  return { m, book, docs: docs.filter((d) => d.doc) };
};
const before = process.argv[2];
if (!before) throw new Error('usage: node bench/compare-builds.mjs <older checkout, built>');
const A = await load(path.resolve(before)), B = await load(fileURLToPath(new URL('../', import.meta.url)));
// Only the documents both builds make, in the same order (a newer build may make more).
const common = new Set(A.docs.map((d) => d.id).filter((id) => B.docs.some((d) => d.id === id)));
A.docs = A.docs.filter((d) => common.has(d.id));
B.docs = A.docs.map((a) => B.docs.find((d) => d.id === a.id));
const date = new Date(Date.UTC(2013, 11, 10));
const pdf = async (X, doc) => { const t = performance.now(); const { layout } = X.m.layoutDocument(doc, X.book); await X.m.writePdf(layout, { title: 't', date }); return performance.now() - t; };
const docx = async (X, doc) => { const t = performance.now(); await X.m.writeDocx(doc, { date }); return performance.now() - t; };
const RUNS = 9;
const res = { pdfA: [], pdfB: [], docxA: [], docxB: [], planPdfA: [], planPdfB: [], planDocxA: [], planDocxB: [] };
for (let r = 0; r < RUNS + 2; r++) {
  let pa = 0, pb = 0, da = 0, db = 0;
  for (let i = 0; i < A.docs.length; i++) {
    const a = A.docs[i], b = B.docs[i];
    const x1 = await pdf(A, a.doc), x2 = await pdf(B, b.doc), y1 = await docx(A, a.doc), y2 = await docx(B, b.doc);
    pa += x1; pb += x2; da += y1; db += y2;
    if (a.id.endsWith(':rectification-plan') && a.id.includes('市某某')) { if (r >= 2) { res.planPdfA.push(x1); res.planPdfB.push(x2); res.planDocxA.push(y1); res.planDocxB.push(y2); } }
  }
  if (r >= 2) { res.pdfA.push(pa / A.docs.length); res.pdfB.push(pb / A.docs.length); res.docxA.push(da / A.docs.length); res.docxB.push(db / A.docs.length); }
}
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)].toFixed(1);
console.log(`documents: ${A.docs.length}, runs: ${RUNS}, ms (medians): before = ${before}, after = this checkout`);
for (const k of ['pdf', 'docx', 'planPdf', 'planDocx']) console.log(k, 'before', med(res[k + 'A']), 'after', med(res[k + 'B']));
