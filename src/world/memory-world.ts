// An in-memory World for tests: files in a Map, no disk.
import * as path from 'node:path';
import { minimatch } from 'minimatch';
import { naturalOrder, type DirEntry, type World } from './world.js';

let unique = 0;

export function memoryWorld(files: Record<string, string | Uint8Array>, env: Record<string, string> = {}): World & { files: Map<string, Uint8Array | string> } {
  const store = new Map<string, Uint8Array | string>(Object.entries(files).map(([k, v]) => [norm(k), v]));
  const dirs = () => {
    const s = new Set<string>(['.']);
    for (const k of store.keys()) {
      const parts = k.split('/');
      for (let i = 1; i < parts.length; i++) s.add(parts.slice(0, i).join('/'));
    }
    return s;
  };
  const get = (p: string) => {
    const v = store.get(norm(p));
    if (v === undefined) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
    return v;
  };
  return {
    files: store,
    cwd: '/mem',
    exists: (p) => store.has(norm(p)) || dirs().has(norm(p)),
    // No links in memory.
    isLink: () => false,
    realPath: (p) => path.posix.resolve('/mem', norm(p)),
    isDir: (p) => dirs().has(norm(p)),
    readText: (p) => {
      const v = get(p);
      return typeof v === 'string' ? v : new TextDecoder().decode(v);
    },
    readBytes: (p) => {
      const v = get(p);
      return typeof v === 'string' ? new TextEncoder().encode(v) : v;
    },
    fileSize: (p) => {
      const v = get(p);
      return typeof v === 'string' ? new TextEncoder().encode(v).length : v.length;
    },
    stat: (p) => {
      const v = store.get(norm(p));
      return v === undefined ? undefined : { size: typeof v === 'string' ? new TextEncoder().encode(v).length : v.length, mtimeMs: 0 };
    },
    readRange: (p, offset, length) => {
      const v = get(p);
      const b = typeof v === 'string' ? new TextEncoder().encode(v) : v;
      return b.subarray(offset, offset + length);
    },
    readRangesInto: (p, target, ranges) => {
      const v = get(p);
      const b = typeof v === 'string' ? new TextEncoder().encode(v) : v;
      for (const r of ranges) target.set(b.subarray(r.offset, Math.min(r.offset + r.length, target.length)), r.offset);
    },
    listDir: (p): DirEntry[] => {
      const base = norm(p);
      const prefix = base === '.' ? '' : base + '/';
      const out = new Map<string, boolean>();
      for (const k of store.keys()) {
        if (!k.startsWith(prefix)) continue;
        const rest = k.slice(prefix.length).split('/');
        out.set(rest[0]!, rest.length > 1 || out.get(rest[0]!) === true);
      }
      return [...out].map(([name, isDir]) => ({ name, isDir })).sort((a, b) => (a.name < b.name ? -1 : 1));
    },
    glob: (pattern, opts = {}) => {
      const pat = norm(pattern);
      const candidates = opts.dirs ? [...store.keys(), ...dirs()] : [...store.keys()];
      // As glob does, a/** matches the folder a itself.
      const self = pat.endsWith('/**') ? pat.slice(0, -3) : undefined;
      return [...new Set(candidates)].filter((k) => minimatch(k, pat) || (opts.dirs && k === self)).sort(naturalOrder);
    },
    ...memoryWrites(store),
    uniqueName: (base) => `${base}.${++unique}`,
    now: () => 0,
    env: (name) => env[name],
  };
}

function norm(p: string): string {
  const parts: string[] = [];
  for (const seg of p.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.length ? parts.join('/') : '.';
}

/** Writes into the store; renames and removals move or drop every file under a folder. */
function memoryWrites(store: Map<string, Uint8Array | string>): Pick<World, 'writeAtomic' | 'mkdirp' | 'remove' | 'rename' | 'removeTree' | 'lock'> {
  return {
    writeAtomic: (p, data) => {
      store.set(norm(p), data);
    },
    mkdirp: () => {},
    remove: (p) => {
      store.delete(norm(p));
    },
    rename: (from, to) => {
      const f = norm(from);
      const t = norm(to);
      for (const k of [...store.keys()]) {
        if (k === f || k.startsWith(f + '/')) {
          store.set(t + k.slice(f.length), store.get(k)!);
          store.delete(k);
        }
      }
    },
    removeTree: (p) => {
      const f = norm(p);
      for (const k of [...store.keys()]) if (k === f || k.startsWith(f + '/')) store.delete(k);
    },
    lock: (p) => {
      if (store.has(norm(p))) return { taken: false, holder: 'memory' };
      store.set(norm(p), 'memory');
      return { taken: true };
    },
  };
}
