// CFF subsets that carry only what their glyphs draw (issue 30, 33). fontkit's CFF subsetter keeps
// every subroutine slot (an unused one as a one-byte “return”, plus its offset): a Noto CJK face
// has thousands, so a subset of a dozen heading glyphs weighed ~55 KB. Here the used subroutines are
// inlined into each glyph's charstring (desubroutinized, as fontTools' subsetter does with
// --desubroutinize) and the subset carries no subroutines at all; fontkit still writes the CFF.
import type { Face } from './face.js';

interface SubrIndex {
  length: number;
  [i: number]: { offset: number; length: number };
}
interface CffTable {
  stream: { pos: number; readBuffer(n: number): Uint8Array };
  isCIDFont: boolean;
  topDict: { Private?: { Subrs?: SubrIndex } | null; FDArray?: { Private?: { Subrs?: SubrIndex } | null }[] };
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
  subsetSubrs(subrs: SubrIndex, used: Record<number, boolean>): Uint8Array[];
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

/** Operand value of the Type 2 number at `i` and its length in bytes. */
function operand(cs: Uint8Array, i: number): [number, number] {
  const b = cs[i]!;
  if (b === 28) return [((cs[i + 1]! << 24) >> 16) | cs[i + 2]!, 3];
  if (b <= 246) return [b - 139, 1];
  if (b <= 250) return [(b - 247) * 256 + cs[i + 1]! + 108, 2];
  if (b <= 254) return [-(b - 251) * 256 - cs[i + 1]! - 108, 2];
  return [(((cs[i + 1]! << 24) | (cs[i + 2]! << 16) | (cs[i + 3]! << 8) | cs[i + 4]!) >> 0) / 65536, 5];
}

interface Flattening {
  out: number[];
  /** Operands since the last operator: their values and where their bytes start in `out`. */
  stack: { value: number; at: number }[];
  stems: number;
  global: Subrs;
  local: Subrs;
}

/** Copies `cs` into `f.out` with every subroutine call replaced by the subroutine; true at endchar. */
function flatten(cs: Uint8Array, f: Flattening, depth: number): boolean {
  if (depth > MAX_DEPTH) throw new Error('CFF subroutines nest too deep');
  let i = 0;
  while (i < cs.length) {
    if (f.out.length > MAX_BYTES) throw new Error('CFF charstring too long');
    const b = cs[i]!;
    if (b === 28 || b >= 32) {
      const [value, len] = operand(cs, i);
      f.stack.push({ value, at: f.out.length });
      for (let k = 0; k < len; k++) f.out.push(cs[i + k]!);
      i += len;
      continue;
    }
    if (b === 10 || b === 29) {
      // callsubr / callgsubr: the subroutine's number is the last operand, not written.
      const n = f.stack.pop();
      if (!n) throw new Error('CFF subroutine call without its number');
      f.out.length = n.at;
      const subrs = b === 10 ? f.local : f.global;
      const subr = subrs.get(n.value + bias(subrs.count));
      if (!subr) throw new Error('CFF subroutine out of range');
      if (flatten(subr, f, depth + 1)) return true;
      i++;
      continue;
    }
    if (b === 11) return false; // return: back in the caller
    const op = b === 12 ? 1200 + cs[i + 1]! : b;
    const len = b === 12 ? 2 : 1;
    for (let k = 0; k < len; k++) f.out.push(cs[i + k]!);
    i += len;
    if (op === 1 || op === 3 || op === 18 || op === 23) f.stems += f.stack.length >> 1;
    if (op === 19 || op === 20) {
      // hintmask / cntrmask: operands before it are vstems; then a mask byte per eight stems.
      f.stems += f.stack.length >> 1;
      const mask = (f.stems + 7) >> 3;
      for (let k = 0; k < mask; k++) f.out.push(cs[i + k]!);
      i += mask;
    }
    f.stack.length = 0;
    if (op === 14) return true; // endchar
  }
  return false;
}

/**
 * The glyphs `gids` of a CFF face as a CID-keyed CFF (CID = new glyph id) without subroutines;
 * `newId` maps each old glyph id to its new one (.notdef first, the rest in ascending order).
 */
export function cffSubset(face: Face, gids: readonly number[]): { bytes: Uint8Array; oldIds: number[]; newId: Map<number, number> } {
  const oldIds = [0, ...[...new Set(gids)].filter((g) => g !== 0).sort((a, b) => a - b)];
  const subset = () => {
    const sub = (face.font as unknown as { createSubset(): FontkitSubset }).createSubset();
    return { sub, newId: new Map(oldIds.map((g) => [g, sub.includeGlyph(g)])) };
  };
  try {
    const { sub, newId } = subset();
    return { bytes: flattened(sub), oldIds, newId };
  } catch {
    // A charstring this reader cannot follow: fontkit's own subset, subroutines kept.
    const { sub, newId } = subset();
    return { bytes: sub.encode(), oldIds, newId };
  }
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
      const f: Flattening = { out: [], stack: [], stems: 0, global, local: localFor(gid) };
      flatten(cff.getCharString(gid), f, 0);
      return Uint8Array.from(f.out);
    });
    this.gsubrs = [];
  };
  // No local subroutines either: each font dict's Private.Subrs is written empty.
  sub.subsetSubrs = () => [];
  return sub.encode();
}
