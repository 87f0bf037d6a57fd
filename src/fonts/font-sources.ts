// Where each role's font comes from: the GB fonts a user owns when present (system folders or a
// configured folder), else the open-licensed fonts `npm install` brings (fonts.md "Decisions").
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { expandPattern, isPattern } from '../data/patterns.js';
import type { World } from '../world/world.js';
import type { FontRole } from '../style/gbt9704.js';

export interface FontSource {
  file: string;
  /** Face name inside a .ttc collection. */
  postscriptName?: string;
  /** What it is, for `gongwen fonts`. */
  label: string;
  licence: string;
}

const require = createRequire(import.meta.url);
const pkgFile = (spec: string): string => require.resolve(spec);

/** The open defaults: every role works on a fresh `npm ci`. */
export function defaultSources(): Record<FontRole, FontSource> {
  const serif = { file: pkgFile('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'), label: 'Noto Serif SC Regular（思源宋体）', licence: 'OFL-1.1' };
  return {
    title: { file: pkgFile('@expo-google-fonts/noto-serif-sc/900Black/NotoSerifSC_900Black.ttf'), label: 'Noto Serif SC Black（代替方正小标宋）', licence: 'OFL-1.1' },
    body: { ...serif, label: 'Noto Serif SC Regular（代替仿宋_GB2312）' },
    heading3: { ...serif, label: 'Noto Serif SC Regular（代替仿宋_GB2312）' },
    heading1: { file: pkgFile('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'), label: 'Noto Sans SC Regular（代替黑体）', licence: 'OFL-1.1' },
    heading2: { file: path.join(path.dirname(pkgFile('@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-500-normal.woff')), 'lxgw-wenkai-latin-500-normal.woff'), label: 'LXGW WenKai（霞鹜文楷，代替楷体_GB2312）', licence: 'OFL-1.1' },
    pageNumber: { ...serif, label: 'Noto Serif SC Regular（代替宋体）' },
  };
}

/** File names of the GB fonts offices have, by role (Windows, macOS, Linux names). */
const GB_FILES: Record<FontRole, { names: RegExp; label: string; postscriptName?: string }[]> = {
  title: [{ names: /^(FZXBSJW|方正小标宋)/i, label: '方正小标宋简体' }],
  body: [
    { names: /^(simfang|仿宋_GB2312|FangSong_GB2312)\.ttf$/i, label: '仿宋' },
    { names: /^FandolFang-Regular\.otf$/i, label: 'FandolFang（仿宋）' },
  ],
  heading3: [
    { names: /^(simfang|仿宋_GB2312|FangSong_GB2312)\.ttf$/i, label: '仿宋' },
    { names: /^FandolFang-Regular\.otf$/i, label: 'FandolFang（仿宋）' },
  ],
  heading1: [{ names: /^(simhei|黑体)\.ttf$/i, label: '黑体' }],
  heading2: [
    { names: /^(simkai|楷体_GB2312|KaiTi_GB2312)\.ttf$/i, label: '楷体' },
  ],
  pageNumber: [{ names: /^simsun\.ttc$/i, label: '宋体', postscriptName: 'SimSun' }],
};

const SYSTEM_DIRS = ['C:/Windows/Fonts', '/Library/Fonts', '/System/Library/Fonts', '/usr/share/fonts', '/usr/local/share/fonts', '/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol', '/usr/share/texmf/fonts/opentype/public/fandol'];

/** Font files below the folders (two levels deep), by base name. */
function scan(world: World, dirs: string[]): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (dir: string, depth: number) => {
    let entries;
    try {
      entries = world.listDir(dir);
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDir) {
        if (depth < 3) walk(p, depth + 1);
      } else if (/\.(ttf|otf|ttc)$/i.test(e.name) && !found.has(e.name.toLowerCase())) found.set(e.name, p);
    }
  };
  for (const d of dirs) if (world.exists(d) && world.isDir(d)) walk(d, 0);
  return found;
}

/**
 * The source of every role: a GB font found in `fontDirs` (the project's configured folders first)
 * or the system folders wins over the open default.
 */
export function resolveSources(world: World, fontDirs: string[] = [], useSystem = true): Record<FontRole, FontSource> {
  const sources = defaultSources();
  // A configured folder may be a pattern (字体/*), expanded to the folders it matches.
  const dirs = fontDirs.flatMap((d) => (isPattern(d) ? expandPattern(world, d, '.', { dirs: true }).paths.filter((p) => world.isDir(p)) : [d]));
  const files = scan(world, [...dirs, ...(useSystem ? SYSTEM_DIRS : [])]);
  for (const role of Object.keys(GB_FILES) as FontRole[]) {
    for (const cand of GB_FILES[role]) {
      const hit = [...files].find(([name]) => cand.names.test(name));
      if (hit) {
        sources[role] = { file: hit[1], label: cand.label, licence: '用户自有字体', ...(cand.postscriptName ? { postscriptName: cand.postscriptName } : {}) };
        break;
      }
    }
  }
  return sources;
}
