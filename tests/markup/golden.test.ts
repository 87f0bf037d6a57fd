// Golden files: the DocTree of every example document, dumped as text. UPDATE=1 rewrites them.
import { expectGolden } from '../support/golden.js';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dumpTree } from '../../src/doc/dump-tree.js';
import { ROOT, exampleDocs } from '../support/examples.js';

const DIR = path.join(ROOT, 'tests/golden/doc-tree');

describe.each([
  ['example documents', ['data'], 20],
  // Each built-in kind's example unit (巡视、巡察、审计、主题教育、民主生活会).
  ['the kinds\' example documents', ['kinds/examples'], 40],
])('%s → DocTree (golden)', (_what, inputs, count) => {
  const { docs, diagnostics } = exampleDocs(inputs);
  it('build without any diagnostic', () => {
    expect(diagnostics).toEqual([]);
    expect(docs.length).toBe(count);
  });
  for (const d of docs) {
    it(`${d.unit} / ${d.name}`, () => {
      const file = path.join(DIR, d.unit, `${d.name}.txt`);
      const text = dumpTree(d.doc);
      expectGolden(file, text);
    });
  }
});
