// Line breaking, pure: glyph slots → lines that fit the width. Break opportunities by UAX #14
// (the `linebreak` package) narrowed by the Chinese 禁则; Latin words and numbers stay whole unless
// longer than a line; closing punctuation may hang; every line but a paragraph's last is justified.
import LineBreaker from 'linebreak';
import { HANGING, NO_END, NO_START, isUnsplittablePair } from './kinsoku.js';
import type { Slot } from './shape-text.js';

export interface BrokenLine {
  slots: Slot[];
  /** x of each slot relative to the line start. */
  xs: number[];
  /** Width used, without a hanging mark. */
  width: number;
  /** Whether the line was stretched to the full width. */
  justified: boolean;
}

export interface BreakOptions {
  width: number;
  /** Indent of the first line (two characters for body paragraphs). */
  firstIndent?: number;
  /** Justify all lines but the last (and lines ending in a forced break). */
  justify: boolean;
}

/**
 * Indices i where a line may break before slot i (i in 1..n-1); forced breaks after hard breaks.
 * Only the rules Word, WPS and LibreOffice share: Latin words and numbers whole by UAX #14, Chinese
 * between characters under the 禁则 — so the DOCX needs no hidden characters to break alike.
 */
export function breakOpportunities(slots: readonly Slot[]): { allowed: boolean[]; forced: boolean[] } {
  const n = slots.length;
  const allowed = new Array<boolean>(n + 1).fill(false);
  const forced = new Array<boolean>(n + 1).fill(false);
  // UAX #14 works on UTF-16 offsets; map them to slot indices (-1: inside a surrogate pair).
  let text = '';
  for (const s of slots) text += s.ch;
  const slotAt = new Int32Array(text.length + 1).fill(-1);
  let off = 0;
  for (let i = 0; i < n; i++) {
    slotAt[off] = i;
    off += slots[i]!.ch.length;
  }
  slotAt[off] = n;
  const lb = new LineBreaker(text);
  for (let b = lb.nextBreak(); b; b = lb.nextBreak()) {
    const i = slotAt[b.position] ?? -1;
    if (i <= 0 || i >= n) continue;
    allowed[i] = true;
  }
  for (let i = 1; i < n; i++) {
    const prev = slots[i - 1]!;
    const cur = slots[i]!;
    if (prev.hardBreak) {
      allowed[i] = true;
      forced[i] = true;
      continue;
    }
    if (cur.hardBreak) {
      allowed[i] = false;
      continue;
    }
    // UAX #14 keeps quotation marks to their neighbours; Chinese text breaks before “ and after ”
    // like any ideograph (only 禁则 apply), as Word and LibreOffice do.
    if ((isOpenQuote(cur.cp) && isCjk(prev)) || (isCloseQuote(prev.cp) && isCjk(cur))) allowed[i] = true;
    // A line never ends with an opening mark, even when spaces follow it.
    let k = i - 1;
    while (k > 0 && isSpace(slots[k]!)) k--;
    if (NO_START.has(cur.ch) || NO_END.has(slots[k]!.ch) || isUnsplittablePair(prev.ch, cur.ch)) allowed[i] = false;
  }
  return { allowed, forced };
}

/** “ ‘ and ” ’ */
const isOpenQuote = (cp: number) => cp === 0x201c || cp === 0x2018;
const isCloseQuote = (cp: number) => cp === 0x201d || cp === 0x2019;
/** Ideographs and full-width marks (not Latin letters or digits). */
const isCjk = (s: Slot) => s.cp >= 0x2e80 || isOpenQuote(s.cp) || isCloseQuote(s.cp);
const isSpace = (s: Slot) => s.cp === 0x20 || s.cp === 0x3000;
const isLatin = (s: Slot | undefined) => !!s && /[A-Za-z0-9]/.test(s.ch);

export function breakLines(slots: readonly Slot[], opts: BreakOptions): BrokenLine[] {
  const n = slots.length;
  if (n === 0) return [{ slots: [], xs: [], width: 0, justified: false }];
  const { allowed, forced } = breakOpportunities(slots);
  const lines: BrokenLine[] = [];
  let start = 0;
  while (start < n) {
    const avail = opts.width - (lines.length === 0 ? (opts.firstIndent ?? 0) : 0);
    let w = 0;
    let lastBreak = -1;
    let end = start;
    let hang = false;
    let hardEnd = false;
    // Spaces past the edge take no room at a break, but a mark after them has nowhere to hang.
    let spacesPastEdge = false;
    for (; end < n; end++) {
      if (end > start && forced[end]) {
        hardEnd = true;
        break;
      }
      const s = slots[end]!;
      if (end > start && allowed[end]) lastBreak = end;
      // A slot's autospace is room after it: it need not fit when the line ends there.
      if (w + s.advance - (s.auto ?? 0) > avail + 0.01 && !s.hardBreak) {
        // Trailing spaces never force a break; a closing mark may hang past the edge.
        if (isSpace(s)) {
          spacesPastEdge = true;
          continue;
        }
        // Hang only if what follows may start a line (two marks in a row cannot both hang); spaces
        // after the mark are dropped at the break, so look past them.
        let after = end + 1;
        while (after < n && isSpace(slots[after]!) && !slots[after]!.hardBreak) after++;
        const next = slots[after];
        if (HANGING.has(s.ch) && end > start && !spacesPastEdge && w <= avail + 0.01 && !(next && !next.hardBreak && NO_START.has(next.ch))) {
          hang = true;
          end++;
          break;
        }
        break;
      }
      w += s.advance;
    }
    let stop: number;
    if (end >= n || hardEnd || hang) stop = end;
    else if (lastBreak > start) stop = lastBreak;
    else stop = Math.max(start + 1, end); // a word longer than the line: break inside it
    const lineSlots = slots.slice(start, stop).filter((s) => !s.hardBreak);
    // Spaces at the end of a line take no room.
    while (lineSlots.length && isSpace(lineSlots[lineSlots.length - 1]!)) lineSlots.pop();
    const isLast = stop >= n || forced[stop] === true;
    lines.push(place(lineSlots, avail, opts.justify && !isLast));
    start = stop;
    // Skip spaces at the start of the next line.
    while (start < n && isSpace(slots[start]!) && !forced[start]) start++;
  }
  return lines;
}

/** Positions slots on a line; a justified line spreads the spare room over the gaps that may stretch. */
function place(slots: Slot[], avail: number, justify: boolean): BrokenLine {
  const last = slots[slots.length - 1];
  const hangs = !!last && HANGING.has(last.ch);
  let natural = 0;
  slots.forEach((s) => (natural += s.advance));
  natural -= last?.auto ?? 0;
  const width = hangs && natural > avail + 0.01 ? natural - last!.advance : natural;
  const gaps: boolean[] = slots.map((s, i) => i > 0 && !(isLatin(slots[i - 1]) && isLatin(s)));
  const nGaps = gaps.filter(Boolean).length;
  const spare = avail - width;
  const extra = justify && nGaps > 0 && spare > 0 && spare < avail * 0.5 ? spare / nGaps : 0;
  const xs: number[] = [];
  let x = 0;
  slots.forEach((s, i) => {
    if (gaps[i]) x += extra;
    xs.push(x);
    x += s.advance;
  });
  return { slots, xs, width: extra > 0 ? avail : width, justified: extra > 0 };
}
