// The kinds of 整改 a project can use: the built-in kind files (kinds/ in the package) and the
// project's own (its kinds/ folder, or `kinds:` in gongwen.yaml), a project's file overriding a
// built-in one of the same name. Each file is parsed once per process for a given text.
import * as path from 'node:path';
import { error, type Diagnostic } from '../diag/diagnostic.js';
import { nearest } from '../diag/nearest.js';
import { decodeText } from '../data/decode-text.js';
import { packagePath } from '../package-root.js';
import type { World } from '../world/world.js';
import { packageFolder } from '../world/package-files.js';
import { DEFAULT_KIND, type Kind } from './kind.js';
import { readKind } from './read-kind.js';

/** Where a project's kinds are and which one its units default to (gongwen.yaml `kinds:`, `kind:`). */
export interface KindOptions {
  dir?: string;
  default?: string;
}

export const BUILTIN_KIND_DIR = packagePath('kinds');

export interface KindRegistry {
  kinds: Kind[];
  /** Problems of the kind files, each at its file's line. */
  diagnostics: Diagnostic[];
  /** The kind of a unit that names none. */
  defaultKind: string;
  /** The kind by name or alias. */
  resolve(name: string): Kind | undefined;
  /** The error for a name that is no kind, at `span`. */
  unknown(name: string, span: Diagnostic['span']): Diagnostic;
}

const parsed = new Map<string, { kind?: Kind; diagnostics: Diagnostic[] }>();
const PARSED_LIMIT = 256;

function readFile(bytes: Uint8Array, shown: string, builtin: boolean): { kind?: Kind; diagnostics: Diagnostic[] } {
  const decoded = decodeText(bytes, shown);
  if (decoded.text === undefined) return { diagnostics: decoded.diagnostics };
  const key = `${builtin ? 'b' : 'p'}\0${shown}\0${decoded.text}`;
  let r = parsed.get(key);
  if (!r) {
    r = readKind(decoded.text, shown, builtin);
    r = { ...r, diagnostics: [...decoded.diagnostics, ...r.diagnostics] };
    if (parsed.size >= PARSED_LIMIT) parsed.delete(parsed.keys().next().value!);
    parsed.set(key, r);
  }
  return r;
}

const KIND_FILE = /^[^.].*\.ya?ml$/i;

function kindFiles(world: World, dir: string): string[] {
  if (!world.exists(dir) || !world.isDir(dir)) return [];
  return world
    .listDir(dir)
    .filter((e) => !e.isDir && KIND_FILE.test(e.name))
    .map((e) => path.join(dir, e.name))
    .sort();
}

export function loadKinds(world: World, opts: KindOptions = {}): KindRegistry {
  const diagnostics: Diagnostic[] = [];
  const byName = new Map<string, Kind>();
  const add = (files: { file: string; bytes: () => Uint8Array }[], builtin: boolean) => {
    for (const { file, bytes } of files) {
      const shown = builtin ? path.relative(world.cwd, file) || file : file;
      const r = readFile(bytes(), shown, builtin);
      diagnostics.push(...r.diagnostics);
      if (r.kind && !r.diagnostics.some((d) => d.severity === 'error')) byName.set(r.kind.name, r.kind);
    }
  };
  add(
    packageFolder(BUILTIN_KIND_DIR, KIND_FILE).map((f) => ({ file: f.file, bytes: () => f.bytes })),
    true,
  );
  // The project's kinds come last: one named like a built-in kind replaces it.
  add(
    kindFiles(world, opts.dir ?? 'kinds').map((file) => ({ file, bytes: () => world.readBytes(file) })),
    false,
  );
  const kinds = [...byName.values()];
  const resolve = (name: string): Kind | undefined => {
    const n = name.replace(/\s+/g, '');
    return byName.get(n) ?? kinds.find((k) => k.aliases.includes(n));
  };
  const unknown = (name: string, span: Diagnostic['span']): Diagnostic => {
    const near = nearest(
      name,
      kinds.flatMap((k) => [k.name, ...k.aliases]),
    );
    const broken = diagnostics.filter((d) => d.severity === 'error').length;
    return error(
      'E_KIND',
      `未知的整改类型“${name}”${near ? `；最接近的是“${near}”` : ''}`,
      span,
      `可用：${kinds.map((k) => k.name).join('、')}${broken ? `（另有 ${broken} 处整改类型文件错误，见 gongwen templates）` : ''}`,
    );
  };
  return { kinds, diagnostics, defaultKind: opts.default ?? DEFAULT_KIND, resolve, unknown };
}
