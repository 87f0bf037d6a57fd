// The elements of a page set a little tighter so what must stay together still fits on it (GB/T
// 9704 §7.3.5.5: “可以采取调整行距、字距的措施解决”; “每面排22行 … 特定情况可以作适当调整”).
// The paged layout decides which elements and how tight (layout/paginate.ts); every writer takes
// the same line heights by the elements' references, so Word and LibreOffice set the same pages.
import type { ComposedDocument, HeadPlan, Placed } from './plan.js';

/** An element's reference: its place in the composed document (b3: the fourth body block, t0, a1b2). */
export const blockRef = (i: number, annex?: number): string => (annex === undefined ? `b${i}` : `a${annex}b${i}`);
export const tailRef = (i: number): string => `t${i}`;

/** Line heights (pt) by element reference, for the elements a layout set tighter. */
export type Squeezed = Readonly<Record<string, number>>;

function squeezeHead<T extends HeadPlan>(p: Placed<T>, h: number | undefined): Placed<T> {
  return h !== undefined && (p.plan.kind === 'para' || p.plan.kind === 'blank') ? { ...p, plan: { ...p.plan, lineHeight: h } } : p;
}

/** The composed document with the squeezed elements' line heights. */
export function squeezePlans(c: ComposedDocument, s: Squeezed | undefined): ComposedDocument {
  if (!s || !Object.keys(s).length) return c;
  const blocks = <T extends ComposedDocument['blocks']>(bs: T, annex?: number): T =>
    bs.map((b, i) => {
      const h = s[blockRef(i, annex)];
      return h !== undefined && b.plan.kind === 'para' ? { ...b, plan: { ...b.plan, lineHeight: h } } : b;
    }) as T;
  return {
    ...c,
    blocks: blocks(c.blocks),
    tail: c.tail.map((t, i) => squeezeHead(t, s[tailRef(i)])),
    annexes: c.annexes.map((a, ai) => ({ ...a, blocks: blocks(a.blocks, ai) })),
  };
}
