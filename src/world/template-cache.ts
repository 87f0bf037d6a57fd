// The compiled-template store in the user's cache folder (template/compiled-store.ts's CompiledStore): one file per
// template text, named by its hash with Handlebars' version and the compile options; at most
// KEEP files, the oldest removed first. Any file-system failure only means compiling again.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cacheDir } from './cache-dir.js';
import type { World } from './world.js';

const KEEP = 256;
const KEY = /^[0-9a-f]{40}$/;

export function templateCache(world: World): { get(key: string): string | undefined; set(key: string, spec: string): void } | undefined {
  const base = cacheDir(world, process.platform);
  if (!base) return undefined;
  const dir = path.join(base, 'templates');
  return {
    get(key) {
      if (!KEY.test(key)) return undefined;
      try {
        return fs.readFileSync(path.join(dir, `${key}.js`), 'utf8');
      } catch {
        return undefined;
      }
    },
    set(key, spec) {
      if (!KEY.test(key)) return;
      try {
        fs.mkdirSync(dir, { recursive: true });
        const tmp = path.join(dir, `.${key}.${process.pid}.tmp`);
        fs.writeFileSync(tmp, spec);
        fs.renameSync(tmp, path.join(dir, `${key}.js`));
        const files = fs.readdirSync(dir).filter((f) => f.endsWith('.js'));
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
