// WOFF 1.0 → plain sfnt (TTF/OTF) bytes, once in memory: fontkit re-inflates WOFF tables on every
// glyph lookup (minutes per page), so fonts shipped as WOFF are unpacked before use (fonts.md pitfall 4).
import { inflateSync } from 'node:zlib';

export function isWoff(bytes: Uint8Array): boolean {
  return bytes.length > 44 && bytes[0] === 0x77 && bytes[1] === 0x4f && bytes[2] === 0x46 && bytes[3] === 0x46;
}

export function woffToSfnt(woff: Uint8Array): Uint8Array {
  const src = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  const flavor = src.getUint32(4);
  const numTables = src.getUint16(12);
  const tables: { tag: number; checksum: number; data: Uint8Array }[] = [];
  for (let i = 0; i < numTables; i++) {
    const e = 44 + i * 20;
    const tag = src.getUint32(e);
    const offset = src.getUint32(e + 4);
    const compLength = src.getUint32(e + 8);
    const origLength = src.getUint32(e + 12);
    const checksum = src.getUint32(e + 16);
    const raw = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? new Uint8Array(inflateSync(raw)) : raw;
    if (data.length !== origLength) throw new Error('WOFF table has the wrong length');
    tables.push({ tag, checksum, data });
  }
  // sfnt header + table directory, then tables padded to 4 bytes, in the order given.
  let size = 12 + numTables * 16;
  for (const t of tables) size += (t.data.length + 3) & ~3;
  const out = new Uint8Array(size);
  const dst = new DataView(out.buffer);
  let entrySelector = 0;
  while (1 << (entrySelector + 1) <= numTables) entrySelector++;
  const searchRange = (1 << entrySelector) * 16;
  dst.setUint32(0, flavor);
  dst.setUint16(4, numTables);
  dst.setUint16(6, searchRange);
  dst.setUint16(8, entrySelector);
  dst.setUint16(10, numTables * 16 - searchRange);
  let offset = 12 + numTables * 16;
  tables.forEach((t, i) => {
    const e = 12 + i * 16;
    dst.setUint32(e, t.tag);
    dst.setUint32(e + 4, t.checksum);
    dst.setUint32(e + 8, offset);
    dst.setUint32(e + 12, t.data.length);
    out.set(t.data, offset);
    offset += (t.data.length + 3) & ~3;
  });
  return out;
}
