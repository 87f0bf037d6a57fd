// PDF bookmarks (/Outlines), written by hand: pdf-lib has no API for them.
import { PDFDict, PDFHexString, PDFName, PDFNumber, PDFNull, type PDFDocument, type PDFRef } from 'pdf-lib';

export interface OutlineItem {
  title: string;
  level: number;
  pageRef: PDFRef;
  /** Top of the destination in PDF coordinates. */
  top: number;
  children?: OutlineItem[];
}

/** Nests a flat list by level (a lower level number is a parent). */
export function nestOutline(flat: OutlineItem[]): OutlineItem[] {
  const root: OutlineItem[] = [];
  const stack: OutlineItem[] = [];
  for (const e of flat) {
    const item = { ...e, children: [] as OutlineItem[] };
    while (stack.length && stack[stack.length - 1]!.level >= item.level) stack.pop();
    (stack.length ? stack[stack.length - 1]!.children! : root).push(item);
    stack.push(item);
  }
  return root;
}

export function writeOutline(doc: PDFDocument, items: OutlineItem[]): void {
  if (!items.length) return;
  const ctx = doc.context;
  const rootRef = ctx.nextRef();
  const build = (list: OutlineItem[], parent: PDFRef): { first: PDFRef; last: PDFRef; count: number } => {
    const refs = list.map(() => ctx.nextRef());
    let count = 0;
    list.forEach((it, i) => {
      const dict = ctx.obj({}) as PDFDict;
      dict.set(PDFName.of('Title'), PDFHexString.fromText(it.title));
      dict.set(PDFName.of('Parent'), parent);
      if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]!);
      if (i < list.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]!);
      dict.set(PDFName.of('Dest'), ctx.obj([it.pageRef, PDFName.of('XYZ'), PDFNull, PDFNumber.of(Math.round(it.top)), PDFNull]));
      if (it.children?.length) {
        const sub = build(it.children, refs[i]!);
        dict.set(PDFName.of('First'), sub.first);
        dict.set(PDFName.of('Last'), sub.last);
        // Open to the first level below the document: positive count.
        dict.set(PDFName.of('Count'), PDFNumber.of(it.level === 0 ? sub.count : -sub.count));
        if (it.level === 0) count += sub.count;
      }
      ctx.assign(refs[i]!, dict);
      count++;
    });
    return { first: refs[0]!, last: refs[refs.length - 1]!, count };
  };
  const top = build(items, rootRef);
  ctx.assign(rootRef, ctx.obj({ Type: 'Outlines', First: top.first, Last: top.last, Count: top.count }));
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** /PageLabels restarting at 1 for each document, prefixed with its name: 整改方案-1, 整改方案-2 … */
export function writePageLabels(doc: PDFDocument, parts: { name: string; layout: { pages: unknown[] } }[]): void {
  const ctx = doc.context;
  const nums: (PDFNumber | PDFDict)[] = [];
  let first = 0;
  for (const p of parts) {
    const label = ctx.obj({ S: 'D' }) as PDFDict;
    label.set(PDFName.of('P'), PDFHexString.fromText(`${p.name}-`));
    nums.push(PDFNumber.of(first), label);
    first += p.layout.pages.length;
  }
  doc.catalog.set(PDFName.of('PageLabels'), ctx.obj({ Nums: ctx.obj(nums) }));
}
