// A face's subset as a font file of its own, for formats that embed fonts as files (OFD's FontFile):
// the glyph programs and metrics the PDF subset has, plus a cmap for exactly the characters drawn,
// and the name, OS/2 and post tables, so a reader — or a browser's FontFace — can load it and map
// text to glyphs. TrueType outlines come from our byte-copying subsetter; CFF outlines from
// cff-subset.ts (fontkit's CFF writer, subroutines inlined), wrapped here in an OpenType file.
import { cffSubset } from './cff-subset.js';
import type { Face } from './face.js';
import { copyTable, glyfSource, subsetGlyfTables, writeSfnt } from './truetype-subset.js';

export interface StandaloneSubset {
  bytes: Uint8Array;
  /** 'ttf' for TrueType outlines, 'otf' for CFF. */
  ext: 'ttf' | 'otf';
  /** Glyphs in the subset (.notdef included). */
  glyphs: number;
}

type Tables = Record<string, { offset: number; length: number }>;

/**
 * The subset of `face` that draws the code points of `chars` (code point → the face's glyph id).
 * Code points are kept as the cmap's keys, so text extracted from the document maps back to them.
 */
export function standaloneSubset(face: Face, chars: ReadonlyMap<number, number>): StandaloneSubset {
  const tables = (face.font as unknown as { directory: { tables: Tables } }).directory.tables;
  const gids = [...new Set(chars.values())];
  const src = glyfSource(face);
  let renumbered: { tables: [string, Uint8Array][]; newId: Map<number, number>; oldIds: number[] };
  let ext: 'ttf' | 'otf' = 'ttf';
  if (src) renumbered = subsetGlyfTables(src, gids);
  else {
    renumbered = cffTables(face, tables, gids);
    ext = 'otf';
  }
  const { newId } = renumbered;
  const cmap = new Map<number, number>();
  for (const [cp, g] of chars) {
    const n = newId.get(g);
    if (n !== undefined && n !== 0) cmap.set(cp, n);
  }
  const extra: [string, Uint8Array][] = [
    ['cmap', cmapTable(cmap)],
    ['post', postTable(face.bytes, tables.post)],
  ];
  for (const tag of ['name', 'OS/2']) {
    const t = copyTable(face.bytes, tables[tag]);
    if (t) extra.push([tag, t]);
  }
  return { bytes: writeSfnt([...renumbered.tables, ...extra]), ext, glyphs: renumbered.oldIds.length };
}

/** CFF outlines: the subset without subroutines (cff-subset.ts; CID = new glyph id) and OpenType metrics. */
function cffTables(face: Face, tables: Tables, gids: number[]) {
  const { bytes: cff, oldIds, newId } = cffSubset(face, gids);
  const n = oldIds.length;
  const bytes = face.bytes;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const head = copyTable(bytes, tables.head)!;
  new DataView(head.buffer).setUint32(8, 0);
  const hhea = copyTable(bytes, tables.hhea)!;
  new DataView(hhea.buffer).setUint16(34, n);
  const maxp = new Uint8Array(6);
  new DataView(maxp.buffer).setUint32(0, 0x00005000); // version 0.5: CFF outlines
  new DataView(maxp.buffer).setUint16(4, n);
  const nh = view.getUint16(tables.hhea!.offset + 34);
  const hm = tables.hmtx!.offset;
  const hmtx = new Uint8Array(4 * n);
  const hv = new DataView(hmtx.buffer);
  oldIds.forEach((g, i) => {
    hv.setUint16(4 * i, view.getUint16(hm + 4 * Math.min(g, nh - 1)));
    hv.setInt16(4 * i + 2, g < nh ? view.getInt16(hm + 4 * g + 2) : view.getInt16(hm + 4 * nh + 2 * (g - nh)));
  });
  const out: [string, Uint8Array][] = [
    ['CFF ', cff],
    ['head', head],
    ['hhea', hhea],
    ['hmtx', hmtx],
    ['maxp', maxp],
  ];
  return { tables: out, newId, oldIds };
}

/** post version 3.0: the metrics of the original header, no glyph names (they would not match the renumbering). */
function postTable(bytes: Uint8Array, t: { offset: number; length: number } | undefined): Uint8Array {
  const post = new Uint8Array(32);
  const orig = copyTable(bytes, t);
  if (orig && orig.length >= 32) post.set(orig.subarray(0, 32));
  new DataView(post.buffer).setUint32(0, 0x00030000);
  return post;
}

/**
 * cmap with a Windows Unicode BMP subtable (format 4), and a full-repertoire one (format 12) when
 * a character lies beyond the BMP (rare characters in names).
 */
export function cmapTable(map: ReadonlyMap<number, number>): Uint8Array {
  const pairs = [...map].sort((a, b) => a[0] - b[0]);
  const bmp = pairs.filter(([cp]) => cp <= 0xffff && cp !== 0xffff);
  const sub4 = format4(bmp);
  const wide = pairs.some(([cp]) => cp > 0xffff);
  const sub12 = wide ? format12(pairs) : undefined;
  const subs = sub12 ? [sub4, sub12] : [sub4];
  const headLen = 4 + 8 * subs.length;
  const out = new Uint8Array(headLen + subs.reduce((n, s) => n + s.length, 0));
  const v = new DataView(out.buffer);
  v.setUint16(0, 0);
  v.setUint16(2, subs.length);
  let at = headLen;
  subs.forEach((s, i) => {
    v.setUint16(4 + 8 * i, 3);
    v.setUint16(6 + 8 * i, i === 0 ? 1 : 10);
    v.setUint32(8 + 8 * i, at);
    out.set(s, at);
    at += s.length;
  });
  return out;
}

/** Runs of consecutive code points drawn by consecutive glyphs. */
function runs(pairs: [number, number][]): { start: number; end: number; glyph: number }[] {
  const out: { start: number; end: number; glyph: number }[] = [];
  for (const [cp, g] of pairs) {
    const last = out[out.length - 1];
    if (last && cp === last.end + 1 && g === last.glyph + (cp - last.start)) last.end = cp;
    else out.push({ start: cp, end: cp, glyph: g });
  }
  return out;
}

function format4(pairs: [number, number][]): Uint8Array {
  const segs = [...runs(pairs), { start: 0xffff, end: 0xffff, glyph: 0 }];
  const n = segs.length;
  const len = 16 + 8 * n;
  const out = new Uint8Array(len);
  const v = new DataView(out.buffer);
  const pow = 2 ** Math.floor(Math.log2(n));
  v.setUint16(0, 4);
  v.setUint16(2, len);
  v.setUint16(4, 0);
  v.setUint16(6, 2 * n);
  v.setUint16(8, 2 * pow);
  v.setUint16(10, Math.log2(pow));
  v.setUint16(12, 2 * n - 2 * pow);
  segs.forEach((s, i) => {
    v.setUint16(14 + 2 * i, s.end);
    v.setUint16(16 + 2 * n + 2 * i, s.start);
    // The last segment maps 0xFFFF to glyph 0 (delta 1: 0xFFFF + 1 wraps to 0).
    v.setUint16(16 + 4 * n + 2 * i, (s.glyph - s.start + 0x10000) & 0xffff);
    v.setUint16(16 + 6 * n + 2 * i, 0);
  });
  return out;
}

function format12(pairs: [number, number][]): Uint8Array {
  const groups = runs(pairs);
  const len = 16 + 12 * groups.length;
  const out = new Uint8Array(len);
  const v = new DataView(out.buffer);
  v.setUint16(0, 12);
  v.setUint32(4, len);
  v.setUint32(8, 0);
  v.setUint32(12, groups.length);
  groups.forEach((g, i) => {
    v.setUint32(16 + 12 * i, g.start);
    v.setUint32(20 + 12 * i, g.end);
    v.setUint32(24 + 12 * i, g.glyph);
  });
  return out;
}
