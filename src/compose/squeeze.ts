// The elements of a page set a little tighter so what must stay together still fits on it (GB/T
// 9704 §7.3.5.5: “可以采取调整行距、字距的措施解决”; “每面排22行 … 特定情况可以作适当调整”).
// The paged layout decides which elements and how tight (layout/paginate.ts), and which characters
// of a line it set closer to take a group in (layout/break-lines.ts); every writer takes the same
// line heights and character spacing by the elements' references, so Word and LibreOffice set the
// same pages and lines.
import type { ComposedDocument, HeadPlan, Placed, Tightened } from './plan.js';

/** An element's reference: its place in the composed document (b3: the fourth body block, t0, a1b2). */
export const blockRef = (i: number, annex?: number): string => (annex === undefined ? `b${i}` : `a${annex}b${i}`);
export const tailRef = (i: number): string => `t${i}`;

/** Line heights (pt) by element reference, for the elements a layout set tighter. */
export type Squeezed = Readonly<Record<string, number>>;
/** By element reference, the stretches of a paragraph's characters its lines set tighter. */
export type Tightenings = Readonly<Record<string, readonly Tightened[]>>;

/** A plan with its element's line height and tightened characters, where the layout set them. */
function adjust<T extends HeadPlan | ComposedDocument['blocks'][number]['plan']>(plan: T, h: number | undefined, tight: readonly Tightened[] | undefined): T {
  if (plan.kind === 'para') return { ...plan, ...(h !== undefined ? { lineHeight: h } : {}), ...(tight ? { tight } : {}) };
  return h !== undefined && plan.kind === 'blank' ? { ...plan, lineHeight: h } : plan;
}

/** The composed document with the squeezed elements' line heights and the tightened lines' characters. */
export function squeezePlans(c: ComposedDocument, s: Squeezed | undefined, t?: Tightenings): ComposedDocument {
  if ((!s || !Object.keys(s).length) && (!t || !Object.keys(t).length)) return c;
  const at = <P extends Placed<HeadPlan | ComposedDocument['blocks'][number]['plan']>>(p: P, ref: string): P => {
    const h = s?.[ref];
    const tight = t?.[ref];
    return h === undefined && !tight ? p : { ...p, plan: adjust(p.plan, h, tight) };
  };
  const blocks = <T extends ComposedDocument['blocks']>(bs: T, annex?: number): T => bs.map((b, i) => at(b, blockRef(i, annex))) as T;
  return {
    ...c,
    blocks: blocks(c.blocks),
    tail: c.tail.map((p, i) => at(p, tailRef(i))),
    annexes: c.annexes.map((a, ai) => ({ ...a, blocks: blocks(a.blocks, ai) })),
  };
}
