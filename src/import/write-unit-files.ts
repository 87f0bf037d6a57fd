// An imported unit's files into its folder; the 单位.yaml the user filled in is never overwritten by
// the skeleton.
import * as path from 'node:path';
import type { World } from '../world/world.js';

/** Writes `files` (name → text) into `dir`; returns the paths written. */
export function writeUnitFiles(world: World, dir: string, files: Iterable<[string, string]>): string[] {
  world.mkdirp(dir);
  const written: string[] = [];
  for (const [name, text] of files) {
    const target = path.join(dir, name);
    if (name === '单位.yaml' && (world.exists(target) || world.exists(path.join(dir, 'unit.yaml')))) continue;
    world.writeAtomic(target, text);
    written.push(target);
  }
  return written;
}
