// Line breaking, pure: glyph slots → lines that fit the width. Break opportunities by UAX #14
// (the `linebreak` package) narrowed by the Chinese 禁则; Latin words and numbers stay whole unless
// longer than a line; closing punctuation may hang; every line but a paragraph's last is justified.
import LineBreaker from 'linebreak';
import { HANGING, NO_END, NO_START, isUnsplittablePair } from './kinsoku.js';
import type { Slot } from './shape-text.js';
import type { Tightened } from '../compose/plan.js';

export interface BrokenLine {
  slots: Slot[];
  /** x of each slot relative to the line start. */
  xs: number[];
  /** Width used, without a hanging mark. */
  width: number;
  /** Whether the line was stretched to the full width. */
  justified: boolean;
  /** Stretches of the paragraph's slots set tighter (the DOCX runs say so too). */
  tight?: Tightened[];
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
    // A 发文字号's 〔年份〕 stays with its number: LibreOffice never breaks 〔2025〕5号 (measured),
    // though UAX #14 would after 〕.
    if (prev.ch === '〕' && /[0-9]/.test(cur.ch)) allowed[i] = false;
  }
  return { allowed, forced };
}

/** “ ‘ and ” ’ */
const isOpenQuote = (cp: number) => cp === 0x201c || cp === 0x2018;
const isCloseQuote = (cp: number) => cp === 0x201d || cp === 0x2019;
/** Ideographs and full-width marks (not Latin letters or digits). */
const isCjk = (s: Slot) => s.cp >= 0x2e80 || isOpenQuote(s.cp) || isCloseQuote(s.cp);
const isSpace = (s: Slot) => s.cp === 0x20 || s.cp === 0x3000;
/** ASCII letters and digits: a run of them (a word, a number) does not stretch inside. */
const latin = (cp: number) => (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);

/** Where a greedy line from `start` ends: before `stop`, with a hanging mark or a forced break. */
interface LineEnd {
  stop: number;
  hang: boolean;
  hardEnd: boolean;
}

/** The greedy fit every reader does: as many slots as the room holds, back to the last break. */
function fitLine(slots: readonly Slot[], start: number, avail: number, allowed: boolean[], forced: boolean[]): LineEnd {
  const n = slots.length;
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
  return { stop, hang, hardEnd };
}

/** Room a line may leave before it counts as stretched: two characters (issue 30's 26 of 28). */
const STRETCH_EMS = 2;
/** The most a tightened line takes from each character: what a tolerated stretch spreads (2 of 28 ems over 26 gaps). */
const TIGHTEN_EM = STRETCH_EMS / 26;
/** Room a tightened line keeps, so readers rounding widths in twips still fit it. */
const TIGHTEN_SLACK = 0.25;
/** Character spacing is written in twentieths of a point. */
const TWIP = 0.05;
/**
 * The slots from `start` to `to` set tighter, so the group that would otherwise leave the line
 * before it stretched fits on it (挤进, as Word squeezes for its 禁则; GB/T 9704 §7.3.5.5 “调整字距”):
 * every Chinese character and mark by the same few tenths of a point. Undefined when that takes more
 * than TIGHTEN_EM a character, or the greedy fit would not end the line at `to`. (Taking the brackets'
 * blank halves instead was tried: LibreOffice does not fit the line so, and pdftotext reads such a
 * line out of order.)
 */
function tightened(slots: readonly Slot[], start: number, to: number, avail: number, allowed: boolean[], forced: boolean[]): { slots: Slot[]; tight: Tightened[] } | undefined {
  let end = to;
  while (end > start && isSpace(slots[end - 1]!)) end--;
  const last = slots[end - 1]!;
  // A group ending in a mark that would hang is left alone: LibreOffice sets such a tightened line
  // differently (measured on “完成率 33.3%。”).
  if (HANGING.has(last.ch)) return undefined;
  // Only the Chinese characters and marks: LibreOffice measures Latin letters and digits without
  // the extra spacing when it breaks lines (measured), so they keep the font's.
  const takes = (i: number) => !slots[i]!.hardBreak && slots[i]!.cp >= 0x80;
  // The autospace after the last character counts as room to keep: a margin for readers' rounding.
  let width = 0;
  let takers = 0;
  // LibreOffice fits a line short of our sum by about a character's spacing at the end of each run
  // (a change between Chinese and Latin or of font is a new run in the DOCX; measured): each run
  // keeps that much room.
  let runs = 0;
  for (let i = start; i < end; i++) {
    const s = slots[i]!;
    width += s.advance;
    if (takes(i)) takers++;
    if (i === start || takes(i) !== takes(i - 1) || s.face !== slots[i - 1]!.face || s.bold !== slots[i - 1]!.bold) runs++;
  }
  const spacing = Math.abs(last.spacing);
  const room = takers - runs;
  const by = room > 0 ? Math.max(0, Math.ceil((width - avail + TIGHTEN_SLACK + runs * spacing) / room / TWIP - 1e-6) * TWIP) : Infinity;
  if (by > last.size * TIGHTEN_EM + 1e-9 || by === 0) return undefined;
  const trial = slots.slice();
  const tight: Tightened[] = [];
  for (let i = start; i < to; i++) {
    if (!takes(i)) continue;
    const s = slots[i]!;
    trial[i] = { ...s, advance: s.advance - by, spacing: s.spacing - by };
    const prev = tight.at(-1);
    if (prev?.to === i) prev.to = i + 1;
    else tight.push({ from: i, to: i + 1, by });
  }
  return fitLine(trial, start, avail, allowed, forced).stop === to ? { slots: trial, tight } : undefined;
}

export function breakLines(slots: readonly Slot[], opts: BreakOptions): BrokenLine[] {
  const n = slots.length;
  if (n === 0) return [{ slots: [], xs: [], width: 0, justified: false }];
  const { allowed, forced } = breakOpportunities(slots);
  const lines: BrokenLine[] = [];
  let work = slots;
  let start = 0;
  while (start < n) {
    const avail = opts.width - (lines.length === 0 ? (opts.firstIndent ?? 0) : 0);
    let { stop } = fitLine(work, start, avail, allowed, forced);
    let tight: BrokenLine['tight'];
    if (opts.justify && stop < n && !forced[stop]) {
      // A line that would be stretched by more than two characters takes the next group in, set
      // a little tighter, when that fits.
      let natural = 0;
      for (let i = start; i < stop; i++) natural += work[i]!.advance;
      const em = work[start]!.size + work[start]!.spacing;
      const found = allowed.indexOf(true, stop + 1);
      const next = found > 0 ? found : n;
      if (natural < avail - STRETCH_EMS * em) {
        const t = tightened(work, start, next, avail, allowed, forced);
        if (t) {
          work = t.slots;
          tight = t.tight;
          stop = next;
        }
      }
    }
    const lineSlots: Slot[] = [];
    for (let i = start; i < stop; i++) if (!work[i]!.hardBreak) lineSlots.push(work[i]!);
    // Spaces at the end of a line take no room.
    while (lineSlots.length && isSpace(lineSlots[lineSlots.length - 1]!)) lineSlots.pop();
    const isLast = stop >= n || forced[stop] === true;
    const line = place(lineSlots, avail, opts.justify && !isLast);
    lines.push(tight ? { ...line, tight } : line);
    start = stop;
    // Skip spaces at the start of the next line.
    while (start < n && isSpace(work[start]!) && !forced[start]) start++;
  }
  return lines;
}

/** Positions slots on a line; a justified line spreads the spare room over the gaps that may stretch. */
function place(slots: Slot[], avail: number, justify: boolean): BrokenLine {
  const last = slots[slots.length - 1];
  const hangs = !!last && HANGING.has(last.ch);
  let natural = 0;
  for (const s of slots) natural += s.advance;
  natural -= last?.auto ?? 0;
  const width = hangs && natural > avail + 0.01 ? natural - last!.advance : natural;
  // A gap before every slot but the first, except inside a run of Latin letters and digits.
  const gap = (i: number) => i > 0 && !(latin(slots[i - 1]!.cp) && latin(slots[i]!.cp));
  let nGaps = 0;
  for (let i = 1; i < slots.length; i++) if (gap(i)) nGaps++;
  const spare = avail - width;
  const extra = justify && nGaps > 0 && spare > 0 && spare < avail * 0.5 ? spare / nGaps : 0;
  const xs: number[] = new Array<number>(slots.length);
  let x = 0;
  for (let i = 0; i < slots.length; i++) {
    if (extra > 0 && gap(i)) x += extra;
    xs[i] = x;
    x += slots[i]!.advance;
  }
  return { slots, xs, width: extra > 0 ? avail : width, justified: extra > 0 };
}
