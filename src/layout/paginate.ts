// Boxes → pages: 22 lines of 28.95 pt to a page, keep chains moved whole to the next page,
// table headers repeated, and the page geometry of portrait and landscape pages.
import { PAGE, TEXT_BLOCK } from '../style/gbt9704.js';
import type { Box } from './boxes.js';
import { moveItems } from './boxes.js';
import type { LaidPage, OutlineEntry, PageGeometry } from './types.js';

export const PORTRAIT: PageGeometry = {
  width: PAGE.width,
  height: PAGE.height,
  block: { x: PAGE.margin.left, y: PAGE.margin.top, width: TEXT_BLOCK.width, height: TEXT_BLOCK.height },
  landscape: false,
};
/** Landscape pages turn the sheet so the table's top is on the binding side (GB/T 9704 §8). */
export const LANDSCAPE: PageGeometry = {
  width: PAGE.height,
  height: PAGE.width,
  block: { x: PAGE.margin.bottom, y: PAGE.margin.left, width: TEXT_BLOCK.height, height: TEXT_BLOCK.width },
  landscape: true,
};

export interface Placed {
  page: number;
  y: number;
}

export interface Pagination {
  pages: LaidPage[];
  outline: OutlineEntry[];
  /** Height used on the last page. */
  lastY: number;
}

/** Rounding slack: 22 lines of 28.95 pt fill 637.8 pt with 0.9 pt to spare. */
const EPS = 0.05;

export function paginate(boxes: readonly Box[]): Pagination {
  const pages: { geometry: PageGeometry; placed: { box: Box; index: number; y: number }[] }[] = [];
  let y = 0;
  const newPage = (landscape: boolean) => {
    pages.push({ geometry: landscape ? LANDSCAPE : PORTRAIT, placed: [] });
    y = 0;
  };
  const cur = () => pages[pages.length - 1]!;
  const place = (box: Box, index: number) => {
    cur().placed.push({ box, index, y });
    y += box.height;
  };
  let i = 0;
  let guard = 0;
  while (i < boxes.length) {
    if (++guard > boxes.length * 4 + 1000) throw new Error('pagination did not converge');
    const b = boxes[i]!;
    if (!pages.length || cur().geometry.landscape !== b.landscape || (b.pageBreakBefore && cur().placed.length > 0)) newPage(b.landscape);
    const blockH = cur().geometry.block.height;
    if (y > 0 && y + b.height > blockH + EPS) {
      // Move the whole keep chain this box ends, unless it already starts the page.
      const placed = cur().placed;
      let j = placed.length;
      while (j > 0 && placed[j - 1]!.box.keepWithNext) j--;
      if (j > 0 && j < placed.length) {
        const moved = placed.splice(j);
        newPage(b.landscape);
        // Repeated headers (index −1) are placed again by the row that starts the new page.
        i = moved.find((m) => m.index >= 0)?.index ?? i;
        continue;
      }
      newPage(b.landscape);
    }
    if (y === 0 && b.repeatHeader && cur().placed.length === 0) for (const h of b.repeatHeader) place(h, -1);
    place(b, i);
    i++;
  }
  if (!pages.length) newPage(false);
  const outline: OutlineEntry[] = [];
  const laid: LaidPage[] = pages.map((p, pi) => {
    const items = p.placed.flatMap(({ box, y: by }) => {
      if (box.outline) outline.push({ ...box.outline, page: pi, y: p.geometry.block.y + by });
      return moveItems(box.items, p.geometry.block.x, p.geometry.block.y + by);
    });
    return { geometry: p.geometry, items };
  });
  const last = pages[pages.length - 1]!;
  const lastY = last.placed.reduce((m, pl) => Math.max(m, pl.y + pl.box.height), 0);
  return { pages: laid, outline, lastY };
}
