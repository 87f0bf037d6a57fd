// Where 署名 and 成文日期 start, with a seal or without (GB/T 9704 §7.3.5.1–7.3.5.2), for the PDF
// layout and the DOCX alike; the names of a 签发人 line.
import { lineText, type Line } from '../doc/tree.js';

/**
 * Where the 署名 and the 成文日期 start, in points from the 版心's left edge, given their widths as
 * set and the width of a character cell. Without a seal (§7.3.5.2): the 署名 右空二字, the date on
 * the next line starting two characters right of the 署名's start; a date longer than the 署名 sits
 * 右空二字 and the 署名 moves left to keep the two characters. With a seal (§7.3.5.1): the date
 * 右空四字, the 署名 centred over it; the seal, pressed on both, goes by hand or by the signing
 * system. Starts, not right indents: the 署名's start is exact wherever its width is (Han), and the
 * date hangs from it whatever its digits measure in the reader's font.
 */
export function signaturePlace(o: { signature: number; date: number; width: number; cell: number; sealed?: boolean | undefined }): { signature: number; date: number } {
  const { signature: sw, date: dw, width: w, cell: c } = o;
  const at = (x: number) => Math.max(0, x);
  if (o.sealed) {
    const date = w - 4 * c - dw;
    return { date: at(date), signature: at(date + (dw - sw) / 2) };
  }
  const signature = w - 2 * c - sw;
  // “如成文日期长于发文机关署名”: only a date longer than the 署名 moves (the wording, taken literally).
  if (dw <= sw + 0.01) return { signature: at(signature), date: at(signature + 2 * c) };
  const date = w - 2 * c - dw;
  return { date: at(date), signature: at(date - 2 * c) };
}

/**
 * Blank lines between the text (or 附件说明) and the 署名: one without a seal, two with — a 42 mm
 * seal's centre then sits at the top of the 署名 line (both lines below it), its top within one line
 * of the text.
 */
export const signatureGap = (sealed: boolean | undefined): number => (sealed ? 2 : 1);

/** The names of a 签发人 line: one per item of 张三、李四 (or a space- or newline-separated list). */
export function signerNames(signer: Line): Line[] {
  const source = signer.find((i) => i.type === 'text')?.source ?? {};
  return lineText(signer)
    .split(/[、，,；;\s]+/)
    .filter(Boolean)
    .map((n) => [{ type: 'text' as const, text: n, source }]);
}
