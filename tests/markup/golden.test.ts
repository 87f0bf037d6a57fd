// Golden files: the DocTree of every example document, dumped as text. UPDATE=1 rewrites them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dumpTree } from '../../src/doc/dump-tree.js';
import { ROOT, exampleDocs } from '../support/examples.js';

const DIR = path.join(ROOT, 'tests/golden/doc-tree');

describe('example documents → DocTree (golden)', () => {
  const { docs, diagnostics } = exampleDocs();
  it('build without any diagnostic', () => {
    expect(diagnostics).toEqual([]);
    expect(docs.length).toBe(20);
  });
  for (const d of docs) {
    it(`${d.unit} / ${d.name}`, () => {
      const file = path.join(DIR, d.unit, `${d.name}.txt`);
      const text = dumpTree(d.doc);
      if (process.env.UPDATE === '1' || !fs.existsSync(file)) {
        if (process.env.CI && !fs.existsSync(file)) throw new Error(`missing golden file ${file}`);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, text);
      }
      expect(text).toBe(fs.readFileSync(file, 'utf8'));
    });
  }
});
