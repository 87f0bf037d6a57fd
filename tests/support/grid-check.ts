// Measures a PDF's body text against the GB/T 9704 grid: lines per page, characters per line.
// Used on our own PDFs and on LibreOffice's rendering of our DOCX alike.
import { expect } from 'vitest';
import { PAGE, TEXT_BLOCK } from '../../src/style/gbt9704.js';
import type { TextLine } from './poppler.js';
import { fixedPieces } from '../../src/compose/keep-whole.js';

export const BLOCK = { left: PAGE.margin.left, right: PAGE.margin.left + TEXT_BLOCK.width, top: PAGE.margin.top, bottom: PAGE.margin.top + TEXT_BLOCK.height };
export const PAGE_NO = /^—\d+—$/;
const ASCII = /[\x20-\x7e]/;
/** Body text (3号) lines are taller than table text and lower than titles. */
export const isBodyLine = (l: TextLine) => l.yMax - l.yMin > 18.5 && l.yMax - l.yMin < 26;
const PITCH = 28.95;
/** Lines of a page sit on the 28.95 pt grid (by their bottoms: descents differ less than ascents). */
const onGrid = (on: TextLine[]) => on.every((l) => Math.abs(((l.yMax - on[0]!.yMax) / PITCH) % 1) * PITCH < 1.5 || Math.abs(((l.yMax - on[0]!.yMax) / PITCH) % 1) * PITCH > PITCH - 1.5);

/** Checks pages 2..n−1 of each document: at most 22 lines on the 28.95 pt grid; returns how many pages had exactly 22. */
export function checkGridPages(docs: Map<string, TextLine[]>): number {
  let fullPages = 0;
  for (const [name, all] of docs) {
    const lines = all.filter((l) => !PAGE_NO.test(l.text));
    // The last page with body text ends the document's text (a page after it holds the 版记 alone).
    const colophon = new Set(lines.filter((l) => /^抄送：|印发$/.test(l.text)).map((l) => l.page));
    const inColophon = (l: TextLine) => colophon.has(l.page) && l.yMin > BLOCK.bottom - 3 * PITCH;
    const pages = Math.max(...lines.filter((l) => isBodyLine(l) && !inColophon(l)).map((l) => l.page));
    // The page before an attachment (“附件N” on its line 1, §7.3.7) ends the text or an attachment.
    const partEnds = new Set(lines.filter((l) => /^附件\d*$/.test(l.text)).map((l) => l.page - 1));
    for (let p = 2; p < pages; p++) {
      const on = lines.filter((l) => l.page === p);
      if (!on.length || on.some((l) => !isBodyLine(l)) || !onGrid(on)) continue; // tables and 版记 are not grid pages
      expect(on.length, `${name} page ${p}`).toBeLessThanOrEqual(22);
      expect(on[0]!.yMin).toBeGreaterThan(BLOCK.top - 1);
      expect(on[on.length - 1]!.yMax).toBeLessThan(BLOCK.bottom + 1);
      if (on.length === 22) fullPages++;
      // Shorter pages come only from keeping headings with their text and from widow/orphan control.
      else if (partEnds.has(p)) continue; // the end of a part: blank lines before the 附件说明 and the 署名
      else expect(on.length, `${name} page ${p}`).toBeGreaterThanOrEqual(16);
      // Consecutive lines, one grid line apart.
      for (let i = 1; i < on.length; i++) expect(Math.abs(on[i]!.yMax - on[0]!.yMax - i * PITCH), `${name} page ${p} line ${i + 1}`).toBeLessThan(1.5);
    }
  }
  return fullPages;
}

/** Pure-CJK body lines that start at the block's left edge and reach its right edge. */
export function fullLines(lines: TextLine[]): TextLine[] {
  return lines.filter((l) => !ASCII.test(l.text) && Math.abs(l.xMin - BLOCK.left) < 2 && l.xMax > BLOCK.right - 4 && isBodyLine(l));
}

/** Characters inside the block: punctuation hanging past the right edge is not counted. */
export function charsInBlock(l: TextLine): number {
  const n = [...l.text].length;
  return l.xMax > BLOCK.right + 4 && /[，。、；：！？]$/.test(l.text) ? n - 1 : n;
}

/**
 * Every full line holds 28 characters, or fewer only where a Latin word or a 禁则 pair moved on, or a
 * date or number with its unit that is kept whole starts the next line (issue 15).
 */
export function checkCharsPerLine(lines: TextLine[]): { lines: number; exact: number } {
  const full = fullLines(lines);
  const pieceNext = (l: TextLine) => {
    const next = lines[lines.indexOf(l) + 1];
    return !!next && fixedPieces(next.text.replace(/\s+/g, '')).some(([a]) => a === 0);
  };
  const off = full.filter((l) => charsInBlock(l) > 28 || (charsInBlock(l) < 24 && !pieceNext(l))).map((l) => l.text);
  expect(off).toEqual([]);
  // Of the lines not shortened by a piece kept whole, nearly all hold exactly 28.
  const regular = full.filter((l) => !pieceNext(l));
  const exact = regular.filter((l) => charsInBlock(l) === 28).length;
  expect(exact / regular.length).toBeGreaterThan(0.85);
  return { lines: full.length, exact };
}
