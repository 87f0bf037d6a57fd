// PDF bookmarks (/Outlines) and page labels (/PageLabels) as PDF objects.
import type { PDFDict, PDFRef } from 'pdf-lib';
import type { Nested } from '../outline-tree.js';
import { num, text, type Literal, type PdfFile } from './pdf-file.js';

export interface OutlineItem {
  title: string;
  level: number;
  /** The destination page. */
  page: PDFRef;
  /** Top of the destination in PDF coordinates. */
  top: number;
}

/** Writes the outline tree; returns its root, or undefined for no items. */
export function writeOutline(pdf: PdfFile, items: Nested<OutlineItem>[]): PDFRef | undefined {
  if (!items.length) return undefined;
  const rootId = pdf.alloc();
  const build = (list: Nested<OutlineItem>[], parent: PDFRef): { first: PDFRef; last: PDFRef; count: number } => {
    const ids = list.map(() => pdf.alloc());
    let count = 0;
    list.forEach((it, i) => {
      const dict: Record<string, Literal | PDFRef> = { Title: text(it.title), Parent: parent };
      if (i > 0) dict.Prev = ids[i - 1]!;
      if (i < list.length - 1) dict.Next = ids[i + 1]!;
      dict.Dest = [it.page, 'XYZ', null, num(Math.round(it.top)), null];
      if (it.children.length) {
        const sub = build(it.children, ids[i]!);
        // Open to the first level below the document: positive count.
        Object.assign(dict, { First: sub.first, Last: sub.last, Count: it.level === 0 ? sub.count : -sub.count });
        if (it.level === 0) count += sub.count;
      }
      pdf.put(ids[i]!, dict);
      count++;
    });
    return { first: ids[0]!, last: ids[ids.length - 1]!, count };
  };
  const top = build(items, rootId);
  pdf.put(rootId, { Type: 'Outlines', First: top.first, Last: top.last, Count: top.count });
  return rootId;
}

/** /PageLabels restarting at 1 for each document, prefixed with its name: 整改方案-1, 整改方案-2 … */
export function pageLabels(pdf: PdfFile, parts: { name: string; pages: number }[]): PDFDict {
  const nums: Literal[] = [];
  let first = 0;
  for (const p of parts) {
    nums.push(first, { S: 'D', P: text(`${p.name}-`) });
    first += p.pages;
  }
  return pdf.obj({ Nums: nums }) as PDFDict;
}
