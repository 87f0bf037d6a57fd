// Width of text in character cells (CJK = 1, half-width = 0.5): the unit 公文 layout rules speak in.

export function isHalfWidth(cp: number): boolean {
  return cp < 0x1100 || (cp >= 0xff61 && cp <= 0xffdc) || (cp >= 0x2000 && cp <= 0x206f && cp !== 0x2014 && cp !== 0x2026) || cp === 0x00b7;
}

export function charCells(s: string): number {
  let w = 0;
  for (const ch of s) w += isHalfWidth(ch.codePointAt(0)!) ? 0.5 : 1;
  return w;
}
