// Automatic 公文 heading numbers: 一、 （一） 1. （1） (GB/T 9704 §7.3.3), unless already written.
import { chineseNumeral } from '../template/numerals.js';

const WRITTEN = [/^([一二三四五六七八九十百零]+)、\s*/, /^（([一二三四五六七八九十百零]+)）\s*/, /^(\d+)[.．]\s*/, /^[（(](\d+)[）)]\s*/];

export function formatNumber(level: 1 | 2 | 3 | 4, n: number): string {
  switch (level) {
    case 1:
      return `${chineseNumeral(n)}、`;
    case 2:
      return `（${chineseNumeral(n)}）`;
    case 3:
      return `${n}.`;
    case 4:
      return `（${n}）`;
  }
}

/** If `text` starts with a number of any of the four forms, returns it and the rest. */
export function writtenNumber(text: string): { number: string; rest: string } | undefined {
  for (const re of WRITTEN) {
    const m = re.exec(text);
    if (m) return { number: m[0].trim(), rest: text.slice(m[0].length) };
  }
  return undefined;
}

/** Counts headings per level; a heading resets the levels below it. */
export class HeadingCounter {
  private counts = [0, 0, 0, 0];
  next(level: 1 | 2 | 3 | 4): number {
    this.counts[level - 1]!++;
    for (let l = level; l < 4; l++) this.counts[l] = 0;
    return this.counts[level - 1]!;
  }
}
