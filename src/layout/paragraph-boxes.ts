// A paragraph element as line boxes on the 28.95 pt grid: shaped, broken, aligned, with the keep
// rules of its plan and the orphan/widow rule (the first two and the last two lines together).
import type { Diagnostic } from '../diag/diagnostic.js';
import type { FontSpec, ParaPlan } from '../compose/plan.js';
import type { Line } from '../doc/tree.js';
import type { FontBook } from '../fonts/font-book.js';
import type { Box } from './boxes.js';
import { breakLines, type BrokenLine } from './break-lines.js';
import { lineItems } from './lines-to-items.js';
import { shapeLine, type TextStyle } from './shape-text.js';
import { BLACK, RED } from './types.js';

export interface BlockContext {
  book: FontBook;
  diagnostics: Diagnostic[];
}

/** Baseline of a glyph of `size` centred in a line box of `height` (CJK em box: 0.88 above the baseline). */
export const baselineIn = (height: number, size: number): number => (height - size) / 2 + size * 0.88;

/** The shaper's style for a planned font (colours by identity: the item merger compares them so). */
export const styleOf = (f: FontSpec): TextStyle => ({
  role: f.role,
  size: f.size,
  color: f.color === 'red' ? RED : BLACK,
  ...(f.spacing !== undefined ? { spacing: f.spacing } : {}),
  ...(f.bold ? { bold: true } : {}),
});

/** A line set on one line at its natural width (a name, a label), for placing by hand. */
export function natural(line: Line, style: TextStyle, ctx: BlockContext): BrokenLine {
  return breakLines(shapeLine(line, style, ctx.book, ctx.diagnostics), { width: 1e9, justify: false })[0]!;
}

/** A paragraph as line boxes; the first carries the space before it. */
export function paragraphBoxes(p: ParaPlan, width: number, landscape: boolean, ctx: BlockContext): Box[] {
  const style = styleOf(p.font);
  const slots = shapeLine(p.line, style, ctx.book, ctx.diagnostics);
  const left = p.left ?? 0;
  const right = p.right ?? 0;
  const hanging = p.hanging ?? 0;
  const first = p.firstIndent ?? 0;
  const scale = (p.font.scale ?? 100) / 100;
  if (scale !== 1) for (const s of slots) s.advance *= scale;
  // The first line starts at left + first − hanging; the others at left.
  const lines = breakLines(slots, { width: width - left - right, firstIndent: first - hanging, justify: p.align === 'justify' });
  const h = p.lineHeight;
  const n = lines.length;
  const boxes = lines.map((line, i): Box => {
    const lineLeft = i === 0 ? left + first - hanging : left;
    let x = lineLeft;
    if (p.align === 'center') x = lineLeft + (width - right - lineLeft - line.width) / 2;
    else if (p.align === 'right') x = width - right - line.width;
    const before = i === 0 ? (p.before ?? 0) : 0;
    const items = lineItems(line, x, before + baselineIn(h, style.size), scale !== 1 ? { scale: scale * 100, element: p.element } : { element: p.element });
    // Orphans and widows: the first two and the last two lines of a paragraph stay together.
    const keep = p.keepLines || (n >= 2 && (i === 0 || i >= n - 2)) || (i === n - 1 && !!p.keepNext);
    const box: Box = { height: before + h, items, keepWithNext: keep && !(i === n - 1 && !p.keepNext), landscape, pitch: h };
    if (i === 0 && p.outline) box.outline = p.outline;
    return box;
  });
  if (p.prefix && boxes[0]) {
    // The prefix (“附件：1.”) drawn before the first line at its own place.
    const at = natural([{ type: 'text', text: p.prefix.text, source: {} }], style, ctx);
    boxes[0].items.unshift(...lineItems(at, p.prefix.at, (p.before ?? 0) + baselineIn(h, style.size), { element: p.element }));
  }
  if (p.pageBreakBefore && boxes[0]) boxes[0].pageBreakBefore = true;
  const tight = lines.flatMap((l) => l.tight ?? []);
  if (tight.length && boxes[0]) boxes[0].tight = tight;
  return boxes;
}
