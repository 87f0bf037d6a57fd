// A line that would leave a 〔年份〕 or a number for the next one and be stretched takes it in, set a
// little tighter (issue 30): the breaker's choice, its limits, and the stretches the DOCX repeats.
import { describe, expect, it } from 'vitest';
import { FontBook } from '../../src/fonts/font-book.js';
import { breakLines, type BrokenLine } from '../../src/layout/break-lines.js';
import { shapeLine } from '../../src/layout/shape-text.js';
import { BLACK } from '../../src/layout/types.js';
import { nodeWorld } from '../../src/world/node-world.js';
import { ROOT } from '../support/examples.js';

const book = FontBook.load(nodeWorld(ROOT), { system: false });
const WIDTH = 442.2;
const lines = (text: string, firstIndent = 0): BrokenLine[] =>
  breakLines(shapeLine([{ type: 'text', text, source: {} }], { role: 'body', size: 16, spacing: -0.25, color: BLACK }, book, []), { width: WIDTH, firstIndent, justify: true });
const textOf = (l: BrokenLine) => l.slots.map((s) => s.ch).join('');
/** Ems of text a line holds (digits half), the measure the page-craft test applies to the PDF. */
const natural = (l: BrokenLine) => l.slots.reduce((w, s) => w + s.advance, 0);
const HAN = '资集团有限公司委员会反馈了巡视意见省委巡视反馈整改落实';

describe('tightened lines', () => {
  it('take a 〔年份〕 in rather than leave the line stretched, by less than a tolerated stretch spreads', () => {
    const [first, second] = lines(`${HAN.slice(0, 17)}（${HAN.slice(17, 23)}〔2025〕5号），指出了问题。`);
    expect(textOf(first!)).toBe('资集团有限公司委员会反馈了巡视意见（省委巡视反馈〔2025〕5');
    expect(textOf(second!)).toBe('号），指出了问题。');
    expect(first!.tight?.length).toBeGreaterThan(0);
    for (const t of first!.tight!) expect(t.by).toBeLessThanOrEqual(16 / 13);
    // The stretches cover the line's Chinese characters and marks — digits keep their spacing, as
    // LibreOffice measures them — nothing of the next line, and the line now fits the measure.
    const covered = first!.slots.map((_s, i) => first!.tight!.some((t) => t.from <= i && i < t.to));
    expect(first!.slots.filter((_s, i) => !covered[i]).map((s) => s.ch).join('')).toBe('20255');
    expect(first!.tight!.at(-1)!.to).toBeLessThanOrEqual(first!.slots.length);
    expect(natural(first!)).toBeLessThanOrEqual(WIDTH);
    expect(second!.tight).toBeUndefined();
  });

  it('keeps a 发文字号’s 〔年份〕 with its number, as LibreOffice does', () => {
    for (let pad = 18; pad <= 27; pad++) {
      const ls = lines(`${'改'.repeat(pad)}〔2025〕5号文件。${'改'.repeat(30)}`);
      for (const l of ls) expect(textOf(l)).not.toMatch(/〕$/);
    }
  });

  it('leaves a line stretched when the group would need more than 1/13 em a character', () => {
    const [first, second] = lines(`欢迎社会各界对审计整改情况进行监督。联系电话：010-87654321。${'改'.repeat(10)}`, 31.5);
    expect(first!.tight).toBeUndefined();
    expect(first!.justified).toBe(true);
    expect(textOf(second!)).toMatch(/^010-87654321。/);
  });

  it('leaves a group that ends in a hanging mark (“33.3%。”) alone, as LibreOffice sets it otherwise', () => {
    let stretched = 0;
    for (let pad = 16; pad <= 27; pad++) {
      for (const l of lines(`${'改'.repeat(pad)}完成率 33.3%。${'改'.repeat(30)}`)) {
        expect(l.tight === undefined || !/[，。、；：！？]$/.test(textOf(l))).toBe(true);
        if (l.justified && textOf(l).endsWith('完成率')) stretched++;
      }
    }
    expect(stretched).toBeGreaterThan(0);
  });
});
