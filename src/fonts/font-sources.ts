// Where each role's font comes from: the GB fonts a user owns when the catalog has them (found by
// their names), else the open-licensed fonts `npm install` brings (fonts.md "Decisions").
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { TIER_RANK, type CatalogFace, type FontCatalog } from './font-catalog.js';
import { ROLE_FAMILIES, normName, styleOf, type Style } from './role-names.js';
import type { FontRole } from '../style/gbt9704.js';

export interface FontSource {
  file: string;
  /** Face index inside a .ttc/.otc collection. */
  index?: number;
  /** The family name the face calls itself (what the DOCX names), for a user's font. */
  family?: string;
  /** What it is, for `gongwen fonts`. */
  label: string;
  licence: string;
  /** Why it was chosen (the name that matched and the folder), for `gongwen fonts`. */
  why?: string;
  tier?: CatalogFace['tier'];
  outlines?: CatalogFace['outlines'];
  /** Named for the role in gongwen.yaml (font_roles): the project's choice, which the DOCX names too. */
  chosen?: boolean;
  /** Its style (仿宋, 宋体 …) by its names; the open defaults say theirs. */
  style?: Style;
}

const require = createRequire(import.meta.url);
const pkgFile = (spec: string): string => require.resolve(spec);

/** The open defaults: every role works on a fresh `npm ci`. */
export function defaultSources(): Record<FontRole, FontSource> {
  const serif = { file: pkgFile('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'), label: 'Noto Serif SC Regular（思源宋体）', licence: 'OFL-1.1', style: 'song' as const };
  return {
    title: { file: pkgFile('@expo-google-fonts/noto-serif-sc/900Black/NotoSerifSC_900Black.ttf'), label: 'Noto Serif SC Black（代替方正小标宋）', licence: 'OFL-1.1', style: 'song' },
    body: { ...serif, label: 'Noto Serif SC Regular（代替仿宋_GB2312）' },
    heading3: { ...serif, label: 'Noto Serif SC Regular（代替仿宋_GB2312）' },
    heading1: { file: pkgFile('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'), label: 'Noto Sans SC Regular（代替黑体）', licence: 'OFL-1.1', style: 'hei' },
    heading2: {
      file: path.join(path.dirname(pkgFile('@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-500-normal.woff')), 'lxgw-wenkai-latin-500-normal.woff'),
      label: 'LXGW WenKai（霞鹜文楷，代替楷体_GB2312）',
      licence: 'OFL-1.1',
      style: 'kai',
    },
    pageNumber: { ...serif, label: 'Noto Serif SC Regular（代替宋体）' },
  };
}

/** A role's font named in gongwen.yaml: a family name, or a file (with a face index in a collection). */
export type RoleChoice = { family: string } | { file: string; index?: number };

/** What the resolution found, for `gongwen fonts`: the choice and the candidates passed over. */
export interface RoleResolution {
  role: FontRole;
  source: FontSource;
  /** Faces that matched an accepted name but lost (a later name, or a lower folder). */
  passedOver: string[];
}

const faceLabel = (f: CatalogFace) => `${f.families.find((n) => /[\u4e00-\u9fff]/.test(n)) ?? f.families[0] ?? f.postscriptName}`;

const TIER_LABEL = { project: '项目字体', user: '用户字体', system: '系统字体' } as const;

/** A catalog face as a role's source. */
export function sourceOf(f: CatalogFace, why: string, matched?: string): FontSource {
  // The name that matched (仿宋_GB2312 rather than FangSong_GB2312) is what Word is told.
  const family = matched && f.families.some((n) => normName(n) === normName(matched)) ? matched : (f.families.find((n) => /[\u4e00-\u9fff]/.test(n)) ?? f.families[0] ?? f.postscriptName);
  const style = styleOf([...f.families, ...f.fullNames]);
  return { file: f.file, index: f.index, family, label: faceLabel(f), licence: TIER_LABEL[f.tier], why, tier: f.tier, outlines: f.outlines, ...(style ? { style } : {}) };
}

/**
 * The source of every role: an explicit choice from gongwen.yaml, else the face whose names come
 * first in the role's accepted list, the project's folders winning over the user's, and those over
 * the system's; else the open default.
 */
export function resolveSources(catalog: FontCatalog, choices: Partial<Record<FontRole, RoleChoice>> = {}, problems: string[] = []): RoleResolution[] {
  const defaults = defaultSources();
  return (Object.keys(defaults) as FontRole[]).map((role) => {
    const choice = choices[role];
    if (choice) {
      const hit =
        'family' in choice
          ? catalog.faces.find((f) => [...f.families, ...f.fullNames, f.postscriptName].some((n) => normName(n) === normName(choice.family)))
          : catalog.faces.find((f) => path.resolve(f.file) === path.resolve(choice.file) && f.index === (choice.index ?? 0));
      if (hit)
        return {
          role,
          source: { ...sourceOf(hit, `gongwen.yaml 指定（${'family' in choice ? choice.family : choice.file}）`, 'family' in choice ? choice.family : undefined), chosen: true },
          passedOver: [],
        };
      problems.push(`gongwen.yaml 为“${role}”指定的字体“${'family' in choice ? choice.family : choice.file}”没有找到，按默认顺序选择`);
    }
    const wanted = ROLE_FAMILIES[role].map(normName);
    const want = role === 'title' ? 900 : 400;
    const ranked = catalog.faces
      .map((f) => {
        const names = [...f.families, ...f.fullNames, f.postscriptName];
        const at = Math.min(...names.map((n) => wanted.indexOf(normName(n))).filter((i) => i >= 0));
        return { f, at, name: names.find((n) => wanted.indexOf(normName(n)) === at) };
      })
      .filter((x) => Number.isFinite(x.at))
      // Same tier and name: the weight the role wants (a heavy face for the title, regular else).
      .sort((a, b) => TIER_RANK[a.f.tier] - TIER_RANK[b.f.tier] || a.at - b.at || Math.abs(a.f.weight - want) - Math.abs(b.f.weight - want));
    const best = ranked[0];
    if (!best) return { role, source: defaults[role], passedOver: [] };
    const passedOver = ranked.slice(1).map((x) => `${x.name}（${x.f.file}${x.f.index ? ` #${x.f.index}` : ''}）`);
    return { role, source: sourceOf(best.f, `名称“${best.name}”，${best.f.folder}`, best.name), passedOver };
  });
}
