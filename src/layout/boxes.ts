// Vertical boxes: lines and table rows with their keep rules, ready to be cut into pages.
import type { Tightened } from '../compose/plan.js';
import type { PageItem } from './types.js';

export interface Box {
  height: number;
  /** Items with y relative to the box top and x relative to the text block's left edge. */
  items: PageItem[];
  /** Keep on the same page as the next box (headings, orphans and widows, signature blocks). */
  keepWithNext?: boolean;
  pageBreakBefore?: boolean;
  landscape: boolean;
  /** Header rows of the table this row belongs to, repeated when the row starts a page. */
  repeatHeader?: Box[];
  outline?: { title: string; level: number };
  /** The element the box sets (compose/squeeze.ts): the boxes of one element are consecutive. */
  ref?: string;
  /** The line pitch within `height` that a tighter page may shrink (paragraph and blank lines). */
  pitch?: number;
  /** On a paragraph's first box: the stretches of its characters its lines set tighter. */
  tight?: Tightened[];
}

/** Shifts items by (dx, dy). */
export function moveItems(items: readonly PageItem[], dx: number, dy: number): PageItem[] {
  return items.map((it) => (it.kind === 'text' ? { ...it, x: it.x + dx, y: it.y + dy } : { ...it, x1: it.x1 + dx, x2: it.x2 + dx, y1: it.y1 + dy, y2: it.y2 + dy }));
}
