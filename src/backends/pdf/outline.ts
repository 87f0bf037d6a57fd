// PDF bookmarks (/Outlines) and page labels (/PageLabels) as PDF objects.
import { num, ref, textString, type PdfFile } from './pdf-file.js';

export interface OutlineItem {
  title: string;
  level: number;
  /** Object number of the destination page. */
  page: number;
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

/** Writes the outline tree; returns the object number of its root, or undefined for no items. */
export function writeOutline(pdf: PdfFile, items: OutlineItem[]): number | undefined {
  if (!items.length) return undefined;
  const rootId = pdf.alloc();
  const build = (list: OutlineItem[], parent: number): { first: number; last: number; count: number } => {
    const ids = list.map(() => pdf.alloc());
    let count = 0;
    list.forEach((it, i) => {
      let dict = `/Title ${textString(it.title)} /Parent ${ref(parent)}`;
      if (i > 0) dict += ` /Prev ${ref(ids[i - 1]!)}`;
      if (i < list.length - 1) dict += ` /Next ${ref(ids[i + 1]!)}`;
      dict += ` /Dest [${ref(it.page)} /XYZ null ${num(Math.round(it.top))} null]`;
      if (it.children?.length) {
        const sub = build(it.children, ids[i]!);
        // Open to the first level below the document: positive count.
        dict += ` /First ${ref(sub.first)} /Last ${ref(sub.last)} /Count ${it.level === 0 ? sub.count : -sub.count}`;
        if (it.level === 0) count += sub.count;
      }
      pdf.put(ids[i]!, `<<${dict}>>`);
      count++;
    });
    return { first: ids[0]!, last: ids[ids.length - 1]!, count };
  };
  const top = build(items, rootId);
  pdf.put(rootId, `<</Type /Outlines /First ${ref(top.first)} /Last ${ref(top.last)} /Count ${top.count}>>`);
  return rootId;
}

/** /PageLabels restarting at 1 for each document, prefixed with its name: 整改方案-1, 整改方案-2 … */
export function pageLabels(parts: { name: string; pages: number }[]): string {
  const nums: string[] = [];
  let first = 0;
  for (const p of parts) {
    nums.push(`${first} <</S /D /P ${textString(`${p.name}-`)}>>`);
    first += p.pages;
  }
  return `<</Nums [${nums.join(' ')}]>>`;
}
