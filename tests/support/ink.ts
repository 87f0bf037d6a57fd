// Draws a document with subset fonts and with whole fonts and compares the ink of every text line:
// the subsets must draw the same glyphs (not blank, not wrong ones).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'vitest';
import { writePdf } from '../../src/backends/pdf/write-pdf.js';
import type { DocTree } from '../../src/doc/tree.js';
import type { FontBook } from '../../src/fonts/font-book.js';
import { layoutDocument } from '../../src/layout/layout-document.js';
import { ink, rasterize } from './raster.js';

/** Lines compared; each text line's ink agrees within 2 % between the subset and the full fonts. */
export async function compareSubsetInk(doc: DocTree, book: FontBook): Promise<{ lines: number; subset: string; full: string }> {
  const { layout } = layoutDocument(doc, book);
  const meta = { title: 't', date: new Date(Date.UTC(2013, 11, 10)) };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-ink-'));
  const sub = path.join(dir, 'subset.pdf');
  const full = path.join(dir, 'full.pdf');
  fs.writeFileSync(sub, await writePdf(layout, meta));
  fs.writeFileSync(full, await writePdf(layout, meta, { fullFonts: true }));
  expect(fs.statSync(full).size).toBeGreaterThan(fs.statSync(sub).size * 20);
  const a = rasterize(sub, 60);
  const b = rasterize(full, 60);
  expect(a.length).toBe(layout.pages.length);
  let lines = 0;
  layout.pages.forEach((page, p) => {
    for (const it of page.items) {
      if (it.kind !== 'text') continue;
      const w = it.face.width(it.text, it.size) + it.spacing * [...it.text].length;
      const box: [number, number, number, number] = [it.x - 1, it.y - it.size, it.x + w + 1, it.y + it.size * 0.3];
      const inkSub = ink(a[p]!, 60, ...box);
      const inkFull = ink(b[p]!, 60, ...box);
      if (it.text.trim()) expect(inkFull, it.text).toBeGreaterThan(0);
      expect(Math.abs(inkSub - inkFull) / Math.max(1, inkFull), it.text).toBeLessThan(0.02);
      lines++;
    }
  });
  return { lines, subset: sub, full };
}
