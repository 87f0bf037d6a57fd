// Golden files of the compose stage: the element plan of every example document (what it shows,
// with which font, place, gaps and keep rules), measured as the PDF measures. UPDATE=1 rewrites them.
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeDocument } from '../../src/compose/compose-document.js';
import { dumpComposed } from '../../src/compose/dump-composed.js';
import { FontBook } from '../../src/fonts/font-book.js';
import { measureWith } from '../../src/layout/layout-document.js';
import { nodeWorld } from '../../src/world/node-world.js';
import { ROOT, exampleDocs } from '../support/examples.js';
import { expectGolden } from '../support/golden.js';

const DIR = path.join(ROOT, 'tests/golden/compose');
const book = FontBook.load(nodeWorld(ROOT), { system: false });
const measure = measureWith({ book, diagnostics: [] });

describe.each([
  ['example documents', ['data'], 20],
  ['the kinds\' example documents', ['kinds/examples'], 40],
])('%s → element plan (golden)', (_what, inputs, count) => {
  const { docs } = exampleDocs(inputs);
  it('has the documents', () => expect(docs).toHaveLength(count));
  for (const d of docs) {
    it(`${d.unit} / ${d.name}`, () => {
      const text = dumpComposed(composeDocument(d.doc, measure));
      // Pure: the same tree composes the same twice.
      expect(dumpComposed(composeDocument(d.doc, measure))).toBe(text);
      expectGolden(path.join(DIR, d.unit, `${d.name}.txt`), text);
    });
  }
});
