// Face: one parsed font program with the measures layout and the writers ask of it — glyph ids,
// advances read from hmtx, ink boxes — each looked up once and remembered.
import type { Font } from 'fontkit';
import type { FontSource } from './font-sources.js';
import { glyfSource } from './truetype-subset.js';

/** A per-face cache of one fontkit lookup (fontkit builds a glyph object per call). */
function memo<V>(compute: (key: number) => V): (key: number) => V {
  const map = new Map<number, V>();
  return (key) => {
    let v = map.get(key);
    if (v === undefined) map.set(key, (v = compute(key)));
    return v;
  };
}

export class Face {
  constructor(
    readonly key: string,
    readonly source: FontSource,
    /** sfnt bytes: what is embedded (glyph data only where `fill` has read it, when there is a fill). */
    readonly bytes: Uint8Array,
    readonly font: Font,
    /** Reads ranges of the file into `bytes`: set when the glyf table was left unread (sparse-sfnt). */
    readonly fill?: (ranges: readonly { offset: number; length: number }[]) => void,
  ) {
    this.unitsPerEm = font.unitsPerEm;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.hmtx = this.findHmtx();
  }
  /** Read once: fontkit's getter decodes the head table on every call. */
  readonly unitsPerEm: number;
  get postscriptName(): string {
    return this.font.postscriptName;
  }
  readonly has = memo((cp) => this.font.hasGlyphForCodePoint(cp));
  /** Advance of a code point in font units (real widths: not every full-width mark is 1 em). */
  advance(cp: number): number {
    return this.glyphAdvance(this.glyphId(cp));
  }
  /** The glyph that draws a code point (0, .notdef, when the font has none). */
  readonly glyphId = memo((cp) => this.font.glyphForCodePoint(cp).id);
  /**
   * The glyph drawn for `cp`, or undefined when the face lacks it: .notdef (glyph 0) is never drawn
   * (PDF/A 6.2.11.8; an OFD reader would show a box). The layout has already reported such a
   * character (E_GLYPH) or given it no room (a zero-width space or BOM).
   */
  drawnGlyph(cp: number): number | undefined {
    const g = this.glyphId(cp);
    return g === 0 ? undefined : g;
  }
  /**
   * Advance of a glyph in font units, read from hmtx: fontkit's glyph object would decode the whole
   * loca table (and, without vmtx, the glyph's outline) to give the same number.
   */
  readonly glyphAdvance = memo((gid) => {
    const hm = this.hmtx;
    if (!hm || gid < 0 || gid >= this.font.numGlyphs) return this.font.getGlyph(gid).advanceWidth;
    return this.view.getUint16(hm.offset + 4 * Math.min(gid, hm.count - 1));
  });
  private view!: DataView;
  private hmtx: { offset: number; count: number } | undefined;
  /** Where hmtx is and how many full metrics it has, when hhea and hmtx are whole in the file. */
  private findHmtx(): { offset: number; count: number } | undefined {
    const t = this.tables;
    const hhea = t.hhea;
    const hmtx = t.hmtx;
    if (!hhea || !hmtx || hhea.length < 36 || hhea.offset + 36 > this.bytes.length) return undefined;
    const count = this.view.getUint16(hhea.offset + 34);
    return count > 0 && hmtx.offset + 4 * count <= this.bytes.length && hmtx.length >= 4 * count ? { offset: hmtx.offset, count } : undefined;
  }
  private get tables(): Record<string, { offset: number; length: number } | undefined> {
    return (this.font as unknown as { directory: { tables: Record<string, { offset: number; length: number }> } }).directory.tables;
  }
  /** The post table's italic angle (fontkit's getter decodes every glyph name of post to give it). */
  get italicAngle(): number {
    const post = this.tables.post;
    if (!post || post.length < 8) return this.font.italicAngle;
    return this.view.getInt16(post.offset + 4) + this.view.getUint16(post.offset + 6) / 65536;
  }
  width(text: string, size: number): number {
    let w = 0;
    for (const ch of text) w += this.advance(ch.codePointAt(0)!);
    return (w * size) / this.unitsPerEm;
  }
  /** The ink box of the glyph of `cp` in font units (its outline read first when it was left unread). */
  inkBox(cp: number): { minX: number; minY: number; maxX: number; maxY: number } {
    const gid = this.glyphId(cp);
    glyfSource(this)?.load([gid]);
    return this.font.getGlyph(gid).bbox;
  }
  /** The whole font program (the preview serves it to the browser): unread glyph data read now. */
  wholeBytes(): Uint8Array {
    glyfSource(this)?.loadAll();
    return this.bytes;
  }
  ascent(size: number): number {
    return (this.font.ascent * size) / this.unitsPerEm;
  }
  descent(size: number): number {
    return (-this.font.descent * size) / this.unitsPerEm;
  }
}
