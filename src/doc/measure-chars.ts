// Width of text in character cells (CJK = 1, half-width = 0.5): the unit 公文 layout rules speak in.

/**
 * Latin, digits and half-width forms take half a cell; ideographs and the punctuation a Chinese
 * font sets full-width (“ ” ‘ ’ — … ‰, U+2000–206F) take a whole one.
 */
export function isHalfWidth(cp: number): boolean {
  if (cp < 0x2000) return true;
  if (cp <= 0x206f) return false;
  if (cp < 0x1100) return true;
  return cp >= 0xff61 && cp <= 0xffdc;
}

export function charCells(s: string): number {
  let w = 0;
  for (const ch of s) w += isHalfWidth(ch.codePointAt(0)!) ? 0.5 : 1;
  return w;
}
