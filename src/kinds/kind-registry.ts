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
  /** Every kind (parses every kind file). */
  readonly kinds: Kind[];
  /** Problems of the kind files, each at its file's line (parses every kind file). */
  readonly diagnostics: Diagnostic[];
  /** The kind of a unit that names none. */
  defaultKind: string;
  /** The kind by name or alias. */
  resolve(name: string): Kind | undefined;
  /** The problems of one kind file (one `resolve` returned). */
  diagnosticsOf(kind: Kind): Diagnostic[];
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

/**
 * The registry. The project's kind files are read at once (a project has a few); a built-in kind is
 * parsed when a unit asks for it by name — each is in the file named after it — and all of them only
 * when a name is no built-in file's, an alias, or the whole list is wanted: parsing the six YAML files
 * was a third of a cold `gongwen check`.
 */
export function loadKinds(world: World, opts: KindOptions = {}): KindRegistry {
  type Read = { kind?: Kind; diagnostics: Diagnostic[] };
  const read = (file: string, bytes: () => Uint8Array, builtin: boolean): Read => readFile(bytes(), builtin ? path.relative(world.cwd, file) || file : file, builtin);
  const usable = (r: Read): Kind | undefined => (r.kind && !r.diagnostics.some((d) => d.severity === 'error') ? r.kind : undefined);
  const builtinFiles = packageFolder(BUILTIN_KIND_DIR, KIND_FILE);
  const builtinRead = new Map<string, Read>();
  const builtin = (f: { file: string; bytes: Uint8Array }): Read => {
    let r = builtinRead.get(f.file);
    if (!r) builtinRead.set(f.file, (r = read(f.file, () => f.bytes, true)));
    return r;
  };
  // The project's kinds come last: one named like a built-in kind replaces it.
  const project = kindFiles(world, opts.dir ?? 'kinds').map((file) => read(file, () => world.readBytes(file), false));
  const projectByName = new Map<string, Kind>();
  for (const r of project) {
    const k = usable(r);
    if (k) projectByName.set(k.name, k);
  }
  let all: { kinds: Kind[]; byName: Map<string, Kind>; diagnostics: Diagnostic[] } | undefined;
  const everything = () => {
    if (all) return all;
    const byName = new Map<string, Kind>();
    const reads = builtinFiles.map(builtin);
    for (const r of reads) {
      const k = usable(r);
      if (k) byName.set(k.name, k);
    }
    for (const [name, k] of projectByName) byName.set(name, k);
    return (all = { kinds: [...byName.values()], byName, diagnostics: [...reads, ...project].flatMap((r) => r.diagnostics) });
  };
  const resolve = (name: string): Kind | undefined => {
    const n = name.replace(/\s+/g, '');
    const own = projectByName.get(n);
    if (own) return own;
    const file = builtinFiles.find((f) => path.basename(f.file).replace(/\.ya?ml$/i, '') === n);
    const k = file && usable(builtin(file));
    if (k?.name === n) return k;
    const { byName, kinds } = everything();
    return byName.get(n) ?? kinds.find((x) => x.aliases.includes(n));
  };
  const diagnosticsOf = (kind: Kind): Diagnostic[] => [...builtinRead.values(), ...project].flatMap((r) => r.diagnostics).filter((d) => d.span?.file === kind.file);
  const unknown = (name: string, span: Diagnostic['span']): Diagnostic => {
    const { kinds, diagnostics } = everything();
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
  return {
    get kinds() {
      return everything().kinds;
    },
    get diagnostics() {
      return everything().diagnostics;
    },
    defaultKind: opts.default ?? DEFAULT_KIND,
    resolve,
    diagnosticsOf,
    unknown,
  };
}
