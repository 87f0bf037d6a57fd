// The real World on Node's fs: atomic writes by temp file + fsync + rename.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globModule } from './glob-module.js';
import { naturalOrder, type DirEntry, type World } from './world.js';

let tmpCounter = 0;

export function nodeWorld(cwd = process.cwd()): World {
  const abs = (p: string) => path.resolve(cwd, p);
  return {
    cwd,
    exists: (p) => fs.existsSync(abs(p)),
    isLink: (p) => {
      try {
        return fs.lstatSync(abs(p)).isSymbolicLink();
      } catch {
        return false;
      }
    },
    realPath: (p) => {
      try {
        return fs.realpathSync(abs(p));
      } catch {
        return abs(p);
      }
    },
    isDir: (p) => {
      try {
        return fs.statSync(abs(p)).isDirectory();
      } catch {
        return false;
      }
    },
    readText: (p) => fs.readFileSync(abs(p), 'utf8'),
    readBytes: (p) => fs.readFileSync(abs(p)),
    fileSize: (p) => fs.statSync(abs(p)).size,
    stat: (p) => {
      try {
        const st = fs.statSync(abs(p));
        return { size: st.size, mtimeMs: Math.floor(st.mtimeMs) };
      } catch {
        return undefined;
      }
    },
    readRange: (p, offset, length) => {
      const fd = fs.openSync(abs(p), 'r');
      try {
        const buf = Buffer.alloc(length);
        const n = fs.readSync(fd, buf, 0, length, offset);
        return buf.subarray(0, n);
      } finally {
        fs.closeSync(fd);
      }
    },
    readRangesInto: (p, target, ranges) => {
      const fd = fs.openSync(abs(p), 'r');
      try {
        for (const r of ranges) fs.readSync(fd, target, r.offset, Math.min(r.length, target.length - r.offset), r.offset);
      } finally {
        fs.closeSync(fd);
      }
    },
    listDir: (p): DirEntry[] =>
      fs
        .readdirSync(abs(p), { withFileTypes: true })
        .map((d) => ({ name: d.name, isDir: d.isDirectory() }))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    glob: (pattern, opts = {}) =>
      globModule()
        .globSync(pattern, { cwd, nodir: !opts.dirs, windowsPathsNoEscape: path.sep === '\\' })
        .map((m) => (path.isAbsolute(pattern) ? path.resolve(cwd, m) : m))
        .sort(naturalOrder),
    writeAtomic: (p, data) => writeAtomic(abs(p), data),
    mkdirp: (p) => mkdirp(abs(p)),
    remove: (p) => fs.rmSync(abs(p), { force: true }),
    rename: (from, to) => fs.renameSync(abs(from), abs(to)),
    removeTree: (p) => fs.rmSync(abs(p), { recursive: true, force: true }),
    lock: (p) => lockFile(abs(p)),
    uniqueName: (base) => `${base}.${process.pid}.${++tmpCounter}`,
    now: () => Date.now(),
    env: (name) => process.env[name],
  };
}

/**
 * Folders made one level at a time: Node's recursive mkdir loops for ever under /proc (EEXIST and
 * ENOENT in turn), so a folder that cannot be made must fail at once with the reason.
 */
function mkdirp(dir: string): void {
  const missing: string[] = [];
  let p = dir;
  for (;;) {
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(p);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    if (st) {
      if (!st.isDirectory()) throw Object.assign(new Error(`${p} 不是文件夹`), { code: 'ENOTDIR' });
      break;
    }
    missing.push(p);
    const up = path.dirname(p);
    if (up === p) break;
    p = up;
  }
  for (const m of missing.reverse()) {
    try {
      fs.mkdirSync(m);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || !fs.statSync(m).isDirectory()) throw e;
    }
  }
}

/** Whether a process with this id runs (signal 0 checks without sending). */
function running(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** An exclusive lock file holding our pid; one left by a process that is gone is taken over. */
function lockFile(file: string): { taken: boolean; holder?: string } {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return { taken: true };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = Number(fs.readFileSync(file, 'utf8').trim());
    if (holder === process.pid) return { taken: true };
    if (running(holder)) return { taken: false, holder: String(holder) };
    fs.rmSync(file, { force: true });
  }
  return { taken: false };
}

/** Temp file beside the target, written and fsynced, then renamed over it: a reader sees the old file or the new, never half of one. */
function writeAtomic(target: string, data: string | Uint8Array): void {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${++tmpCounter}.tmp`);
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
  } catch (e) {
    fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  fs.closeSync(fd);
  try {
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
