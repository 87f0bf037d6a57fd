// File patterns users write (inputs, `data:` in gongwen.yaml, attachment files, font folders):
// expanded with glob through the World, in natural order, and kept inside the project folder
// unless written as absolute paths.
import * as path from 'node:path';
import { hasMagic } from 'glob';
import type { World } from '../world/world.js';

/** Whether `s` is a pattern (has *, ?, [..], {..}) rather than a plain path. */
export const isPattern = (s: string): boolean => hasMagic(s, { windowsPathsNoEscape: path.sep === '\\' });

/** Whether `p` (relative to the World's cwd, or absolute) lies inside the project folder. */
export function insideProject(world: World, p: string): boolean {
  const rel = path.relative(path.resolve(world.cwd), path.resolve(world.cwd, p));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
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
export function expandPattern(world: World, pattern: string, base = '.', opts: { dirs?: boolean } = {}): Expanded {
  const absolute = path.isAbsolute(pattern);
  // glob patterns use / on every platform; a path joined on Windows would turn it into \.
  const joined = absolute ? pattern : base === '.' ? pattern : `${base.split(path.sep).join('/')}/${pattern}`;
  const found = isPattern(pattern) ? world.glob(joined, opts) : world.exists(joined) && (opts.dirs || !world.isDir(joined)) ? [path.normalize(joined)] : [];
  if (absolute) return { paths: found, escaped: false };
  const paths = found.filter((p) => insideProject(world, p));
  return { paths, escaped: paths.length < found.length || !insideProject(world, path.normalize(joined).split(/[*?[{]/)[0]!) };
}
