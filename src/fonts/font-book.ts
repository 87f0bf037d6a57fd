// FontBook: the parsed font of every role, measured with the same bytes the PDF embeds (DESIGN §2.6).
// Fonts are parsed once per process and shared by every document.
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import type { FontRole } from '../style/gbt9704.js';
import type { World } from '../world/world.js';
import { defaultSources, resolveSources, type FontSource } from './font-sources.js';

/** The fonts needed for PDF output cannot be read. */
export class FontError extends Error {}
import { isWoff, woffToSfnt } from './woff-to-sfnt.js';

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
    /** sfnt bytes: what is embedded. */
    readonly bytes: Uint8Array,
    readonly font: Font,
  ) {
    this.unitsPerEm = font.unitsPerEm;
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
  /** Advance of a glyph in font units. */
  readonly glyphAdvance = memo((gid) => this.font.getGlyph(gid).advanceWidth);
  width(text: string, size: number): number {
    let w = 0;
    for (const ch of text) w += this.advance(ch.codePointAt(0)!);
    return (w * size) / this.unitsPerEm;
  }
  ascent(size: number): number {
    return (this.font.ascent * size) / this.unitsPerEm;
  }
  descent(size: number): number {
    return (-this.font.descent * size) / this.unitsPerEm;
  }
}

export interface FontBookOptions {
  /** Folders with the GB fonts the user owns (from the project config). */
  fontDirs?: string[];
  /** Look in the system font folders too (off in tests, for stable output). */
  system?: boolean;
}

export class FontBook {
  readonly faces: Face[] = [];
  readonly roles: Record<FontRole, Face>;
  /** What serves each role (faces are shared between roles that use the same file). */
  readonly sources: Record<FontRole, FontSource>;
  private constructor(
    roles: Record<FontRole, Face>,
    faces: Face[],
    sources: Record<FontRole, FontSource>,
    /** Fonts that could not be read and were replaced, for the user to see. */
    readonly problems: string[],
  ) {
    this.roles = roles;
    this.faces = faces;
    this.sources = sources;
  }

  static load(world: World, opts: FontBookOptions = {}): FontBook {
    const sources = resolveSources(world, opts.fontDirs ?? [], opts.system ?? true);
    const defaults = defaultSources();
    const byKey = new Map<string, Face>();
    const roles = {} as Record<FontRole, Face>;
    const problems: string[] = [];
    const open = (src: FontSource): Face => {
      const key = `${src.file}#${src.postscriptName ?? ''}`;
      let face = byKey.get(key);
      if (face) return face;
      let bytes: Uint8Array = world.readBytes(src.file);
      if (isWoff(bytes)) bytes = woffToSfnt(bytes);
      const parsed = fontkit.create(bytes as Buffer, src.postscriptName) as Font | null;
      if (!parsed || !('glyphForCodePoint' in parsed) || parsed.numGlyphs < 2) throw new Error('不是可用的字体文件');
      face = new Face(key, src, bytes, parsed);
      byKey.set(key, face);
      return face;
    };
    for (const [role, src] of Object.entries(sources) as [FontRole, FontSource][]) {
      try {
        roles[role] = open(src);
      } catch (e) {
        const def = defaults[role];
        if (src.file === def.file) throw new FontError(`字体文件 ${src.file} 无法读取（${(e as Error).message}）；请重新安装（npm ci）`);
        // A user's font that cannot be read is skipped: the open default serves the role.
        problems.push(`字体文件 ${src.file} 无法读取（${(e as Error).message}），${src.label}改用 ${def.label}`);
        sources[role] = def;
        try {
          roles[role] = open(def);
        } catch (e2) {
          throw new FontError(`字体文件 ${def.file} 无法读取（${(e2 as Error).message}）；请重新安装（npm ci）`);
        }
      }
    }
    return new FontBook(roles, [...byKey.values()], sources, problems);
  }

  /**
   * The face that draws `cp` for a role: the role's own font, else the first other font that has
   * it (coverage fallback), else undefined (an E_GLYPH for the caller to report).
   */
  faceFor(role: FontRole, cp: number): Face | undefined {
    const own = this.roles[role];
    if (own.has(cp) || isIgnorable(cp)) return own;
    return this.faces.find((f) => f.has(cp));
  }
}

/** Characters that draw nothing and need no glyph. */
export function isIgnorable(cp: number): boolean {
  return cp === 0x20 || cp === 0x3000 || cp === 0x200b || cp === 0xfeff;
}
