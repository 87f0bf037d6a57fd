// Chinese line-breaking rules (禁则) on top of UAX #14 (gbt9704.md §4, GB/T 15834 §5.1, Word's zh-CN lists).

/** Cannot start a line (Word's zh-CN kinsoku list). */
export const NO_START = new Set([...'!%),.:;>?]}¢¨°·ˇˉ―‖’”…‰′″›℃∶、。〃〉》」』】〕〗〞︶︺︾﹀﹄﹚﹜﹞！＂％＇），．：；？］｀｜｝～￠—']);
/** Cannot end a line. */
export const NO_END = new Set([...'$([{£¥·‘“〈《「『【〔〖〝﹙﹛﹝＄（．［｛￡￥']);
/** May hang past the right edge of the text block, as Word and LibreOffice let them by default. */
export const HANGING = new Set([...'，。、；：！？']);
/** Pairs never split: 破折号 —— and 省略号 …… (two characters each). */
export function isUnsplittablePair(a: string, b: string): boolean {
  return (a === '—' && b === '—') || (a === '…' && b === '…');
}
