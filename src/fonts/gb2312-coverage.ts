// How many of GB2312's 6,763 hanzi a face covers: what `gongwen fonts` reports per role.

/** GB2312 hanzi a face covers (rows 16–87 of the GB2312 table, decoded through the gb2312 TextDecoder). */
export function gb2312Coverage(face: { has(cp: number): boolean }): number {
  const dec = new TextDecoder('gb18030');
  let n = 0;
  for (let hi = 0xb0; hi <= 0xf7; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      if (hi === 0xd7 && lo > 0xf9) continue;
      const ch = dec.decode(new Uint8Array([hi, lo]));
      if (face.has(ch.codePointAt(0)!)) n++;
    }
  }
  return n;
}
