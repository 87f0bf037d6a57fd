// The World: every piece of I/O the pipeline needs (files, env, clock), so stages stay pure.

export interface DirEntry {
  name: string;
  isDir: boolean;
}

export interface World {
  /** The folder relative paths in messages are relative to. */
  cwd: string;
  exists(path: string): boolean;
  isDir(path: string): boolean;
  readText(path: string): string;
  readBytes(path: string): Uint8Array;
  fileSize(path: string): number;
  listDir(path: string): DirEntry[];
  /** Writes through a temporary file and a rename, so a reader never sees half a file. */
  writeAtomic(path: string, data: Uint8Array | string): void;
  mkdirp(path: string): void;
  remove(path: string): void;
  env(name: string): string | undefined;
  /** Milliseconds, for pacing work only: never written into a file. */
  now(): number;
}
