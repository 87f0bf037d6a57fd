// DocTree → ComposedDocument, pure: every 公文 element of the document and its attachments in order,
// each on the page orientation it is set on, for the paged layout and the DOCX alike.
import type { Annex, DocTree } from '../doc/tree.js';
import { TEXT_BLOCK } from '../style/gbt9704.js';
import { composeBlock, needsLandscape } from './compose-blocks.js';
import { composeHead } from './compose-head.js';
import { composeColophon, composeTail } from './compose-tail.js';
import type { BlockPlan, ComposedAnnex, ComposedDocument, HeadPlan, Measure, Placed } from './plan.js';
import type { Block } from '../doc/tree.js';

/** The 版心's width on a portrait or a landscape page. */
export const blockWidth = (landscape: boolean): number => (landscape ? TEXT_BLOCK.height : TEXT_BLOCK.width);

const placed = <T>(plan: T, landscape: boolean): Placed<T> => ({ landscape, width: blockWidth(landscape), plan });

function composeBlocks(blocks: readonly Block[], landscapeDoc: boolean, measure: Measure): Placed<BlockPlan>[] {
  return blocks.map((b) => {
    const landscape = landscapeDoc || needsLandscape(b);
    return placed(composeBlock(b, blockWidth(landscape), measure), landscape);
  });
}

/** An attachment from a page of its own (§7.3.7): “附件N” flush left on line 1, its title on line 3. */
function composeAnnex(a: Annex, measure: Measure): ComposedAnnex {
  const landscape = a.doc.meta.orientation === 'landscape';
  const { head } = composeHead({ ...a.doc.meta, annexOf: { label: a.label } }, blockWidth(landscape), measure);
  const [label, ...rest] = head;
  const first: HeadPlan = label?.kind === 'annexLabel' ? { ...label, pageBreakBefore: true } : label!;
  return { label: a.label, head: [first, ...rest].map((h) => placed(h, landscape)), blocks: composeBlocks(a.doc.blocks, landscape, measure) };
}

export function composeDocument(doc: DocTree, measure: Measure): ComposedDocument {
  const meta = doc.meta;
  const landscape = meta.orientation === 'landscape';
  const width = blockWidth(landscape);
  const { head, ruleAfter } = composeHead(meta, width, measure);
  const tail = composeTail(meta, width, measure);
  const colophon = composeColophon(meta);
  return {
    landscape,
    head: head.map((h) => placed(h, landscape)),
    blocks: composeBlocks(doc.blocks, landscape, measure),
    tail: tail.map((t) => placed(t, landscape)),
    keepTextWithTail: !!(meta.signature || meta.date),
    ...(ruleAfter === undefined ? {} : { ruleAfter }),
    annexes: (doc.annexes ?? []).filter((a) => !a.separate).map((a) => composeAnnex(a, measure)),
    ...(colophon ? { colophon } : {}),
    letter: meta.format === 'letter',
  };
}
