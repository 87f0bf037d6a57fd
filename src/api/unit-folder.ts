// A unit's files onto disk, all or nothing: written into a staging folder beside the unit's, then
// swapped in; and the manifest's entries for them.
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { World } from '../world/world.js';

export interface ManifestEntry {
  path: string;
  sha256: string;
  bytes: number;
  doc: string;
  unit: string;
  sources: string[];
}

/** A file made for a unit: its name in the unit's folder, bytes, document and what it was made from. */
export interface Output {
  file: string;
  bytes: Uint8Array;
  doc: string;
  sources: string[];
  name: string;
  pages?: number;
}

export const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

export function manifestEntry(out: string, dir: string, unit: string, o: Output): ManifestEntry {
  return {
    path: path.relative(out, path.join(dir, o.file)).split(path.sep).join('/'),
    sha256: sha256(o.bytes),
    bytes: o.bytes.length,
    doc: o.doc,
    unit,
    sources: o.sources.map((s) => s.split(path.sep).join('/')),
  };
}

/** Why a write failed, as the user reads it. */
export function writeFailure(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err.code === 'ENOSPC' ? '磁盘空间不足' : err.code === 'EACCES' || err.code === 'EPERM' ? '没有写入权限' : err.code === 'EROFS' ? '文件系统只读' : err.message;
}

/**
 * Writes a unit's files through a staging folder on the same filesystem. `whole`: the unit's folder
 * becomes exactly these files (the previous folder is swapped out, then removed); otherwise (`--only`)
 * each file replaces its namesake and the others stay. On any failure the staging folder goes and the
 * unit's folder is as it was.
 */
export function writeUnitFolder(world: World, out: string, dir: string, outputs: readonly { file: string; bytes: Uint8Array }[], whole: boolean): void {
  const staging = path.join(out, world.uniqueName(`.${path.basename(dir)}.staging`));
  for (const o of outputs) assertInside(out, path.join(dir, o.file));
  try {
    world.mkdirp(staging);
    for (const o of outputs) world.writeAtomic(path.join(staging, o.file), o.bytes);
  } catch (e) {
    removeQuietly(world, staging);
    throw e;
  }
  // A link where the unit's folder goes (out/某单位 → elsewhere) is replaced, never written through.
  if (world.isLink(dir)) world.remove(dir);
  if (whole) return swapIn(world, out, dir, staging);
  world.mkdirp(dir);
  for (const o of outputs) world.rename(path.join(staging, o.file), path.join(dir, o.file));
  removeQuietly(world, staging);
}

function swapIn(world: World, out: string, dir: string, staging: string): void {
  const old = world.exists(dir) ? path.join(out, world.uniqueName(`.${path.basename(dir)}.old`)) : undefined;
  if (old) world.rename(dir, old);
  try {
    world.rename(staging, dir);
  } catch (e) {
    if (old) world.rename(old, dir);
    removeQuietly(world, staging);
    throw e;
  }
  if (old) removeQuietly(world, old);
}

function removeQuietly(world: World, p: string): void {
  try {
    world.removeTree(p);
  } catch {
    // Left for the next run's clean-up of stale staging folders.
  }
}

/** Every path we write is built from sanitized names; this is the last guard. */
function assertInside(out: string, file: string): void {
  const rel = path.relative(path.resolve(out), path.resolve(file));
  if (rel.startsWith('..') || path.isAbsolute(rel)) throw new Error(`refusing to write outside --out: ${file}`);
}
