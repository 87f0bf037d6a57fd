// TrueType (glyf) subsetting by copying bytes: the glyphs a document uses, renumbered from 0 in
// the order of their original ids, with composite glyphs' components pulled in and re-pointed.
// fontkit's subsetter decodes and re-encodes every glyph it copies, which was most of the PDF
// backend's time on CJK documents (hundreds of glyphs per font); glyph outlines never need to be
// understood to be embedded, so here they are not.
import type { Font } from 'fontkit';

/** What subsetting reads of a face: its parsed font, its bytes, and how to read unread glyph data. */
export interface SfntFace {
  readonly font: Font;
  readonly bytes: Uint8Array;
  readonly fill?: ((ranges: readonly { offset: number; length: number }[]) => void) | undefined;
}

/** What a subset keeps of a face, parsed once per face and shared by every document. */
interface GlyfSource {
  bytes: Uint8Array;
  view: DataView;
  table: (tag: string) => { offset: number; length: number } | undefined;
  numGlyphs: number;
  /** Start of each glyph in the file (numGlyphs + 1 entries, absolute offsets). */
  loca: Uint32Array;
  hmtx: { offset: number; numberOfHMetrics: number };
  /** Makes the data of these glyphs present in `bytes` (a sparse font reads it now, once). */
  load: (gids: readonly number[]) => void;
  /** Makes all glyph data present. */
  loadAll: () => void;
}

export interface Subset extends SubsetGlyphs {
  /** The sfnt program to embed (FontFile2). */
  bytes: Uint8Array;
}

/** The renumbering of a subset; `tables` are its sfnt tables before they are put in one file. */
export interface SubsetGlyphs {
  /** Original glyph id → glyph id in the subset (= CID with an identity CIDToGIDMap). */
  newId: Map<number, number>;
  /** Original glyph ids in subset order: `oldIds[newId]`. */
  oldIds: number[];
  tables: [string, Uint8Array][];
}

const sources = new WeakMap<SfntFace, GlyfSource | null>();

/** The glyf source of a face, or null for an outline format this subsetter does not handle (CFF). */
export function glyfSource(face: SfntFace): GlyfSource | null {
  let s = sources.get(face);
  if (s === undefined) {
    s = parse(face);
    sources.set(face, s);
  }
  return s;
}

function parse(face: SfntFace): GlyfSource | null {
  const s = parseGlyf(face);
  // A font left to fontkit reads its glyph data from `bytes`: make it whole first.
  const glyf = (face.font as unknown as { directory: { tables: Record<string, { offset: number; length: number }> } }).directory.tables.glyf;
  if (!s && face.fill && glyf) face.fill([glyf]);
  return s;
}

function parseGlyf(face: SfntFace): GlyfSource | null {
  const dir = (face.font as unknown as { directory: { tables: Record<string, { offset: number; length: number }> } }).directory.tables;
  const table = (tag: string) => dir[tag];
  const need = ['head', 'hhea', 'maxp', 'loca', 'glyf', 'hmtx'];
  const bytes = face.bytes;
  // A table missing or running past the end of the file: leave such a font to fontkit.
  if (need.some((t) => !table(t) || table(t)!.offset + (t === 'glyf' ? 0 : table(t)!.length) > bytes.length)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const head = table('head')!.offset;
  const longLoca = view.getInt16(head + 50) === 1;
  const numGlyphs = view.getUint16(table('maxp')!.offset + 4);
  const locaAt = table('loca')!.offset;
  const glyfAt = table('glyf')!.offset;
  const nh = view.getUint16(table('hhea')!.offset + 34);
  // Tables too short for the glyph count they claim: leave such a font to fontkit.
  if (nh < 1 || table('loca')!.length < (numGlyphs + 1) * (longLoca ? 4 : 2) || table('hmtx')!.length < 4 * nh + 2 * Math.max(0, numGlyphs - nh)) return null;
  const loca = new Uint32Array(numGlyphs + 1);
  for (let i = 0; i <= numGlyphs; i++) loca[i] = glyfAt + (longLoca ? view.getUint32(locaAt + 4 * i) : 2 * view.getUint16(locaAt + 2 * i));
  const fill = face.fill;
  const loaded = fill && new Uint8Array(numGlyphs);
  const load = (gids: readonly number[]) => {
    if (!fill || !loaded) return;
    const ranges: { offset: number; length: number }[] = [];
    for (const g of gids) {
      if (g < 0 || g >= numGlyphs || loaded[g]) continue;
      loaded[g] = 1;
      const length = Math.min(loca[g + 1]!, bytes.length) - loca[g]!;
      if (length > 0) ranges.push({ offset: loca[g]!, length });
    }
    if (ranges.length) fill(ranges.sort((a, b) => a.offset - b.offset));
  };
  const loadAll = () => {
    if (!fill || !loaded || loaded.every((x) => x)) return;
    fill([table('glyf')!]);
    loaded.fill(1);
  };
  return { bytes, view, table, numGlyphs, loca, hmtx: { offset: table('hmtx')!.offset, numberOfHMetrics: nh }, load, loadAll };
}

// Composite glyph flags (OpenType glyf table).
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** Bytes of a glyph's data (0 for an empty glyph or a malformed loca). */
const glyphLength = (src: GlyfSource, g: number): number => Math.max(0, Math.min(src.loca[g + 1]!, src.bytes.length) - src.loca[g]!);

/** Offsets (relative to the glyph start) of the component glyph ids of a composite glyph. */
function componentSlots(src: GlyfSource, gid: number): number[] {
  const start = src.loca[gid]!;
  const end = start + glyphLength(src, gid);
  if (end - start < 10 || src.view.getInt16(start) >= 0) return [];
  const slots: number[] = [];
  let p = start + 10;
  for (;;) {
    if (p + 4 > end) break; // a truncated composite: keep what was read
    const flags = src.view.getUint16(p);
    slots.push(p + 2 - start);
    p += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) p += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) p += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) p += 8;
    if (!(flags & MORE_COMPONENTS)) break;
  }
  return slots;
}

/** The subset of `src` with `gids` (and .notdef, and every component they use), as a PDF FontFile2. */
export function subsetGlyf(src: GlyfSource, gids: Iterable<number>): Subset {
  const sub = subsetGlyfTables(src, gids);
  return { ...sub, bytes: writeSfnt(sub.tables) };
}

/** The tables of that subset: the glyph programs and the metrics a renderer needs, no more. */
export function subsetGlyfTables(src: GlyfSource, gids: Iterable<number>): SubsetGlyphs {
  const keep = new Set<number>();
  // Breadth first, one read per level: the glyphs asked for (and .notdef), then their components…
  let level = [...new Set([0, ...gids])].filter((g) => g >= 0 && g < src.numGlyphs);
  while (level.length) {
    for (const g of level) keep.add(g);
    src.load(level);
    const next = new Set<number>();
    for (const g of level) {
      for (const slot of componentSlots(src, g)) {
        const c = src.view.getUint16(src.loca[g]! + slot);
        if (c < src.numGlyphs && !keep.has(c)) next.add(c);
      }
    }
    level = [...next];
  }
  const oldIds = [...keep].sort((a, b) => a - b);
  const newId = new Map(oldIds.map((g, i) => [g, i]));
  const n = oldIds.length;

  // glyf and loca (long offsets), each glyph padded to 4 bytes.
  let glyfLen = 0;
  for (const g of oldIds) glyfLen += (glyphLength(src, g) + 3) & ~3;
  const glyf = new Uint8Array(glyfLen);
  const gview = new DataView(glyf.buffer);
  const loca = new Uint8Array(4 * (n + 1));
  const lview = new DataView(loca.buffer);
  let at = 0;
  oldIds.forEach((g, i) => {
    lview.setUint32(4 * i, at);
    const start = src.loca[g]!;
    const len = glyphLength(src, g);
    glyf.set(src.bytes.subarray(start, start + len), at);
    for (const slot of componentSlots(src, g)) gview.setUint16(at + slot, newId.get(src.view.getUint16(start + slot)) ?? 0);
    at += (len + 3) & ~3;
  });
  lview.setUint32(4 * n, at);

  // hmtx with a full metric per glyph.
  const hmtx = new Uint8Array(4 * n);
  const hview = new DataView(hmtx.buffer);
  const { offset: hm, numberOfHMetrics: nh } = src.hmtx;
  oldIds.forEach((g, i) => {
    const adv = src.view.getUint16(hm + 4 * Math.min(g, nh - 1));
    const lsb = g < nh ? src.view.getInt16(hm + 4 * g + 2) : src.view.getInt16(hm + 4 * nh + 2 * (g - nh));
    hview.setUint16(4 * i, adv);
    hview.setInt16(4 * i + 2, lsb);
  });

  const copy = (tag: string) => copyTable(src.bytes, src.table(tag));
  const head = copy('head')!;
  const hv = new DataView(head.buffer);
  hv.setUint32(8, 0); // checkSumAdjustment, set below
  hv.setInt16(50, 1); // long loca
  const hhea = copy('hhea')!;
  new DataView(hhea.buffer).setUint16(34, n);
  const maxp = copy('maxp')!;
  new DataView(maxp.buffer).setUint16(4, n);

  const tables: [string, Uint8Array | undefined][] = [
    ['cvt ', copy('cvt ')],
    ['fpgm', copy('fpgm')],
    ['glyf', glyf],
    ['head', head],
    ['hhea', hhea],
    ['hmtx', hmtx],
    ['loca', loca],
    ['maxp', maxp],
    ['prep', copy('prep')],
  ];
  return { tables: tables.filter((t): t is [string, Uint8Array] => !!t[1]), newId, oldIds };
}

/** A copy of a table's bytes, or undefined when the font has no such table. */
export function copyTable(bytes: Uint8Array, t: { offset: number; length: number } | undefined): Uint8Array | undefined {
  // A real copy: Buffer#slice would share memory, and DataView(copy.buffer) would then patch the
  // source font at the wrong offsets, leaving maxp/hhea of the full font in the subset.
  return t && t.offset + t.length <= bytes.length ? Uint8Array.prototype.slice.call(bytes, t.offset, t.offset + t.length) : undefined;
}

function checksum(view: DataView, start: number, length: number): number {
  let sum = 0;
  const end = start + (length & ~3);
  for (let p = start; p < end; p += 4) sum = (sum + view.getUint32(p)) >>> 0;
  if (length & 3) {
    let last = 0;
    for (let k = 0; k < 4; k++) last = (last << 8) | (k < (length & 3) ? view.getUint8(end + k) : 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}

/** An sfnt file from tables, sorted by tag, with checksums and head.checkSumAdjustment. */
export function writeSfnt(unsorted: [string, Uint8Array][]): Uint8Array {
  const tables = [...unsorted].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const num = tables.length;
  let total = 12 + 16 * num;
  for (const [, t] of tables) total += (t.length + 3) & ~3;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const pow = 2 ** Math.floor(Math.log2(num));
  // 'OTTO' for CFF outlines, 1.0 for TrueType.
  view.setUint32(0, tables.some(([t]) => t === 'CFF ') ? 0x4f54544f : 0x00010000);
  view.setUint16(4, num);
  view.setUint16(6, pow * 16);
  view.setUint16(8, Math.log2(pow));
  view.setUint16(10, num * 16 - pow * 16);
  let at = 12 + 16 * num;
  let headAt = -1;
  tables.forEach(([tag, data], i) => {
    out.set(data, at);
    const rec = 12 + 16 * i;
    for (let k = 0; k < 4; k++) view.setUint8(rec + k, tag.charCodeAt(k));
    view.setUint32(rec + 4, checksum(view, at, data.length));
    view.setUint32(rec + 8, at);
    view.setUint32(rec + 12, data.length);
    if (tag === 'head') headAt = at;
    at += (data.length + 3) & ~3;
  });
  view.setUint32(headAt + 8, (0xb1b0afba - checksum(view, 0, total)) >>> 0);
  return out;
}
