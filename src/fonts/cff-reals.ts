// CFF DICT real numbers padded as the spec asks. fontkit's CFF writer ends a real whose digits fill
// whole bytes with 0xf0 — the terminating 0xf nibble followed by 0 — where the spec pads it with a
// second 0xf (0xff). Lenient readers (PDF viewers, fontTools) take it; Chromium's font sanitizer
// (OTS) refuses the whole font (“CFF: Failed to parse Top DICT Data”), as with Noto Sans CJK's
// CIDFontVersion 2.004. Fixed in place, byte for byte: no length and no offset changes.

/** An INDEX at `at`: the byte ranges of its items and where it ends (undefined when malformed). */
function index(b: Uint8Array, at: number): { items: [number, number][]; end: number } | undefined {
  if (at + 2 > b.length) return undefined;
  const count = (b[at]! << 8) | b[at + 1]!;
  if (count === 0) return { items: [], end: at + 2 };
  const size = b[at + 2]!;
  if (size < 1 || size > 4 || at + 3 + (count + 1) * size > b.length) return undefined;
  const offset = (i: number) => {
    let v = 0;
    for (let k = 0; k < size; k++) v = v * 256 + b[at + 3 + i * size + k]!;
    return v;
  };
  const base = at + 3 + (count + 1) * size - 1;
  const items: [number, number][] = [];
  for (let i = 0; i < count; i++) {
    const s = base + offset(i);
    const e = base + offset(i + 1);
    if (s < base + 1 || e < s || e > b.length) return undefined;
    items.push([s, e]);
  }
  return { items, end: base + offset(count) };
}

/** Walks a DICT, padding its reals; returns the integer operands of each operator (12 x as 1200 + x). */
function dict(b: Uint8Array, start: number, end: number): Map<number, number[]> {
  const ops = new Map<number, number[]>();
  let operands: number[] = [];
  let p = start;
  while (p < end) {
    const v = b[p]!;
    if (v <= 21) {
      const op = v === 12 ? 1200 + (b[p + 1] ?? 0) : v;
      p += v === 12 ? 2 : 1;
      ops.set(op, operands);
      operands = [];
    } else if (v === 28) {
      operands.push(((b[p + 1]! << 24) >> 16) | b[p + 2]!);
      p += 3;
    } else if (v === 29) {
      operands.push((b[p + 1]! << 24) | (b[p + 2]! << 16) | (b[p + 3]! << 8) | b[p + 4]!);
      p += 5;
    } else if (v === 30) {
      p++;
      while (p < end) {
        const n = b[p++]!;
        if (n >> 4 === 0xf) {
          b[p - 1] = 0xff;
          break;
        }
        if ((n & 0xf) === 0xf) break;
      }
      operands.push(0);
    } else if (v >= 32 && v <= 246) {
      operands.push(v - 139);
      p++;
    } else if (v >= 247 && v <= 254) {
      const w = b[p + 1] ?? 0;
      operands.push(v <= 250 ? (v - 247) * 256 + w + 108 : -(v - 251) * 256 - w - 108);
      p += 2;
    } else p++;
  }
  return ops;
}

/** Pads every real of a CFF table's Top, font and Private DICTs; `cff` is changed and returned. */
export function padCffReals(cff: Uint8Array): Uint8Array {
  const names = cff.length > 4 ? index(cff, cff[2]!) : undefined;
  const tops = names && index(cff, names.end);
  const privateOf = (ops: Map<number, number[]>) => {
    const [size, offset] = ops.get(18) ?? [];
    if (size !== undefined && offset !== undefined && offset >= 0 && size > 0 && offset + size <= cff.length) dict(cff, offset, offset + size);
  };
  for (const [s, e] of tops?.items ?? []) {
    const top = dict(cff, s, e);
    privateOf(top);
    const fdArray = top.get(1236)?.[0];
    const fds = fdArray !== undefined && fdArray > 0 ? index(cff, fdArray) : undefined;
    for (const [fs, fe] of fds?.items ?? []) privateOf(dict(cff, fs, fe));
  }
  return cff;
}
