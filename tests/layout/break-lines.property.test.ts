// Property tests of the line breaker on random mixes of CJK, punctuation, Latin and digits.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FontBook } from '../../src/fonts/font-book.js';
import { breakLines } from '../../src/layout/break-lines.js';
import { HANGING, NO_END, NO_START } from '../../src/layout/kinsoku.js';
import { shapeLine } from '../../src/layout/shape-text.js';
import { BLACK } from '../../src/layout/types.js';
import { nodeWorld } from '../../src/world/node-world.js';
import { ROOT } from '../support/examples.js';
import { assertChunked } from '../support/fuzz.js';

const book = FontBook.load(nodeWorld(ROOT), { system: false });
const pieces = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...'整改落实建章立制问题清单措施目标责任领导部门完成时限会议文件调研群众') },
  { weight: 2, arbitrary: fc.constantFrom(...'，。、；：？！“”（）《》〔〕') },
  { weight: 1, arbitrary: fc.constantFrom('——', '……', '2014', '30%', 'http://example.com/a/very/long/path/that/does/not/fit/on/one/line/at/all', 'GB/T', ' ', 'Word') },
);
const texts = fc.array(pieces, { minLength: 1, maxLength: 160, size: 'max' }).map((a) => a.join(''));
const WIDTH = 442.2;
const diags: never[] = [];

describe('breakLines (property)', () => {
  it('never loses, duplicates or reorders a character; respects 禁则; never overflows', async () => {
    await assertChunked(
      fc.property(texts, fc.boolean(), (text, indent) => {
        const slots = shapeLine([{ type: 'text', text, source: {} }], { role: 'body', size: 16, spacing: -0.25, color: BLACK }, book, diags);
        const lines = breakLines(slots, { width: WIDTH, firstIndent: indent ? 31.5 : 0, justify: true });
        // Nothing lost or reordered (spaces at line ends may be dropped).
        expect(lines.map((l) => l.slots.map((s) => s.ch).join('')).join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
        lines.forEach((l, i) => {
          const chars = l.slots.map((s) => s.ch);
          const avail = WIDTH - (i === 0 && indent ? 31.5 : 0);
          // No overflow: the last glyph ends inside the block, or is a mark allowed to hang.
          const last = l.slots[l.slots.length - 1];
          if (last && !isForcedWord(chars.join(''))) {
            const end = l.xs[l.xs.length - 1]! + last.advance - (last.auto ?? 0);
            expect(HANGING.has(last.ch) ? l.xs[l.xs.length - 1]! : end).toBeLessThanOrEqual(avail + 0.05);
          }
          if (i > 0 && chars.length) expect(NO_START.has(chars[0]!) && lines[i - 1]!.slots.length > 0 && !isForcedWord(lines[i - 1]!.slots.map((s) => s.ch).join(''))).toBe(false);
          if (i < lines.length - 1 && chars.length) expect(NO_END.has(chars[chars.length - 1]!)).toBe(false);
          // —— and …… never split.
          if (i > 0 && chars.length) {
            const prev = lines[i - 1]!.slots.map((s) => s.ch);
            const a = prev[prev.length - 1];
            expect((a === '—' && chars[0] === '—') || (a === '…' && chars[0] === '…')).toBe(false);
          }
          // Justified lines end exactly at the edge.
          if (l.justified) expect(l.width).toBeCloseTo(avail, 3);
        });
      }),
      { seed: 20131210, numRuns: Number(process.env.FUZZ_RUNS ?? 400) },
    );
  });
});

/** A line made of one word too long for any line had to be cut inside it. */
function isForcedWord(s: string): boolean {
  return /^[\x21-\x7e]+$/.test(s);
}
