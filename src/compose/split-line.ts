// Splits a line of inlines at character offsets of its plain text, keeping each run's style and source.
import type { Inline, Line } from '../doc/tree.js';

export function splitLineAt(line: Line, offsets: readonly number[]): Line[] {
  const out: Line[] = [[]];
  let pos = 0;
  let k = 0;
  for (const inl of line) {
    if (inl.type === 'break') {
      out[out.length - 1]!.push(inl);
      pos += 1;
      continue;
    }
    let text = inl.text;
    while (k < offsets.length && offsets[k]! < pos + text.length) {
      const cut = offsets[k]! - pos;
      if (cut > 0) out[out.length - 1]!.push({ ...inl, text: text.slice(0, cut) });
      out.push([]);
      pos += cut;
      text = text.slice(cut);
      k++;
    }
    if (text) out[out.length - 1]!.push({ ...inl, text } as Inline);
    pos += text.length;
  }
  while (k++ < offsets.length) out.push([]);
  return out;
}
