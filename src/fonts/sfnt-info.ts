// What the font catalog needs of a font file, read from its headers and its name, OS/2 and cmap
// tables only (a few KB of a 20 MB collection): every face of a .ttc/.otc, its names in every
// language, weight, outline kind and code-point coverage. fontkit would read the whole file.

/** Reads `length` bytes at `offset` of the file (short at the end of the file). */
export type ReadRange = (offset: number, length: number) => Uint8Array;

export interface FaceInfo {
  /** Index in a collection (0 for a single font). */
  index: number;
  /** Family names (name IDs 1 and 16) in every language. */
  families: string[];
  /** Full names (ID 4) in every language. */
  fullNames: string[];
  postscriptName: string;
  /** OS/2 usWeightClass (400 regular, 700 bold). */
  weight: number;
  outlines: 'glyf' | 'cff';
  /** Covered code points as sorted, disjoint [first, last] pairs, flattened. */
  coverage: number[];
}

export class FontFileError extends Error {}

const tagAt = (b: Uint8Array, o: number) => String.fromCharCode(b[o]!, b[o + 1]!, b[o + 2]!, b[o + 3]!);
const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);

/** Where each face's table directory starts: 0 for a single font, the offsets of a collection's. */
export function faceOffsets(read: ReadRange): number[] {
  const head = read(0, 12);
  if (head.length < 12) throw new FontFileError('文件太短');
  if (tagAt(head, 0) !== 'ttcf') return [0];
  const n = view(head).getUint32(8);
  if (n < 1 || n > 1000) throw new FontFileError('字体集合的字体数无效');
  const offs = view(read(12, 4 * n));
  return Array.from({ length: n }, (_v, i) => offs.getUint32(4 * i));
}

/** The table directory of the face at `at`: tag → offset and length (absolute in the file). */
export function readDirectory(read: ReadRange, size: number, at: number): Map<string, { offset: number; length: number }> {
  const hdr = read(at, 12);
  if (hdr.length < 12) throw new FontFileError('字体目录不完整');
  const version = view(hdr).getUint32(0);
  if (version !== 0x00010000 && version !== 0x4f54544f && version !== 0x74727565) throw new FontFileError('不是 TrueType/OpenType 字体');
  const numTables = view(hdr).getUint16(4);
  const dir = read(at + 12, numTables * 16);
  if (dir.length < numTables * 16) throw new FontFileError('字体目录不完整');
  const tables = new Map<string, { offset: number; length: number }>();
  for (let i = 0; i < numTables; i++) {
    const o = i * 16;
    const offset = view(dir).getUint32(o + 8);
    const length = view(dir).getUint32(o + 12);
    if (offset + length > size) throw new FontFileError(`表 ${tagAt(dir, o)} 超出文件末尾`);
    tables.set(tagAt(dir, o), { offset, length });
  }
  return tables;
}

/** The faces of a font file; throws FontFileError for a file that is not a readable sfnt. */
export function readFaces(read: ReadRange, size: number): FaceInfo[] {
  return faceOffsets(read).map((at, i) => readFace(read, size, at, i));
}

function readFace(read: ReadRange, size: number, at: number, index: number): FaceInfo {
  const tables = readDirectory(read, size, at);
  const table = (t: string) => {
    const e = tables.get(t);
    return e ? read(e.offset, e.length) : undefined;
  };
  const name = table('name');
  const cmap = table('cmap');
  if (!name || !cmap) throw new FontFileError('缺少 name 或 cmap 表');
  const names = readNames(name);
  const os2 = table('OS/2');
  return {
    index,
    families: unique([...(names.get(16) ?? []), ...(names.get(1) ?? [])]),
    fullNames: unique(names.get(4) ?? []),
    postscriptName: names.get(6)?.[0] ?? '',
    weight: os2 && os2.length >= 6 ? view(os2).getUint16(4) : 400,
    outlines: tables.has('CFF ') || tables.has('CFF2') ? 'cff' : 'glyf',
    coverage: readCoverage(cmap),
  };
}

const unique = (xs: string[]) => [...new Set(xs.map((s) => s.trim()).filter(Boolean))];

const utf16 = new TextDecoder('utf-16be');
const gbk = new TextDecoder('gbk');
const latin1 = new TextDecoder('latin1');

/** Name records by name ID, decoded: Unicode and Windows platforms, and the Mac's Roman and GB. */
function readNames(b: Uint8Array): Map<number, string[]> {
  const v = view(b);
  const out = new Map<number, string[]>();
  if (b.length < 6) return out;
  const count = v.getUint16(2);
  const strings = v.getUint16(4);
  for (let i = 0; i < count && 6 + i * 12 + 12 <= b.length; i++) {
    const r = 6 + i * 12;
    const [platform, encoding, , id, length, offset] = [v.getUint16(r), v.getUint16(r + 2), v.getUint16(r + 4), v.getUint16(r + 6), v.getUint16(r + 8), v.getUint16(r + 10)];
    if (![1, 4, 6, 16].includes(id)) continue;
    const raw = b.subarray(strings + offset, strings + offset + length);
    let s: string | undefined;
    if (platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10 || encoding === 0))) s = utf16.decode(raw);
    // Older Chinese fonts: Windows PRC encoding, GB2312 bytes in 16-bit units.
    else if (platform === 3 && encoding === 3) s = gbk.decode(Uint8Array.from([...raw].filter((_x, k) => !(k % 2 === 0 && raw[k] === 0))));
    else if (platform === 1 && encoding === 0) s = latin1.decode(raw);
    else if (platform === 1 && encoding === 25) s = gbk.decode(raw);
    if (!s || /\ufffd/.test(s)) continue;
    const list = out.get(id) ?? [];
    list.push(s.replace(/\0/g, ''));
    out.set(id, list);
  }
  return out;
}

/** Code-point ranges from the best Unicode subtable (format 12, else format 4). */
function readCoverage(b: Uint8Array): number[] {
  const v = view(b);
  const n = v.getUint16(2);
  const subs: { platform: number; encoding: number; offset: number; format: number }[] = [];
  for (let i = 0; i < n && 4 + i * 8 + 8 <= b.length; i++) {
    const offset = v.getUint32(4 + i * 8 + 4);
    if (offset + 2 > b.length) continue;
    subs.push({ platform: v.getUint16(4 + i * 8), encoding: v.getUint16(4 + i * 8 + 2), offset, format: v.getUint16(offset) });
  }
  const unicode = (s: (typeof subs)[number]) => s.platform === 0 || (s.platform === 3 && (s.encoding === 1 || s.encoding === 10));
  const f12 = subs.find((s) => unicode(s) && s.format === 12);
  const ranges: [number, number][] = [];
  if (f12) {
    const groups = v.getUint32(f12.offset + 12);
    for (let g = 0; g < groups; g++) {
      const o = f12.offset + 16 + g * 12;
      if (o + 12 > b.length) break;
      ranges.push([v.getUint32(o), v.getUint32(o + 4)]);
    }
  } else {
    const f4 = subs.find((s) => unicode(s) && s.format === 4);
    if (f4) {
      const segs = v.getUint16(f4.offset + 6) / 2;
      const ends = f4.offset + 14;
      const starts = ends + segs * 2 + 2;
      for (let s = 0; s < segs; s++) {
        const end = v.getUint16(ends + s * 2);
        const start = v.getUint16(starts + s * 2);
        if (start === 0xffff) continue;
        ranges.push([start, end]);
      }
    }
  }
  ranges.sort((a, c) => a[0] - c[0]);
  const merged: number[] = [];
  for (const [s, e] of ranges) {
    if (merged.length && s <= merged[merged.length - 1]! + 1) merged[merged.length - 1] = Math.max(merged[merged.length - 1]!, e);
    else merged.push(s, e);
  }
  return merged;
}

/** Whether `coverage` (from FaceInfo) holds `cp`. */
export function covers(coverage: number[], cp: number): boolean {
  let lo = 0;
  let hi = coverage.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < coverage[2 * mid]!) hi = mid - 1;
    else if (cp > coverage[2 * mid + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}
