// Size of the 发文机关标志 (GB/T 9704 §7.2.4 leaves it free): as large as fits one line of the text
// block, within the profile's bounds, squeezed horizontally when even the smallest size is too wide.
import { ISSUER_MARK } from '../style/gbt9704.js';
import { charCells } from './measure-chars.js';

export function issuerMarkFit(text: string, widthPt: number): { size: number; scale: number } {
  const cells = Math.max(1, charCells(text));
  const size = Math.max(ISSUER_MARK.minSize, Math.min(ISSUER_MARK.maxSize, Math.floor(widthPt / cells)));
  const scale = size * cells > widthPt ? Math.floor((widthPt / (size * cells)) * 100) : 100;
  return { size, scale };
}
