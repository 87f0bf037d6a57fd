// gongwen's own files (the built-in kinds), read from the installed package whatever World a run
// uses: they belong to the program, not to the user's project, and an in-memory World has none.
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';

const cache = new Map<string, { name: string; bytes: Uint8Array }[]>();

/** The files of one package folder whose names match `pattern`, sorted by name; read once per process. */
export function packageFolder(dir: string, pattern: RegExp): { file: string; bytes: Uint8Array }[] {
  let files = cache.get(dir);
  if (!files) {
    let names: string[] = [];
    try {
      names = readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isFile() && pattern.test(e.name))
        .map((e) => e.name)
        .sort();
    } catch {
      // A package without the folder has none of those files.
    }
    files = names.map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(dir, name))) }));
    cache.set(dir, files);
  }
  return files.map((f) => ({ file: path.join(dir, f.name), bytes: f.bytes }));
}
