// A package as a zip (.docx, .ofd), written directly: entries deflated by Node's zlib, UTF-8 names,
// fixed dates so identical input gives identical bytes (docx-notes "Determinism"). Parts every
// document shares can be deflated once per process and their compressed bytes reused.
import * as zlib from 'node:zlib';
import { deflateRaw, deflateRawSync, type ZlibOptions } from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
  /** Deflate level (6 unless given): font programs get nearly all of it at 1, in a third of the time. */
  level?: number;
}

export interface Packed {
  name: Uint8Array;
  crc: number;
  size: number;
  deflated: Uint8Array;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** Node's own crc32 (zlib's, in C) where it has one (20.15+), else this table. */
const nativeCrc = (zlib as unknown as { crc32?: (d: Uint8Array) => number }).crc32;

function crc32(data: Uint8Array): number {
  if (nativeCrc) return nativeCrc(data) >>> 0;
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** An entry deflated and summed; entries shared by every document are packed once and reused. */
export function pack(e: ZipEntry): Packed {
  return { name: Buffer.from(e.name, 'utf8'), crc: crc32(e.data), size: e.data.length, deflated: deflateRawSync(e.data, { level: e.level ?? 6 }) };
}

/**
 * The same, deflated on libuv's threads while the caller goes on (several entries at once on as
 * many threads). Handing a tiny entry to another thread costs more than deflating it here.
 */
export async function packAway(e: ZipEntry): Promise<Packed> {
  if (e.data.length <= 32768) return pack(e);
  const deflated = await new Promise<Uint8Array>((resolve, reject) =>
    deflateRaw(e.data, { level: e.level ?? 6, chunkSize: Math.max(16384, e.data.length + 1024) } as ZlibOptions, (err, out) => (err ? reject(err) : resolve(out))),
  );
  return { name: Buffer.from(e.name, 'utf8'), crc: crc32(e.data), size: e.data.length, deflated };
}

/** DOS date and time of `date` (UTC), clamped to the zip epoch (1980). */
function dosTime(date: Date): { time: number; day: number } {
  const d = new Date(Math.max(date.getTime(), Date.UTC(1980, 0, 1)));
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    day: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/** The zip of `entries` in order: each either packed already (shared) or packed now. */
export function zipEntries(entries: (ZipEntry | Packed)[], date: Date): Uint8Array {
  const { time, day } = dosTime(date);
  const packed = entries.map((e) => ('deflated' in e ? e : pack(e)));
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const p of packed) {
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: deflate
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(day, 12);
    local.writeUInt32LE(p.crc, 14);
    local.writeUInt32LE(p.deflated.length, 18);
    local.writeUInt32LE(p.size, 22);
    local.writeUInt16LE(p.name.length, 26);
    local.writeUInt16LE(0, 28);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4); // made by: MS-DOS, 2.0
    local.copy(dir, 6, 4, 30); // version needed … name length, as in the local header
    dir.writeUInt16LE(0, 32); // comment length
    dir.writeUInt16LE(0, 34); // disk
    dir.writeUInt16LE(0, 36); // internal attributes
    dir.writeUInt32LE(0, 38); // external attributes
    dir.writeUInt32LE(offset, 42);
    chunks.push(local, p.name, p.deflated);
    central.push(dir, p.name);
    offset += 30 + p.name.length + p.deflated.length;
  }
  const dirSize = central.reduce((s, c) => s + c.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(packed.length, 8);
  end.writeUInt16LE(packed.length, 10);
  end.writeUInt32LE(dirSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}
