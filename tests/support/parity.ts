// Line-break parity: how many pure-CJK body lines of LibreOffice's rendering of our DOCX appear,
// character for character, as lines of our own PDF.
import { isBodyLine, PAGE_NO } from './grid-check.js';
import type { TextLine } from './poppler.js';

const ASCII = /[\x20-\x7e]/;

/**
 * Pure-CJK body lines, a trailing hanging mark removed: LibreOffice sometimes leaves a mark it
 * hung past the margin out of its PDF, though it broke the line at the same place.
 */
export function cjkBodyLines(lines: TextLine[]): string[] {
  return lines.filter((l) => isBodyLine(l) && !PAGE_NO.test(l.text) && !ASCII.test(l.text) && [...l.text].length >= 20).map((l) => l.text.replace(/[，。、；：！？]$/, ''));
}

export function lineParity(reference: TextLine[], ours: TextLine[]): { matched: number; total: number } {
  const pool = new Map<string, number>();
  for (const t of cjkBodyLines(ours)) pool.set(t, (pool.get(t) ?? 0) + 1);
  let matched = 0;
  const ref = cjkBodyLines(reference);
  for (const t of ref) {
    const n = pool.get(t) ?? 0;
    if (n > 0) {
      matched++;
      pool.set(t, n - 1);
    }
  }
  return { matched, total: ref.length };
}
