// FontBook: the parsed font of every role, measured with the same bytes the PDF embeds (DESIGN §2.6).
// Fonts are parsed once per process and shared by every document.
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import type { FontRole } from '../style/gbt9704.js';
import type { World } from '../world/world.js';
import { defaultSources, resolveSources, sourceOf, type FontSource, type RoleChoice, type RoleResolution } from './font-sources.js';
import { cacheFile, scanCatalog, type FontCatalog } from './font-catalog.js';
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { RELATED_STYLES, ROLE_STYLE, type Style } from './role-names.js';
import { covers, readFaces } from './sfnt-info.js';

export { Face } from './face.js';

/** The fonts needed for PDF output cannot be read. */
export class FontError extends Error {}
import { isWoff, woffToSfnt } from './woff-to-sfnt.js';
import { readSfnt, type SfntFile } from './sparse-sfnt.js';
import { Face } from './face.js';

export interface FontBookOptions {
  /** The project's font folders (gongwen.yaml `fonts:`, `--fonts`); patterns allowed. */
  fontDirs?: string[];
  /** Look in the user's and the system's font folders too (off in tests, for stable output). */
  system?: boolean;
  /** Roles whose font gongwen.yaml names. */
  roles?: Partial<Record<FontRole, RoleChoice>>;
}

/** A face that may draw a character its role's face lacks, in fallback order. */
interface Candidate {
  style: Style | undefined;
  /** Whether it may have the character, before opening it. */
  mayHave: (cp: number) => boolean;
  open: () => Face | undefined;
  label: string;
}

export class FontBook {
  readonly faces: Face[] = [];
  readonly roles: Record<FontRole, Face>;
  /** What serves each role (faces are shared between roles that use the same file). */
  readonly sources: Record<FontRole, FontSource>;
  private readonly fallbackCache = new Map<string, Face | null>();
  private readonly rankedByRole = new Map<FontRole, Candidate[]>();
  private constructor(
    roles: Record<FontRole, Face>,
    faces: Face[],
    sources: Record<FontRole, FontSource>,
    /** Fonts that could not be read and were replaced, for the user to see. */
    readonly problems: string[],
    /** Faces other than the roles', in the order fallback tries them. */
    private readonly candidates: Candidate[],
    /** How each role was resolved, for `gongwen fonts`. */
    readonly resolutions: RoleResolution[],
    readonly catalog: FontCatalog,
  ) {
    this.roles = roles;
    this.faces = faces;
    this.sources = sources;
  }

  static load(world: World, opts: FontBookOptions = {}): FontBook {
    // A font file gongwen.yaml names is read even when it is in none of the folders.
    const named = Object.values(opts.roles ?? {}).flatMap((c) => ('file' in c ? [c.file] : []));
    const catalog = scanCatalog(world, [...(opts.fontDirs ?? []), ...named], { system: opts.system ?? true, platform: process.platform });
    const problems = [...catalog.problems];
    const resolutions = resolveSources(catalog, opts.roles, problems);
    const sources = Object.fromEntries(resolutions.map((r) => [r.role, r.source])) as Record<FontRole, FontSource>;
    const defaults = defaultSources();
    const byKey = new Map<string, Face>();
    const roles = {} as Record<FontRole, Face>;
    const open = (src: FontSource): Face => {
      const key = `${src.file}#${src.index ?? 0}`;
      let face = byKey.get(key);
      if (face) return face;
      const { bytes, fill } = isWoff(world.readRange(src.file, 0, 48)) ? unpackedWoff(world, src.file) : readSfnt(world, src.file);
      const made = fontkit.create(bytes as Buffer) as Font | { fonts: Font[] } | null;
      // A collection: the face by index (its tables' offsets are absolute in the file's bytes).
      const parsed = made && 'fonts' in made ? made.fonts[src.index ?? 0] : made;
      if (!parsed || !('glyphForCodePoint' in parsed) || parsed.numGlyphs < 2) throw new Error('不是可用的字体文件');
      face = new Face(key, src, bytes, parsed, fill);
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
    const tryOpen = (src: FontSource) => () => {
      try {
        return open(src);
      } catch {
        return undefined;
      }
    };
    problems.push(...styleSubstitutions(sources));
    // Fallback candidates: the catalog's faces (project, user, system), then the open defaults.
    const candidates: Candidate[] = [
      ...catalog.faces.map((f) => {
        const src = sourceOf(f, '补字');
        return { style: src.style, mayHave: (cp: number) => covers(f.coverage, cp), open: tryOpen(src), label: f.families[0] ?? f.file };
      }),
      ...Object.entries(defaults).map(([role, d]) => ({ style: DEFAULT_STYLE[role as FontRole], mayHave: () => true, open: tryOpen(d), label: d.label })),
    ];
    // Within a style, Simplified Chinese faces before Traditional, Japanese and Korean ones: the
    // same character has other glyph forms there.
    candidates.sort((a, b) => langRank(a.label) - langRank(b.label));
    return new FontBook(roles, [...byKey.values()], sources, problems, candidates, resolutions, catalog);
  }

  /** The candidates in the order a role tries them: its style, related styles, the rest. */
  private fallbackOrderFor(role: FontRole): Candidate[] {
    let ranked = this.rankedByRole.get(role);
    if (!ranked) {
      const style = ROLE_STYLE[role];
      const order = [style, ...RELATED_STYLES[style]];
      ranked = [...this.candidates].sort((a, b) => rank(order, a.style) - rank(order, b.style));
      this.rankedByRole.set(role, ranked);
    }
    return ranked;
  }

  /** Fallback candidates by style, in the order they are tried (for `gongwen fonts`). */
  fallbackOrder(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    const label: Record<string, string> = { fangsong: '仿宋类', kai: '楷体类', hei: '黑体类', song: '宋体类', other: '其他' };
    for (const c of this.candidates) (out[label[c.style ?? 'other']!] ??= []).push(c.label);
    for (const k of Object.keys(out)) out[k] = [...new Set(out[k])];
    return out;
  }

  /**
   * The face that draws `cp` for a role: the role's own font, else by coverage over the whole
   * catalog — faces of the role's style first, then of related styles, then any face — else
   * undefined (an E_GLYPH for the caller to report). A face other than the role's own is a
   * fallback the caller warns about.
   */
  faceFor(role: FontRole, cp: number): Face | undefined {
    const own = this.roles[role];
    if (own.has(cp) || isIgnorable(cp)) return own;
    const key = `${role}:${cp}`;
    let hit = this.fallbackCache.get(key);
    if (hit === undefined) {
      hit = null;
      for (const c of this.fallbackOrderFor(role)) {
        if (!c.mayHave(cp)) continue;
        const face = c.open();
        if (face?.has(cp)) {
          hit = face;
          break;
        }
      }
      this.fallbackCache.set(key, hit);
    }
    return hit ?? undefined;
  }
}

/** The open defaults' styles (their labels name the GB font they stand in for). */
const DEFAULT_STYLE: Record<FontRole, Style> = { title: 'song', body: 'song', heading3: 'song', pageNumber: 'song', heading1: 'hei', heading2: 'kai' };

/** 0 for Simplified Chinese faces, 1 unknown, 2 Traditional, 3 Japanese and Korean (by name). */
function langRank(name: string): number {
  if (/\b(SC|GB|CN)\b|简|GB2312|GBK|GB18030/i.test(name)) return 0;
  if (/\b(TC|HK|TW)\b|繁/i.test(name)) return 2;
  if (/\b(JP|KR)\b|明朝|ゴシック|Hana/i.test(name)) return 3;
  return 1;
}

/**
 * A WOFF font as sfnt bytes, unpacked once and kept in the user's cache folder by path, size and
 * mtime (inflating LXGW WenKai costs ≈0.2 s of a cold start). A cached file is used only when its
 * table directory is whole; anything else is unpacked again and rewritten.
 */
function unpackedWoff(world: World, file: string): SfntFile {
  const cache = cacheFile(world, process.platform);
  const st = world.stat(file);
  const key = createHash('sha1')
    .update(`${path.resolve(world.cwd, file)}\0${st?.size}\0${st?.mtimeMs}`)
    .digest('hex')
    .slice(0, 20);
  const cached = cache && path.join(path.dirname(cache), 'sfnt', `${key}.sfnt`);
  if (cached && world.exists(cached)) {
    try {
      const sfnt = readSfnt(world, cached);
      const b = sfnt.bytes;
      readFaces((o, n) => b.subarray(o, o + n), b.length);
      return sfnt;
    } catch {
      // Corrupt or cut short: unpacked again below.
    }
  }
  const sfnt = woffToSfnt(world.readBytes(file));
  if (cached) {
    try {
      world.mkdirp(path.dirname(cached));
      world.writeAtomic(cached, sfnt);
    } catch {
      // No cache folder we may write: unpacked again next time.
    }
  }
  return { bytes: sfnt };
}

/** Where a style comes in a fallback order (unknown styles last; the sort is stable). */
const rank = (order: Style[], s: Style | undefined) => (s && order.includes(s) ? order.indexOf(s) : order.length);

/** Characters that draw nothing and need no glyph. */
export function isIgnorable(cp: number): boolean {
  return cp === 0x20 || cp === 0x3000 || cp === 0x200b || cp === 0xfeff;
}

const STYLE_ZH: Record<Style, string> = { song: '宋体', fangsong: '仿宋', kai: '楷体', hei: '黑体' };
const ROLE_ZH: Record<FontRole, string> = { title: '标题', body: '正文', heading1: '一级标题', heading2: '二级标题', heading3: '三级标题', pageNumber: '页码' };

/**
 * Roles whose face is of another style than the standard asks (a 宋体 serving 仿宋): the PDF shows
 * them so, and the office should know before it files it. The title's 小标宋 is a heavy 宋体.
 */
function styleSubstitutions(sources: Record<FontRole, FontSource>): string[] {
  const byFace = new Map<string, { roles: FontRole[]; src: FontSource; style: Style; want: Style }>();
  for (const [role, src] of Object.entries(sources) as [FontRole, FontSource][]) {
    const want = ROLE_STYLE[role];
    if (!src.style || src.style === want) continue;
    const key = `${src.file}#${src.index ?? 0}>${want}`;
    const hit = byFace.get(key);
    if (hit) hit.roles.push(role);
    else byFace.set(key, { roles: [role], src, style: src.style, want });
  }
  return [...byFace.values()].map(({ roles, src, style, want }) => {
    const who = roles.map((r) => ROLE_ZH[r]).join('和');
    return `${who}应为${STYLE_ZH[want]}，现用的是${STYLE_ZH[style]}风格的 ${src.label}：PDF 中的${who}将是${STYLE_ZH[style]}；请把${STYLE_ZH[want]}字体放进项目的 fonts/ 目录或在 gongwen.yaml 的 font_roles 中指定（DOCX 仍写标准字体名）`;
  });
}
