// A TrueType font file read without its glyph outlines: the glyf table is 97% of a CJK font
// (14 of 15 MB for Noto Serif SC) and a document draws a few hundred of its 30 000 glyphs. Every
// other table is read at once into a buffer the size of the file (zero pages until written), so
// fontkit and our table readers see a whole sfnt; the glyph data a subset copies is read into the
// same place on demand. CFF fonts and small files are read whole.
import type { World } from '../world/world.js';
import { faceOffsets, readDirectory } from './sfnt-info.js';

/** Below this a font is read whole: one read costs less than the bookkeeping. */
const SPARSE_MIN = 2 << 20;
/** Tables this close together are read in one piece. */
const MERGE_GAP = 64 << 10;

type Range = { offset: number; length: number };

export interface SfntFile {
  bytes: Uint8Array;
  /** Reads these ranges of the file into `bytes` (absent when `bytes` is already whole). */
  fill?: (ranges: readonly Range[]) => void;
}

/** The file's bytes, with the glyf tables left to `fill` when the file is large enough to matter. */
export function readSfnt(world: World, file: string): SfntFile {
  const size = world.fileSize(file);
  if (size < SPARSE_MIN) return { bytes: world.readBytes(file) };
  const read = (o: number, n: number) => world.readRange(file, o, n);
  let glyf: Range[];
  let others: Range[];
  try {
    const faces = faceOffsets(read);
    const dirs = faces.map((at) => ({ at, tables: readDirectory(read, size, at) }));
    glyf = dirs.flatMap((d) => [...d.tables].filter(([tag]) => tag === 'glyf').map(([, r]) => r));
    // Directories themselves and every table but glyf.
    others = [
      { offset: 0, length: 12 + 4 * faces.length },
      ...dirs.map((d) => ({ offset: d.at, length: 12 + 16 * d.tables.size })),
      ...dirs.flatMap((d) => [...d.tables].filter(([tag]) => tag !== 'glyf').map(([, r]) => r)),
    ];
  } catch {
    // Not a font this reader understands: read whole, and let fontkit say what is wrong.
    return { bytes: world.readBytes(file) };
  }
  if (!glyf.length) return { bytes: world.readBytes(file) };
  const bytes = new Uint8Array(size);
  world.readRangesInto(file, bytes, merged(others));
  return { bytes, fill: (ranges) => world.readRangesInto(file, bytes, ranges) };
}

/** Ranges sorted and joined where they touch or nearly do (fewer, larger reads). */
function merged(ranges: Range[]): Range[] {
  const out: Range[] = [];
  for (const r of [...ranges].filter((r) => r.length > 0).sort((a, b) => a.offset - b.offset)) {
    const last = out[out.length - 1];
    if (last && r.offset <= last.offset + last.length + MERGE_GAP) last.length = Math.max(last.length, r.offset + r.length - last.offset);
    else out.push({ ...r });
  }
  return out;
}
