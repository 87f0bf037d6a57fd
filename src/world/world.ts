// The World: every piece of I/O the pipeline needs (files, env, clock), so stages stay pure.

export interface DirEntry {
  name: string;
  isDir: boolean;
}

export interface World {
  /** The folder relative paths in messages are relative to. */
  cwd: string;
  exists(path: string): boolean;
  /** Whether the path itself is a symbolic link (not followed). */
  isLink(path: string): boolean;
  /** The path with every symbolic link resolved (the path itself where there is none, or it does not exist). */
  realPath(path: string): string;
  isDir(path: string): boolean;
  readText(path: string): string;
  readBytes(path: string): Uint8Array;
  fileSize(path: string): number;
  /** Size and modification time, or undefined when the path does not exist. */
  stat(path: string): { size: number; mtimeMs: number } | undefined;
  /** `length` bytes at `offset` (fewer at the end of the file), without reading the rest. */
  readRange(path: string, offset: number, length: number): Uint8Array;
  /** Reads each range of the file into `target` at the same offset (one open for them all). */
  readRangesInto(path: string, target: Uint8Array, ranges: readonly { offset: number; length: number }[]): void;
  listDir(path: string): DirEntry[];
  /**
   * Paths matching a glob pattern (relative to `cwd`, or absolute), written the way the pattern
   * is (relative or absolute, with the platform's separator), in natural order (扫描件2 before
   * 扫描件10). Files only, unless `dirs`. Hidden files match only when the pattern says so.
   */
  glob(pattern: string, opts?: { dirs?: boolean }): string[];
  /** Writes through a temporary file and a rename, so a reader never sees half a file. */
  writeAtomic(path: string, data: Uint8Array | string): void;
  mkdirp(path: string): void;
  remove(path: string): void;
  /** Renames a file or folder (same filesystem: atomic). */
  rename(from: string, to: string): void;
  /** Removes a folder and everything in it (links inside are removed, never followed). */
  removeTree(path: string): void;
  /**
   * Takes the lock file `path` for this process: true when taken (also from a process that is no
   * longer running), false when a running process holds it (`holder` says which).
   */
  lock(path: string): { taken: boolean; holder?: string };
  /** A name no other process uses at the same moment (a staging folder's). */
  uniqueName(base: string): string;
  env(name: string): string | undefined;
  /** Milliseconds, for pacing work only: never written into a file. */
  now(): number;
}

let collator: Intl.Collator | undefined;
/** The order patterns expand in: natural (numbers by value), then by code unit, so it is total. */
export const naturalOrder = (a: string, b: string): number =>
  // Made on first use: building a collator costs more than a cold `--help` can spare.
  (collator ??= new Intl.Collator('zh-Hans-CN', { numeric: true })).compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
