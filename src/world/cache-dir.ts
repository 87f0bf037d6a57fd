// The user's cache folder for gongwen (font catalog, unpacked fonts, compiled templates):
// GONGWEN_CACHE_DIR, else the platform's cache folder.
import * as path from 'node:path';
import type { World } from './world.js';

export function cacheDir(world: World, platform: string): string | undefined {
  const own = world.env('GONGWEN_CACHE_DIR');
  if (own) return own;
  const home = world.env('HOME') || world.env('USERPROFILE');
  const base =
    platform === 'win32' ? world.env('LOCALAPPDATA') : platform === 'darwin' ? home && path.join(home, 'Library', 'Caches') : world.env('XDG_CACHE_HOME') || (home && path.join(home, '.cache'));
  return base ? path.join(base, 'gongwen') : undefined;
}
