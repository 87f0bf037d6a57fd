// Golden files of the layout engine: every positioned glyph run and rule of five example documents.
// UPDATE=1 rewrites them; a change in breaking or pagination shows up as a readable diff.
import { expectGolden } from '../support/golden.js';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FontBook } from '../../src/fonts/font-book.js';
import { dumpLayout } from '../../src/layout/dump-layout.js';
import { layoutDocument } from '../../src/layout/layout-document.js';
import { nodeWorld } from '../../src/world/node-world.js';
import { ROOT, exampleDocs } from '../support/examples.js';

const DIR = path.join(ROOT, 'tests/golden/layout');
const book = FontBook.load(nodeWorld(ROOT), { system: false });

describe('layout (golden)', () => {
  const docs = exampleDocs().docs.filter((d) => d.unit === '上海市某某委员会' && ['rectification-plan', 'problem-list', 'filing-form', 'lookback-report', 'issue-notice'].includes(d.doc.id));
  it('has the documents', () => expect(docs).toHaveLength(5));
  for (const d of docs) {
    it(d.name, () => {
      const { layout, diagnostics } = layoutDocument(d.doc, book);
      expect(diagnostics).toEqual([]);
      const text = dumpLayout(layout);
      // Pure: the same tree lays out the same twice.
      expect(dumpLayout(layoutDocument(d.doc, book).layout)).toBe(text);
      const file = path.join(DIR, `${d.name}.txt`);
      expectGolden(file, text);
    });
  }
});
