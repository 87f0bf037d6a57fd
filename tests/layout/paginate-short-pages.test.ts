// No page ends more than three grid lines short (issue 30): a chain that does not fit is made to
// fit by setting the page's whole elements a little tighter (never below 90 % of the grid), or, at
// the 署名, by carrying only the text's last line with it; otherwise the chain moves as before.
import { describe, expect, it } from 'vitest';
import type { Box } from '../../src/layout/boxes.js';
import { paginate } from '../../src/layout/paginate.js';
import { GRID, TEXT_BLOCK } from '../../src/style/gbt9704.js';

const PITCH = GRID.linePitch;
/** A paragraph of `n` lines as boxes, with the orphan/widow keeps the layout gives it. */
function para(ref: string, n: number, keepLast = false): Box[] {
  return Array.from({ length: n }, (_v, i) => ({
    height: PITCH,
    pitch: PITCH,
    ref,
    landscape: false,
    items: [{ kind: 'rule' as const, x1: 0, x2: 10, y1: PITCH / 2, y2: PITCH / 2, width: 1, color: [0, 0, 0] as [number, number, number], element: 'body' as const }],
    keepWithNext: (n >= 2 && (i === 0 || i >= n - 2) && i < n - 1) || (i === n - 1 && keepLast),
  }));
}
const heading = (ref: string) => para(ref, 1, true);
const linesOn = (boxes: Box[], page: number) => paginate(boxes).pages[page]!.items.length;

describe('short pages', () => {
  it('sets a page tighter so a heading chain fits instead of leaving 4 lines empty', () => {
    // 18 lines, then a heading, a two-line heading and a paragraph: 5 lines that must stay together.
    const boxes = [...para('b0', 18), ...heading('b1'), ...para('b2', 2, true), ...para('b3', 6)];
    const r = paginate(boxes);
    expect(r.pages[0]!.items.length).toBe(18 + 1 + 2 + 2);
    expect(Object.keys(r.squeezed).sort()).toEqual(['b0', 'b1', 'b2']);
    for (const h of Object.values(r.squeezed)) expect(h).toBeGreaterThanOrEqual(PITCH * 0.9);
    // The squeezed page's last line ends inside the block.
    const last = r.pages[0]!.items.at(-1)!;
    expect(last.kind === 'rule' && last.y1).toBeLessThan(r.pages[0]!.geometry.block.y + TEXT_BLOCK.height);
    // Nothing else is squeezed: the next page keeps the grid.
    expect(linesOn(boxes, 1)).toBe(4);
  });

  it('moves the chain when fitting would take more than 10 %', () => {
    const boxes = [...para('b0', 4), ...heading('b1'), ...para('b2', 12, true), ...para('b3', 3)];
    // 4 + 1 + 12 + 3 = 20 lines fit; make the chain too long: a 9-line kept paragraph after 14 lines.
    const long = [...para('b0', 14), ...heading('b1'), { ...para('b2', 9, true)[0]!, height: 9 * PITCH, pitch: undefined }, ...para('b3', 3)];
    expect(paginate(boxes).pages).toHaveLength(1);
    const r = paginate(long);
    expect(r.squeezed).toEqual({});
    expect(r.pages[0]!.items.length).toBe(14);
  });

  it('carries only the last line of text with the 署名 when moving the chain would leave the page short', () => {
    // A long paragraph runs onto page 2 (16 lines there: not squeezable, it began on page 1); then a
    // heading, a 3-line last paragraph and the tail (blank, 署名, date, 附注) — 24 lines for 22.
    const tail: Box[] = ['t0', 't1', 't2', 't3'].map((ref, i) => ({ height: PITCH, ref, landscape: false, items: [], keepWithNext: i < 3 }));
    const boxes = [...para('b0', 22 + 16), ...heading('b1'), ...para('b2', 3, true), ...tail];
    const r = paginate(boxes);
    expect(r.squeezed).toEqual({});
    // Page 2: 16 lines, the heading and two lines of the last paragraph; page 3: its last line and the tail.
    expect(r.pages[1]!.items.length).toBe(19);
    expect(r.pages[2]!.items.length).toBe(1);
  });
});
