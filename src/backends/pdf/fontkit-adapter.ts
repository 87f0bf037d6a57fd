// pdf-lib 1.17.1 with upstream fontkit 2 (fonts.md): pdf-lib asks its fontkit for `create(bytes)`;
// we hand back the font the FontBook already parsed (parsed once per process), and give its
// subsets the `encodeStream()` pdf-lib expects (fontkit 2 only has `encode()`).
import { EventEmitter } from 'node:events';
import type { Font } from 'fontkit';
import type { Face } from '../../fonts/font-book.js';

type Subset = { encode(): Uint8Array; encodeStream?: () => EventEmitter };

const wrapped = new WeakSet<Font>();

function withEncodeStream(font: Font): Font {
  if (wrapped.has(font)) return font;
  // pdf-lib shapes every string it draws (fontkit layout: GSUB/GPOS lookups), which was most of its
  // time per document. Our layout already placed every character by its own advance with
  // ligatures off, so one glyph per code point is exactly what we measured: draw that.
  const f0 = font as unknown as { glyphForCodePoint(cp: number): { advanceWidth: number }; layout: (text: string) => unknown };
  f0.layout = (text: string) => {
    const glyphs = [...text].map((ch) => f0.glyphForCodePoint(ch.codePointAt(0)!));
    return { glyphs, positions: glyphs.map((g) => ({ xAdvance: g.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 })) };
  };
  const f = font as unknown as { createSubset(): Subset };
  const original = f.createSubset.bind(f);
  f.createSubset = () => {
    const subset = original();
    subset.encodeStream = () => {
      const em = new EventEmitter();
      setImmediate(() => {
        try {
          em.emit('data', subset.encode());
          em.emit('end');
        } catch (e) {
          em.emit('error', e);
        }
      });
      return em;
    };
    return subset;
  };
  wrapped.add(font);
  return font;
}

/** A fontkit stand-in that knows the faces of one FontBook by their bytes. */
export function fontkitFor(faces: readonly Face[]): { create(bytes: Uint8Array): Font } {
  const byBytes = new Map<Uint8Array, Font>(faces.map((f) => [f.bytes, withEncodeStream(f.font)]));
  return {
    create(bytes: Uint8Array): Font {
      const f = byBytes.get(bytes);
      if (!f) throw new Error('font not in the FontBook');
      return f;
    },
  };
}
