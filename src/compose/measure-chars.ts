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

/** Han ideographs and kana (the side of an autospace that is Chinese). */
export const isHan = (cp: number): boolean =>
  (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3134f);
export const isAlnum = (cp: number): boolean => (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
/**
 * The autospace readers add between Han and a Latin letter or digit, in em: LibreOffice's, measured
 * (2/9 em puts 100 % of the kinds' example lines and 99 % of the 2013 examples where LibreOffice puts
 * them; 1/4 em, 1/5 em and explicit spacing in the runs each cost 3–10 %). No hidden character
 * or run spacing carries it: the reader adds its own (LibreOffice ignores w:autoSpaceDE="0").
 */
export const AUTOSPACE_EM = 2 / 9;

/** Autospace goes after `prev` when `cp` follows it: Han beside a Latin letter or digit. */
export const autospaced = (prev: number, cp: number): boolean => (isHan(prev) && isAlnum(cp)) || (isAlnum(prev) && isHan(cp));

/** Cells as set: with the autospace renderers add between Han and Latin or digits. */
export function setCells(s: string): number {
  let w = charCells(s);
  let prev = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (autospaced(prev, cp)) w += AUTOSPACE_EM;
    prev = cp;
  }
  return w;
}
