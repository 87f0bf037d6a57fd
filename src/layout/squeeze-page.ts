// A page set a little tighter rather than ending short (issue 30): when what must stay together
// (a heading with its lines, the last lines with the 署名) does not fit at the foot of a page and
// moving it would leave more than three grid lines empty, the elements that begin and end within
// the page and that chain are set at a smaller pitch — never below 90 % of the grid's — so it fits.
import { GRID } from '../style/gbt9704.js';
import { moveItems, type Box } from './boxes.js';

/** A page may end this much short (in grid lines) before its elements are set tighter. */
export const SHORT_LINES = 3;
/** The tightest pitch a squeezed page takes, as a share of the grid's. */
const MIN_RATIO = 0.9;

/**
 * The boxes with the page from `start` to the end of the chain through `at` squeezed to fit
 * `room`, and the line heights given (by element reference); undefined when it would take more.
 */
export function squeezePage(
  boxes: readonly Box[],
  start: number,
  at: number,
  used: number,
  room: number,
  done: Readonly<Record<string, number>>,
): { boxes: Box[]; squeezed: Record<string, number> } | undefined {
  let end = at;
  while (boxes[end]!.keepWithNext && end + 1 < boxes.length) end++;
  const need = used + boxes.slice(at, end + 1).reduce((s, b) => s + b.height, 0) - room;
  if (need <= 0) return undefined;
  // Elements wholly on the page: an element's boxes are consecutive, so only the ones cut at the
  // page's top (begun on the page before) or at the chain's end (going on after it) are not.
  const cutTop = start > 0 && boxes[start - 1]!.ref === boxes[start]!.ref ? boxes[start]!.ref : undefined;
  const cutEnd = end + 1 < boxes.length && boxes[end + 1]!.ref === boxes[end]!.ref ? boxes[end]!.ref : undefined;
  const whole = (b: Box) => !!b.ref && b.pitch !== undefined && !(b.ref in done) && b.ref !== cutTop && b.ref !== cutEnd;
  const total = boxes.slice(start, end + 1).reduce((s, b) => s + (whole(b) ? b.pitch! : 0), 0);
  const ratio = total ? 1 - need / total : 0;
  if (ratio < MIN_RATIO) return undefined;
  const squeezed: Record<string, number> = {};
  const out = boxes.map((b, i) => {
    if (i < start || i > end || !whole(b)) return b;
    // In twentieths of a point, rounded down: the DOCX's exact line height is the same number.
    const pitch = Math.floor(b.pitch! * ratio * 20) / 20;
    squeezed[b.ref!] = pitch;
    const less = b.pitch! - pitch;
    return { ...b, height: b.height - less, pitch, items: moveItems(b.items, 0, -less / 2) };
  });
  return { boxes: out, squeezed };
}

/** Whether a page ending at `y` of `height` ends more than SHORT_LINES short (the block holds 22 lines and 0.9 pt). */
export const endsShort = (y: number, height: number): boolean => height - y > SHORT_LINES * GRID.linePitch + 1.5;
