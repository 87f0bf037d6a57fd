// A flat list of outline entries (documents, headings) nested by level, for the PDF and OFD writers.

export type Nested<T> = T & { children: Nested<T>[] };

/** Nests a flat list by level (a lower level number is a parent). */
export function nestOutline<T extends { level: number }>(flat: readonly T[]): Nested<T>[] {
  const root: Nested<T>[] = [];
  const stack: Nested<T>[] = [];
  for (const e of flat) {
    const item = { ...e, children: [] } as Nested<T>;
    while (stack.length && stack[stack.length - 1]!.level >= item.level) stack.pop();
    (stack.length ? stack[stack.length - 1]!.children : root).push(item);
    stack.push(item);
  }
  return root;
}
