// The fonts a previewed document needs, as subsets of the faces holding only its characters (with
// their cmap, so the SVG's text stays text): a CJK face is 10–15 MB, which the browser fetched and
// checked whole before the first page showed; a document's subset is a few hundred KB. Subsets are
// the OFD writer's standalone subsets (the glyphs the layout chose, mapped from their characters:
// the browser draws the same glyphs with the same advances as the PDF, and no GSUB/GPOS of its own),
// made when the browser asks, once per face and character set.
import { createHash } from 'node:crypto';
import { charsByFace } from '../backends/ofd/ofd-fonts.js';
import type { Face } from '../fonts/font-book.js';
import { standaloneSubset } from '../fonts/standalone-subset.js';
import type { PagedLayout } from '../layout/types.js';

/** Subsets kept: enough for every document of a few units, and a bound whatever the edits. */
const KEEP = 256;

export interface DocFont {
  family: string;
  url: string;
}

export class FontSubsets {
  private readonly made = new Map<string, { face: Face; chars: Map<number, number>; made?: { bytes: Uint8Array; type: string } }>();
  constructor(private readonly faces: readonly Face[]) {}

  /** The families a layout's text is set in (face → family) and the fonts the page must load. */
  forLayout(layout: PagedLayout): { familyOf: (f: Face) => string; fonts: DocFont[] } {
    const families = new Map<Face, string>();
    const fonts: DocFont[] = [];
    for (const [face, chars] of charsByFace(layout.pages)) {
      // Only spaces: nothing to draw, no font to load.
      if (!chars.size) continue;
      const i = this.faces.indexOf(face);
      const key = createHash('sha1')
        .update(`${i}\0${[...chars].sort((a, b) => a[0] - b[0]).join(';')}`)
        .digest('hex')
        .slice(0, 16);
      if (!this.made.has(key)) {
        if (this.made.size >= KEEP) this.made.delete(this.made.keys().next().value!);
        this.made.set(key, { face, chars });
      }
      const family = `gw${i}_${key}`;
      families.set(face, family);
      fonts.push({ family, url: `/fonts/${key}` });
    }
    return { familyOf: (f) => families.get(f) ?? 'serif', fonts };
  }

  /** The subset a page asked for by its key (undefined: no such key — nothing else is answered). */
  font(key: string): { bytes: Uint8Array; type: string } | undefined {
    const s = this.made.get(key);
    if (!s) return undefined;
    if (!s.made) {
      try {
        const sub = standaloneSubset(s.face, s.chars);
        s.made = { bytes: sub.bytes, type: `font/${sub.ext}` };
      } catch {
        // A face our subsetter cannot read is served whole, as before subsets.
        s.made = { bytes: s.face.wholeBytes(), type: 'font/ttf' };
      }
    }
    return s.made;
  }
}
