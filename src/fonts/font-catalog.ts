// The font catalog: every face in the project's font folders, the user's and the system's, with
// the names, weight, outline kind and coverage read from the files (sfnt-info.ts). Cached on disk
// by path, size and mtime, so a warm scan of a few hundred fonts reads no font file.
import * as path from 'node:path';
import { cacheDir } from '../world/cache-dir.js';
import type { World } from '../world/world.js';
import { expandPattern, isPattern } from '../data/patterns.js';
import { readFaces, type FaceInfo } from './sfnt-info.js';

/** Where a folder ranks: the project's first, then the user's, then the system's. */
export type Tier = 'project' | 'user' | 'system';
export const TIER_RANK: Record<Tier, number> = { project: 0, user: 1, system: 2 };

export interface CatalogFace extends FaceInfo {
  file: string;
  tier: Tier;
  /** The folder it was found in, for `gongwen fonts`. */
  folder: string;
}

export interface FontCatalog {
  faces: CatalogFace[];
  /** Files that could not be read, with why. */
  problems: string[];
}

const FONT_FILE = /\.(ttf|otf|ttc|otc)$/i;
const MAX_DEPTH = 4;
const CACHE_VERSION = 1;

/** The per-user and system font folders of Windows, macOS and Linux (UOS and Kylin use Linux's). */
export function standardFolders(world: World, platform: string): { folder: string; tier: Tier }[] {
  const home = world.env('HOME') || world.env('USERPROFILE');
  const user: string[] = [];
  const system: string[] = [];
  if (platform === 'win32') {
    const local = world.env('LOCALAPPDATA') || undefined;
    if (local) user.push(path.join(local, 'Microsoft', 'Windows', 'Fonts'));
    system.push(path.join(world.env('WINDIR') || 'C:\\Windows', 'Fonts'));
  } else if (platform === 'darwin') {
    if (home) user.push(path.join(home, 'Library', 'Fonts'));
    system.push('/Library/Fonts', '/System/Library/Fonts', '/System/Library/AssetsV2');
  } else {
    // An empty XDG_DATA_HOME means unset (XDG Base Directory spec).
    const data = world.env('XDG_DATA_HOME') || (home ? path.join(home, '.local', 'share') : undefined);
    if (data) user.push(path.join(data, 'fonts'));
    if (home) user.push(path.join(home, '.fonts'));
    system.push('/usr/share/fonts', '/usr/local/share/fonts', '/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol', '/usr/share/texmf/fonts/opentype/public/fandol');
  }
  return [...user.map((folder) => ({ folder, tier: 'user' as const })), ...system.map((folder) => ({ folder, tier: 'system' as const }))];
}

/** The cache file: under the user's cache folder, or GONGWEN_CACHE_DIR. */
export function cacheFile(world: World, platform: string): string | undefined {
  const dir = cacheDir(world, platform);
  return dir && path.join(dir, 'font-catalog.json');
}

interface CacheEntry {
  size: number;
  mtimeMs: number;
  faces?: FaceInfo[];
  error?: string;
}

function readCache(world: World, file: string | undefined): Map<string, CacheEntry> {
  if (!file || !world.exists(file)) return new Map();
  try {
    const j = JSON.parse(world.readText(file)) as { version: number; files: Record<string, CacheEntry> };
    return j.version === CACHE_VERSION ? new Map(Object.entries(j.files)) : new Map();
  } catch {
    return new Map(); // a damaged cache is rebuilt
  }
}

/** Font files below `folder`, in a stable order. */
function fontFiles(world: World, folder: string): string[] {
  const out: string[] = [];
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
        if (depth < MAX_DEPTH && !e.name.startsWith('.')) walk(p, depth + 1);
      } else if (FONT_FILE.test(e.name)) out.push(p);
    }
  };
  if (world.isDir(folder)) walk(folder, 0);
  else if (FONT_FILE.test(folder) && world.exists(folder)) out.push(folder);
  return out;
}

/**
 * Scans the project's folders (`projectDirs`, patterns allowed) and, with `system`, the user's and
 * the system's. Faces come in precedence order: by tier, then by folder order, then by path.
 */
export function scanCatalog(world: World, projectDirs: string[], opts: { system: boolean; platform: string }): FontCatalog {
  const folders: { folder: string; tier: Tier }[] = [];
  for (const d of projectDirs) {
    const dirs = isPattern(d) ? expandPattern(world, d, '.', { dirs: true }).paths : [d];
    for (const folder of dirs) folders.push({ folder, tier: 'project' });
  }
  if (opts.system) folders.push(...standardFolders(world, opts.platform));
  const cachePath = cacheFile(world, opts.platform);
  // Read only when there is a font file to look up: with --no-system-fonts and no fonts/ folder a
  // run never pays for the cache (which lists every face's coverage: megabytes on a desktop).
  let cached: Map<string, CacheEntry> | undefined;
  const cache = () => (cached ??= readCache(world, cachePath));
  let changed = false;
  const faces: CatalogFace[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { folder, tier } of folders) {
    for (const file of fontFiles(world, folder)) {
      const key = path.resolve(world.cwd, file);
      if (seen.has(key)) continue;
      seen.add(key);
      const st = world.stat(file);
      if (!st) continue;
      let entry = cache().get(key);
      if (!entry || entry.size !== st.size || entry.mtimeMs !== st.mtimeMs) {
        try {
          entry = { ...st, faces: readFaces((o, n) => world.readRange(file, o, n), st.size) };
        } catch (e) {
          entry = { ...st, error: (e as Error).message };
        }
        cache().set(key, entry);
        changed = true;
      }
      if (entry.error) problems.push(`字体文件 ${file} 无法读取（${entry.error}），已跳过`);
      for (const f of entry.faces ?? []) faces.push({ ...f, file, tier, folder });
    }
  }
  faces.sort((a, b) => TIER_RANK[a.tier] - TIER_RANK[b.tier]);
  if (changed && cachePath && cached) {
    // Files gone since they were cached (a project's fonts/ folder removed) leave the cache.
    for (const key of [...cached.keys()]) if (!seen.has(key) && !world.stat(key)) cached.delete(key);
    try {
      world.mkdirp(path.dirname(cachePath));
      world.writeAtomic(cachePath, JSON.stringify({ version: CACHE_VERSION, files: Object.fromEntries(cached) }));
    } catch {
      // No cache folder we may write: the next scan reads the files again.
    }
  }
  return { faces, problems };
}
