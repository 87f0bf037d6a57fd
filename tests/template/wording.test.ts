// The wording a 文秘 checks (issue 30), on every example document as built: heading levels in
// order (一、 → （一） → 1. → （1）), sibling items ending alike, the 回头看 in prose grouped by
// verdict with each remedy named after its verdict, and no title line ending on “关于”.
import { describe, expect, it } from 'vitest';
import { lineText, type Block } from '../../src/doc/tree.js';
import { titleLines } from '../../src/compose/title-lines.js';
import { exampleDocs } from '../support/examples.js';

const { docs } = exampleDocs(['data', 'kinds/examples']);
const LEVEL: [RegExp, number][] = [
  [/^[一二三四五六七八九十]+、/, 1],
  [/^（[一二三四五六七八九十]+）/, 2],
  [/^\d+[.．]/, 3],
  [/^（\d+）/, 4],
];
/** The numbering level a heading or paragraph starts with (0: none). */
const levelOf = (text: string) => LEVEL.find(([re]) => re.test(text))?.[1] ?? 0;
const textOf = (b: Block) => (b.type === 'heading' ? b.number + lineText(b.inlines) : b.type === 'paragraph' ? lineText(b.inlines) : '');

describe('the example documents’ wording', () => {
  it('builds them all', () => expect(docs.length).toBeGreaterThanOrEqual(60));

  it('numbers headings and items in order: never a level skipped below the one above', () => {
    const skipped: string[] = [];
    for (const d of docs) {
      let deepest = 0;
      for (const b of d.doc.blocks) {
        const lv = levelOf(textOf(b));
        if (!lv) continue;
        if (lv > deepest + 1) skipped.push(`${d.unit}/${d.name}: ${textOf(b).slice(0, 20)}`);
        deepest = lv;
      }
    }
    expect(skipped).toEqual([]);
  });

  it('ends the items of one list alike: all with 。 or none', () => {
    const mixed: string[] = [];
    for (const d of docs) {
      const lists = new Map<string, boolean[]>();
      const parents: string[] = [];
      for (const b of d.doc.blocks) {
        const t = textOf(b);
        const lv = levelOf(t);
        if (!lv) continue;
        parents.length = lv - 1;
        const key = `${lv}|${parents.join('|')}|${b.type}`;
        lists.set(key, [...(lists.get(key) ?? []), /[。；！？]$/.test(t)]);
        parents[lv - 1] = t;
      }
      for (const [k, ends] of lists) if (new Set(ends).size > 1) mixed.push(`${d.unit}/${d.name}: ${k.slice(0, 30)}`);
    }
    expect(mixed).toEqual([]);
  });

  it('writes the 回头看 as prose grouped by verdict, each remedy named after its verdict', () => {
    const doc = docs.find((d) => d.name === '回头看情况报告')!.doc;
    const all = doc.blocks.map(textOf).join('\n');
    expect(all).toContain('经检查，学习教育、自我剖析、谈心交心、开展批评四个方面总体扎实；查摆问题方面还不够到位，需要补课；边查边改方面存在走过场的问题，需要返工重来。');
    expect(all).not.toMatch(/是否扎实：扎实；/);
    // Each check's remedy follows its verdict: 需补课 → 补课措施, 返工重来 → 返工措施.
    const sections = all.split(/\n(?=（[一二三四五六]）)/).slice(1);
    for (const s of sections) {
      if (/检查结论：需补课/.test(s)) expect(s).toMatch(/补课措施：/);
      if (/检查结论：返工重来/.test(s)) expect(s, s).toMatch(/返工措施：/);
      if (!/检查结论：需补课/.test(s)) expect(s, s).not.toMatch(/补课措施/);
    }
  });

  it('breaks no title after “关于”', () => {
    for (const d of docs) {
      if (!d.doc.meta.title) continue;
      const lines = titleLines(d.doc.meta.title, 20).map(lineText);
      expect(lines.some((l) => l.endsWith('关于')), lines.join('|')).toBe(false);
    }
  });
});
