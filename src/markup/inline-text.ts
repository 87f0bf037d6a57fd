// Turns text carrying field markers into text runs, each knowing its data field.
import type { Inline, Source } from '../doc/tree.js';
import { DATA_NEWLINE, FIELD_CLOSE, FIELD_OPEN, FIELD_SEP } from '../template/markers.js';
import type { FieldRef } from '../template/view.js';

export interface RunStyle {
  bold?: boolean;
  italic?: boolean;
}

/** Splits `text` at field markers; data newlines become line breaks. */
export function textToInlines(text: string, base: Source, fields: readonly FieldRef[], style: RunStyle = {}): Inline[] {
  const out: Inline[] = [];
  const push = (s: string, src: Source) => {
    const parts = s.split(DATA_NEWLINE);
    parts.forEach((p, i) => {
      if (i > 0) out.push({ type: 'break' });
      if (p !== '') out.push({ type: 'text', text: p, ...style, source: src });
    });
  };
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf(FIELD_OPEN, i);
    if (open < 0) {
      push(text.slice(i), base);
      break;
    }
    if (open > i) push(text.slice(i, open), base);
    const sep = text.indexOf(FIELD_SEP, open);
    const close = text.indexOf(FIELD_CLOSE, open);
    if (sep < 0 || close < 0 || sep > close) {
      // A marker torn apart (cannot come from our templates); keep the text, drop the marker.
      push(text.slice(open + 1, close < 0 ? undefined : close), base);
      i = close < 0 ? text.length : close + 1;
      continue;
    }
    const ref = fields[Number(text.slice(open + 1, sep))];
    const src: Source = { ...base };
    if (ref) {
      src.field = ref.path;
      if (ref.span) src.fieldSpan = ref.span;
    }
    push(text.slice(sep + 1, close), src);
    i = close + 1;
  }
  return mergeRuns(out);
}

/** Adjacent runs with the same style and source become one. */
export function mergeRuns(runs: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const r of runs) {
    const prev = out[out.length - 1];
    if (
      prev &&
      prev.type === 'text' &&
      r.type === 'text' &&
      !!prev.bold === !!r.bold &&
      !!prev.italic === !!r.italic &&
      prev.source.field === r.source.field &&
      prev.source.span?.line === r.source.span?.line
    ) {
      out[out.length - 1] = { ...prev, text: prev.text + r.text };
    } else out.push(r);
  }
  return out;
}
