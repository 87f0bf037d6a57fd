// The fonts a previewed document needs, as subsets of the faces holding only its characters (with
// their cmap, so the SVG's text stays text): a CJK face is 10–15 MB, which the browser fetched and
// checked whole before the first page showed; a document's subset is a few hundred KB. Subsets are
// made by harfbuzz (subset-font) when the browser asks, once per face and character set.
import { createHash } from 'node:crypto';
import type { Face } from '../fonts/font-book.js';
import type { PagedLayout } from '../layout/types.js';

/** Subsets kept: enough for every document of a few units, and a bound whatever the edits. */
const KEEP = 256;

export interface DocFont {
  family: string;
  url: string;
}

export class FontSubsets {
  private readonly made = new Map<string, { face: Face; text: string; bytes?: Promise<Uint8Array> }>();
  constructor(private readonly faces: readonly Face[]) {}

  /** The families a layout's text is set in (face → family) and the fonts the page must load. */
  forLayout(layout: PagedLayout): { familyOf: (f: Face) => string; fonts: DocFont[] } {
    const used = new Map<Face, Set<string>>();
    for (const p of layout.pages)
      for (const it of p.items) {
        if (it.kind !== 'text') continue;
        let chars = used.get(it.face);
        if (!chars) used.set(it.face, (chars = new Set()));
        for (const ch of it.text) chars.add(ch);
      }
    const families = new Map<Face, string>();
    const fonts: DocFont[] = [];
    for (const [face, chars] of used) {
      const text = [...chars].sort().join('');
      const i = this.faces.indexOf(face);
      const key = createHash('sha1').update(`${i}\0${text}`).digest('hex').slice(0, 16);
      if (!this.made.has(key)) {
        if (this.made.size >= KEEP) this.made.delete(this.made.keys().next().value!);
        this.made.set(key, { face, text });
      }
      // Made once the pages are sent, while the browser reads them: it asks for the fonts right after.
      setImmediate(() => void this.bytes(key));
      const family = `gw${i}_${key}`;
      families.set(face, family);
      fonts.push({ family, url: `/fonts/${key}` });
    }
    return { familyOf: (f) => families.get(f) ?? 'serif', fonts };
  }

  /**
   * Made ready while the browser loads the page: harfbuzz compiled (by subsetting one character of
   * the first face), then the faces' outlines read, one per turn of the event loop so a request in
   * between is answered. Laying documents out ahead was tried and made the first page later: the one
   * asked for waited behind others.
   */
  warm(): { stop: () => void } {
    let stopped = false;
    let i = 0;
    const next = () => {
      if (stopped || i >= this.faces.length) return;
      this.faces[i++]!.wholeBytes();
      setImmediate(next);
    };
    const first = this.faces[0];
    setImmediate(() => {
      if (!first || stopped) return;
      const whole = first.wholeBytes();
      void import('subset-font')
        .then(({ default: subsetFont }) => subsetFont(Buffer.from(whole.buffer, whole.byteOffset, whole.byteLength), '一', { targetFormat: 'truetype' }))
        .catch(() => undefined)
        .then(() => setImmediate(next));
    });
    return {
      stop: () => {
        stopped = true;
      },
    };
  }

  /** The subset a page asked for by its key (undefined: no such key — nothing else is answered). */
  bytes(key: string): Promise<Uint8Array> | undefined {
    const s = this.made.get(key);
    if (!s) return undefined;
    s.bytes ??= (async () => {
      const whole = s.face.wholeBytes();
      try {
        const { default: subsetFont } = await import('subset-font');
        return new Uint8Array(await subsetFont(Buffer.from(whole.buffer, whole.byteOffset, whole.byteLength), s.text, { targetFormat: 'truetype' }));
      } catch {
        // A face harfbuzz cannot subset is served whole, as before.
        return whole;
      }
    })();
    return s.bytes;
  }
}
