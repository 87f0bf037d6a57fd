// A document that must stand on one page (the 备案表, “fit, never spill”): laid out, and while it
// runs over, laid out again with its tables' type a size smaller — 4号, 小四, 五号, 小五. Pure: the
// fitted DocTree goes to every writer, so the DOCX carries the same size as the PDF and the OFD.
import type { DocTree } from '../doc/tree.js';
import type { FontBook } from '../fonts/font-book.js';
import { SIZE } from '../style/gbt9704.js';
import { layoutDocument, type LayoutResult } from './layout-document.js';

const SMALLER = [SIZE.xiaosi, SIZE.wu, SIZE.xiaowu];

export interface Fitted extends LayoutResult {
  doc: DocTree;
  /** Still more than a page at the smallest size. */
  overflows: boolean;
}

const withTableSize = (doc: DocTree, size: number): DocTree => ({ ...doc, blocks: doc.blocks.map((b) => (b.type === 'table' ? { ...b, size } : b)) });

export function fitOnePage(doc: DocTree, book: FontBook): Fitted {
  let laid = layoutDocument(doc, book);
  let fitted = doc;
  for (const size of SMALLER) {
    if (laid.layout.pages.length <= 1) break;
    fitted = withTableSize(doc, size);
    laid = layoutDocument(fitted, book);
  }
  return { ...laid, doc: fitted, overflows: laid.layout.pages.length > 1 };
}
