// Where 署名 and 成文日期 sit without a seal (GB/T 9704 §7.3.5.2), as right indents in character cells; the names of a 签发人 line.
import { lineText, type Line } from './tree.js';

/**
 * 署名 右空二字; the date on the next line starts two characters right of the 署名's start.
 * If the date is longer than the 署名, the date sits 右空二字 and the 署名 moves left
 * to keep the two-character offset (the standard's wording, taken literally).
 */
export function signatureIndents(signatureCells: number, dateCells: number): { signatureRight: number; dateRight: number } {
  const dateRight = signatureCells - dateCells;
  if (dateRight >= 0) return { signatureRight: 2, dateRight };
  return { signatureRight: 2 + dateCells + 2 - signatureCells, dateRight: 2 };
}

/** The names of a 签发人 line: one per item of 张三、李四 (or a space- or newline-separated list). */
export function signerNames(signer: Line): Line[] {
  const source = signer.find((i) => i.type === 'text')?.source ?? {};
  return lineText(signer)
    .split(/[、，,；;\s]+/)
    .filter(Boolean)
    .map((n) => [{ type: 'text' as const, text: n, source }]);
}
