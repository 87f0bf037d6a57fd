// A broken line → text items: one item per stretch of glyphs that share font, size, colour and step,
// so a justified CJK line is a single text object with its character spacing (Tc).
import type { BrokenLine } from './break-lines.js';
import { glyphAdvance } from './shape-text.js';
import type { Face } from '../fonts/face.js';
import type { TextItem } from './types.js';

/** Glyphs and their advances in points (no spacing), as the writers draw them. */
export function glyphRun(face: Face, size: number, glyphs: number[]): { glyphs: number[]; advances: number[] } {
  const k = size / face.unitsPerEm;
  return { glyphs, advances: glyphs.map((g) => (g ? face.glyphAdvance(g) * k : 0)) };
}

/**
 * The line's items; `tail` (the element, a scale) is added to each after its own fields, in the
 * order given — as a copy spreading it would, without the copy.
 */
export function lineItems(line: BrokenLine, x0: number, baseline: number, tail?: Partial<TextItem>): TextItem[] {
  const out: TextItem[] = [];
  const { slots, xs } = line;
  let i = 0;
  while (i < slots.length) {
    const s = slots[i]!;
    let j = i + 1;
    // Spacing after each glyph in this stretch: the gap to the next one minus its own advance.
    const step = j < slots.length ? xs[j]! - xs[i]! - glyphAdvance(s) : s.spacing;
    while (j < slots.length) {
      const t = slots[j]!;
      if (t.face !== s.face || t.size !== s.size || t.bold !== s.bold || t.color !== s.color || t.source?.field !== s.source?.field) break;
      const prev = slots[j - 1]!;
      const gap = xs[j]! - xs[j - 1]! - glyphAdvance(prev);
      if (Math.abs(gap - step) > 0.001) break;
      j++;
    }
    const k = s.size / s.face.unitsPerEm;
    let text = '';
    const glyphs: number[] = [];
    const advances: number[] = [];
    for (let m = i; m < j; m++) {
      const g = slots[m]!;
      text += g.ch;
      glyphs.push(g.glyph);
      advances.push(g.glyph ? s.face.glyphAdvance(g.glyph) * k : 0);
    }
    const item: TextItem = { kind: 'text', x: x0 + xs[i]!, y: baseline, text, glyphs, advances, face: s.face, size: s.size, spacing: j - i > 1 ? step : s.spacing, color: s.color };
    if (s.bold) item.bold = true;
    if (s.source) item.source = s.source;
    if (tail) Object.assign(item, tail);
    out.push(item);
    i = j;
  }
  return out;
}
