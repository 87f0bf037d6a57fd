// Stores of compiled things in the user's cache folder: one file per key in a folder of its own, at
// most KEEP files, the oldest removed first, written atomically. Any file-system failure only means
// compiling again. Compiled templates (template/compiled-store.ts) and the DOCX skeleton
// (backends/docx/skeleton-store.ts) are kept so.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cacheDir } from './cache-dir.js';
import type { TextStore } from './store-slot.js';
import type { World } from './world.js';

const KEEP = 256;
const KEY = /^[0-9a-f]{40}$/;

export type FileStore = TextStore;

/** Files `<key><ext>` in `folder` of the cache folder; keys are 40 hex digits (a sha1). */
export function fileStore(world: World, folder: string, ext: string): FileStore | undefined {
  const base = cacheDir(world, process.platform);
  if (!base) return undefined;
  const dir = path.join(base, folder);
  return {
    get(key) {
      if (!KEY.test(key)) return undefined;
      try {
        return fs.readFileSync(path.join(dir, `${key}${ext}`), 'utf8');
      } catch {
        return undefined;
      }
    },
    set(key, text) {
      if (!KEY.test(key)) return;
      try {
        fs.mkdirSync(dir, { recursive: true });
        const tmp = path.join(dir, `.${key}.${process.pid}.tmp`);
        fs.writeFileSync(tmp, text);
        fs.renameSync(tmp, path.join(dir, `${key}${ext}`));
        const files = fs.readdirSync(dir).filter((f) => f.endsWith(ext));
        if (files.length > KEEP) {
          const aged = files.map((f) => ({ f, t: fs.statSync(path.join(dir, f)).mtimeMs })).sort((a, b) => a.t - b.t);
          for (const { f } of aged.slice(0, files.length - KEEP)) fs.rmSync(path.join(dir, f), { force: true });
        }
      } catch {
        // No cache folder we may write: the next run compiles again.
      }
    },
  };
}

/** The compiled-template store (keys: the template's hash with Handlebars' version and options). */
export const templateCache = (world: World): FileStore | undefined => fileStore(world, 'templates', '.js');

/**
 * The build of the bundled CLI (dist/bundle/build-id.txt, a hash of every chunk, written by
 * scripts/bundle.mjs): what is compiled from our own code is kept only under it, so a new build never
 * reads an old one's. Unbundled (dist/ modules, tests) there is none, and nothing is kept.
 */
export function bundleBuildId(): string | undefined {
  try {
    const id = fs.readFileSync(new URL('./build-id.txt', import.meta.url), 'utf8').trim();
    return /^[0-9a-f]{40}$/.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

/** A store whose keys are any text, kept under this build only (none without a build id). */
export function buildStore(world: World, folder: string): TextStore | undefined {
  const build = bundleBuildId();
  const files = build ? fileStore(world, folder, '.json') : undefined;
  if (!files) return undefined;
  const hash = (key: string) => createHash('sha1').update(`${build}\0${key}`).digest('hex');
  return { get: (key) => files.get(hash(key)), set: (key, text) => files.set(hash(key), text) };
}
