// CFF subsets that carry only what their glyphs draw (issue 30, 33). fontkit's CFF subsetter keeps
// every subroutine slot (an unused one as a one-byte “return”, plus its offset): a Noto CJK face
// has thousands, so a subset of a dozen heading glyphs weighed ~55 KB. Here the used subroutines are
// inlined into each glyph's charstring (desubroutinized, as fontTools' subsetter does with
// --desubroutinize) and the subset carries no subroutines at all; fontkit still writes the CFF.
import { padCffReals } from './cff-reals.js';
import type { Face } from './face.js';

interface SubrIndex {
  length: number;
  [i: number]: { offset: number; length: number };
}
interface CffTable {
  stream: { pos: number; readBuffer(n: number): Uint8Array };
  isCIDFont: boolean;
  topDict: { Private?: { Subrs?: SubrIndex } | null; FDArray?: { Private?: ({ Subrs?: SubrIndex } & Record<string, unknown>) | null; [key: string]: unknown }[] };
  globalSubrIndex?: SubrIndex;
  fdForGlyph(gid: number): number | null;
  getCharString(gid: number): Uint8Array;
}
interface FontkitSubset {
  glyphs: number[];
  charstrings: Uint8Array[];
  gsubrs: Uint8Array[];
  cff: CffTable;
  includeGlyph(g: number): number;
  encode(): Uint8Array;
  subsetCharstrings(): void;
  subsetFontdict(topDict: TopDict): void;
  subsetSubrs(subrs: SubrIndex, used: Record<number, boolean>): Uint8Array[];
}
/** The subset's top dict as fontkit's CFF writer takes it. */
interface TopDict {
  FDArray: Record<string, unknown>[];
  FDSelect: { version: number; fds: number[] };
}

/** Charstrings nest subroutine calls at most 10 deep (Type 2 charstring format, §4). */
const MAX_DEPTH = 10;
/** A flattened glyph longer than this is refused (a malformed font looping through its subroutines). */
const MAX_BYTES = 1 << 20;

const bias = (n: number) => (n < 1240 ? 107 : n < 33900 ? 1131 : 32768);

/** A subroutine INDEX read on demand: its count, and each subroutine's bytes when first called. */
interface Subrs {
  count: number;
  get(i: number): Uint8Array | undefined;
}

/** Per font's CFF table and INDEX, so every subset of a face reads each subroutine once. */
const readers = new WeakMap<object, Subrs>();
const NONE: Subrs = { count: 0, get: () => undefined };

function subrsOf(cff: CffTable, index: SubrIndex | undefined): Subrs {
  if (!index) return NONE;
  let r = readers.get(index);
  if (!r) {
    const cache: Uint8Array[] = [];
    r = {
      count: index.length,
      get: (i) => {
        const e = i >= 0 && i < index.length ? index[i] : undefined;
        if (!e) return undefined;
        if (!cache[i]) {
          cff.stream.pos = e.offset;
          cache[i] = cff.stream.readBuffer(e.length);
        }
        return cache[i];
      },
    };
    readers.set(index, r);
  }
  return r;
}

/** Length in bytes of the Type 2 operand starting with byte `b`. */
const operandLength = (b: number) => (b === 28 ? 3 : b <= 246 ? 1 : b <= 254 ? 2 : 5);

/** Value of the Type 2 integer operand at `i` (a subroutine number: never the 16.16 form). */
function operandValue(cs: Uint8Array, i: number): number {
  const b = cs[i]!;
  if (b === 28) return ((cs[i + 1]! << 24) >> 16) | cs[i + 2]!;
  if (b <= 246) return b - 139;
  if (b <= 250) return (b - 247) * 256 + cs[i + 1]! + 108;
  if (b <= 254) return -(b - 251) * 256 - cs[i + 1]! - 108;
  return NaN;
}

/** The flattened charstring being written: a growing byte buffer, the operand count and stems. */
class Flattening {
  buf = new Uint8Array(1024);
  n = 0;
  /** Operands since the last operator (across subroutine boundaries, as the interpreter counts). */
  args = 0;
  stems = 0;
  constructor(
    readonly global: Subrs,
    readonly local: Subrs,
  ) {}
  copy(cs: Uint8Array, from: number, to: number): void {
    const len = to - from;
    if (len <= 0) return;
    if (this.n + len > this.buf.length) {
      if (this.n + len > MAX_BYTES) throw new Error('CFF charstring too long');
      const next = new Uint8Array(Math.max(this.buf.length * 2, this.n + len));
      next.set(this.buf.subarray(0, this.n));
      this.buf = next;
    }
    this.buf.set(cs.subarray(from, to), this.n);
    this.n += len;
  }
}

/**
 * Copies `cs` into `f` with every subroutine call replaced by the subroutine, in spans between
 * calls; true at endchar. Operators are read only to count operands and stems (a hintmask is
 * followed by a mask byte per eight stems, hints in the glyph and its subroutines together).
 */
function flatten(cs: Uint8Array, f: Flattening, depth: number): boolean {
  if (depth > MAX_DEPTH) throw new Error('CFF subroutines nest too deep');
  let from = 0;
  let last = -1;
  let i = 0;
  while (i < cs.length) {
    const b = cs[i]!;
    if (b === 28 || b >= 32) {
      last = i;
      f.args++;
      i += operandLength(b);
      continue;
    }
    if (b === 10 || b === 29) {
      // callsubr / callgsubr: the subroutine's number is the last operand, not written.
      if (last < from) throw new Error('CFF subroutine call without its number');
      const subrs = b === 10 ? f.local : f.global;
      const subr = subrs.get(operandValue(cs, last) + bias(subrs.count));
      if (!subr) throw new Error('CFF subroutine out of range');
      f.copy(cs, from, last);
      f.args--;
      if (flatten(subr, f, depth + 1)) return true;
      from = ++i;
      continue;
    }
    if (b === 11) {
      // return: back in the caller, without the operator.
      f.copy(cs, from, i);
      return false;
    }
    const op = b === 12 ? 1200 + cs[i + 1]! : b;
    i += b === 12 ? 2 : 1;
    if (op === 1 || op === 3 || op === 18 || op === 23 || op === 19 || op === 20) f.stems += f.args >> 1;
    if (op === 19 || op === 20) i += (f.stems + 7) >> 3;
    f.args = 0;
    if (op === 14) {
      f.copy(cs, from, i);
      return true; // endchar
    }
  }
  f.copy(cs, from, cs.length);
  return false;
}

/**
 * The glyphs `gids` of a CFF face as a CID-keyed CFF (CID = new glyph id) without subroutines;
 * `newId` maps each old glyph id to its new one (.notdef first, the rest in ascending order).
 */
export function cffSubset(face: Face, gids: readonly number[]): Subset {
  const { sub, oldIds, newId } = included(face, gids);
  try {
    return { bytes: padCffReals(flattened(sub)), oldIds, newId };
  } catch {
    // A charstring this reader cannot follow: fontkit's own subset, subroutines kept.
    return fontkitSubset(face, gids);
  }
}

/** A face's glyphs subset by fontkit as it is (glyphs numbered in the order included). */
export function fontkitSubset(face: Face, gids: readonly number[]): Subset {
  const { sub, oldIds, newId } = included(face, gids);
  return { bytes: padCffReals(sub.encode()), oldIds, newId };
}

interface Subset {
  bytes: Uint8Array;
  oldIds: number[];
  newId: Map<number, number>;
}

/** A fontkit subset with .notdef and then `gids` in ascending order included. */
function included(face: Face, gids: readonly number[]): { sub: FontkitSubset; oldIds: number[]; newId: Map<number, number> } {
  const sub = (face.font as unknown as { createSubset(): FontkitSubset }).createSubset();
  const oldIds = [0, ...[...new Set(gids)].filter((g) => g !== 0).sort((a, b) => a - b)];
  return { sub, oldIds, newId: new Map(oldIds.map((g) => [g, sub.includeGlyph(g)])) };
}

/** The subset's CFF with every glyph's subroutines inlined and none kept. */
function flattened(sub: FontkitSubset): Uint8Array {
  const cff = sub.cff;
  const global = subrsOf(cff, cff.globalSubrIndex);
  const localFor = (gid: number): Subrs => {
    const fd = cff.isCIDFont ? (cff.fdForGlyph(gid) ?? -1) : -1;
    return subrsOf(cff, fd >= 0 ? cff.topDict.FDArray?.[fd]?.Private?.Subrs : cff.topDict.Private?.Subrs);
  };
  sub.subsetCharstrings = function (this: FontkitSubset) {
    this.charstrings = this.glyphs.map((gid) => {
      const f = new Flattening(global, localFor(gid));
      flatten(cff.getCharString(gid), f, 0);
      return f.buf.slice(0, f.n);
    });
    this.gsubrs = [];
  };
  // The font dicts the glyphs use, without their subroutines: fontkit's own version parses every
  // glyph's outline to find the subroutines it would keep.
  sub.subsetFontdict = function (this: FontkitSubset, topDict: TopDict) {
    const fds = cff.topDict.FDArray ?? [];
    const index = new Map<number, number>();
    topDict.FDArray = [];
    topDict.FDSelect = { version: 0, fds: [] };
    for (const gid of this.glyphs) {
      const fd = cff.fdForGlyph(gid);
      if (fd == null) continue;
      if (!index.has(fd)) {
        const { Private, ...rest } = fds[fd] ?? {};
        const dict: Record<string, unknown> = { ...rest };
        delete dict.FontName;
        if (Private) {
          const { Subrs: _unused, ...priv } = Private;
          dict.Private = priv;
        }
        index.set(fd, topDict.FDArray.push(dict) - 1);
      }
      topDict.FDSelect.fds.push(index.get(fd)!);
    }
  };
  // A font that is not CID-keyed: its one Private dict, without subroutines.
  sub.subsetSubrs = () => [];
  return sub.encode();
}
