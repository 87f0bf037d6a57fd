// Boxes → pages: 22 lines of 28.95 pt to a page, keep chains moved whole to the next page,
// table headers repeated, and the page geometry of portrait and landscape pages.
import { PAGE, TEXT_BLOCK } from '../style/gbt9704.js';
import type { Box } from './boxes.js';
import { moveItems } from './boxes.js';
import { endsShort, squeezePage } from './squeeze-page.js';
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
  /** Elements set tighter, by reference: their line heights. */
  squeezed: Record<string, number>;
}

/** Rounding slack: 22 lines of 28.95 pt fill 637.8 pt with 0.9 pt to spare. */
const EPS = 0.05;

/**
 * Where a chain ending in the 署名 may be cut when moving it whole would leave the page short: before
 * the text's last line, which goes with the 署名 (never a 此页无正文), the lines above it staying
 * with their heading — only when at least two of its paragraph's lines stay and the page then ends
 * at most three lines short.
 */
function lastLineCut(placed: readonly { box: Box; y: number }[], j: number, next: Box, blockH: number): number | undefined {
  // The box that did not fit is in the tail (附件说明, 署名); the last placed box before the tail is the text's last line.
  let cut = placed.length - 1;
  while (cut >= 0 && placed[cut]!.box.ref?.startsWith('t')) cut--;
  if (!next.ref?.startsWith('t') || cut - 2 < j) return undefined;
  const ref = placed[cut]!.box.ref;
  if (!ref?.startsWith('b') || placed[cut - 1]!.box.ref !== ref || placed[cut - 2]!.box.ref !== ref) return undefined;
  return endsShort(placed[cut]!.y, blockH) ? undefined : cut;
}

export function paginate(input: readonly Box[]): Pagination {
  let boxes = input;
  const squeezed: Record<string, number> = {};
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
      // Rather than end more than 3 lines short, the page is set a little tighter (squeeze-page.ts).
      const start = placed.find((p) => p.index >= 0)?.index;
      if (j > 0 && start !== undefined && endsShort(placed[j]?.y ?? y, blockH)) {
        const sq = squeezePage(boxes, start, i, y, blockH, squeezed);
        if (sq) {
          boxes = sq.boxes;
          Object.assign(squeezed, sq.squeezed);
          cur().placed = [];
          y = 0;
          i = start;
          continue;
        }
        j = lastLineCut(placed, j, b, blockH) ?? j;
      }
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
  return { pages: laid, outline, lastY, squeezed };
}
