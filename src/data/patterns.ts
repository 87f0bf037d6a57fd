// File patterns users write (inputs, `data:` in gongwen.yaml, attachment files, font folders):
// expanded with glob through the World, in natural order, and kept inside the project folder
// unless written as absolute paths.
import * as path from 'node:path';
import { globModule } from '../world/glob-module.js';
import type { World } from '../world/world.js';

/**
 * Characters without which glob finds no pattern in a string: a plain path is told without loading
 * glob (≈22 ms of a cold `check`), a string with one of them is asked of glob's own hasMagic.
 */
const MAYBE_MAGIC = /[*?[\]{}()!+@]/;

/** Whether `s` is a pattern (has *, ?, [..], {..}) rather than a plain path. */
export const isPattern = (s: string): boolean => MAYBE_MAGIC.test(s) && globModule().hasMagic(s, { windowsPathsNoEscape: path.sep === '\\' });

/** Whether `p` (relative to the World's cwd, or absolute) lies inside the folder `root` (the project folder by default). */
export function insideProject(world: World, p: string, root = '.'): boolean {
  const rel = path.relative(path.resolve(world.cwd, root), path.resolve(world.cwd, p));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Whether `p` stays inside `root` once every link on its way is followed (a link out of the project does not count as inside). */
export function reallyInside(world: World, p: string, root = '.'): boolean {
  return insideProject(world, world.realPath(p), world.realPath(root));
}

/**
 * The project folder of a data file: the current folder when the file is inside it; else the
 * nearest folder above the file holding a gongwen.yaml; else the file's own folder (a unit given
 * by a path outside the current folder is a project of its own).
 */
export function projectRootOf(world: World, file: string): string {
  if (insideProject(world, file)) return '.';
  let dir = path.dirname(path.resolve(world.cwd, file));
  for (let up = dir; ;) {
    if (world.exists(path.join(up, 'gongwen.yaml'))) return up;
    const next = path.dirname(up);
    if (next === up) break;
    up = next;
  }
  return dir;
}

export interface Expanded {
  /** Matches, relative to the World's cwd (or absolute when the pattern was). */
  paths: string[];
  /** A relative pattern that reached outside the project folder (those matches are dropped). */
  escaped: boolean;
}

/**
 * Expands `pattern`, relative to the folder `base` (itself relative to cwd) unless absolute. A
 * plain path comes back as itself when it exists. Matches of a relative pattern that fall outside
 * the project folder are dropped and reported through `escaped`.
 */
export function expandPattern(world: World, pattern: string, base = '.', opts: { dirs?: boolean; root?: string } = {}): Expanded {
  const absolute = path.isAbsolute(pattern);
  const root = opts.root ?? '.';
  // glob patterns use / on every platform; a path joined on Windows would turn it into \.
  const joined = absolute ? pattern : base === '.' ? pattern : `${base.split(path.sep).join('/')}/${pattern}`;
  const found = isPattern(pattern) ? world.glob(joined, opts.dirs ? { dirs: true } : {}) : world.exists(joined) && (opts.dirs || !world.isDir(joined)) ? [path.normalize(joined)] : [];
  if (absolute) return { paths: found, escaped: false };
  // Inside by name and inside once links are followed: a link in the project pointing out of it escapes too.
  const paths = found.filter((p) => insideProject(world, p, root) && reallyInside(world, p, root));
  return { paths, escaped: paths.length < found.length || !insideProject(world, path.normalize(joined).split(/[*?[{]/)[0]!, root) };
}
