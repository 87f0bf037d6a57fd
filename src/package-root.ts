// The folder of gongwen's own files (package.json, templates/, assets/, data/ examples), found from
// this module's place: dist/… as tsc writes it or dist/bundle/ as the bundler does, so paths to
// the package's files do not depend on how deep the compiled module sits.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

function find(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'gongwen') return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error('gongwen: package.json not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}

export const PACKAGE_ROOT = find();

/** A path inside the package. */
export const packagePath = (...parts: string[]): string => path.join(PACKAGE_ROOT, ...parts);

export const PACKAGE_VERSION = (JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version;
