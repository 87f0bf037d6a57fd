// Finds templates by document id: the project's templates/ first, then the built-in ones.
import * as path from 'node:path';
import { packagePath } from '../package-root.js';
import type { World } from '../world/world.js';
import type { Diagnostic } from '../diag/diagnostic.js';
import { decodeText } from '../data/decode-text.js';

/** The package's own templates/ folder (works from src/ under vitest and from dist/). */
export const BUILTIN_TEMPLATE_DIR = packagePath('templates') + path.sep;

export interface TemplateSource {
  id: string;
  file: string;
  text: string;
  builtin: boolean;
  /** W_ENCODING for a GB18030 file, E_ENCODING for one that is not text. */
  diagnostics: Diagnostic[];
}

export function templateFileName(id: string): string {
  return `${id}.md.hbs`;
}

export function findTemplate(world: World, id: string, userDir?: string): TemplateSource | undefined {
  const candidates: [string, boolean][] = [];
  if (userDir) candidates.push([path.join(userDir, templateFileName(id)), false]);
  candidates.push([path.join(BUILTIN_TEMPLATE_DIR, templateFileName(id)), true]);
  for (const [file, builtin] of candidates) {
    if (world.exists(file) && !world.isDir(file)) {
      const shown = builtin ? path.relative(world.cwd, file) || file : file;
      const decoded = decodeText(world.readBytes(file), shown);
      return { id, file: shown, text: decoded.text ?? '', builtin, diagnostics: decoded.diagnostics };
    }
  }
  return undefined;
}

export function listTemplates(world: World, userDir?: string): { id: string; file: string; builtin: boolean }[] {
  const seen = new Map<string, { id: string; file: string; builtin: boolean }>();
  const scan = (dir: string, builtin: boolean) => {
    if (!world.exists(dir) || !world.isDir(dir)) return;
    for (const e of world.listDir(dir)) {
      const m = /^(.+)\.md\.hbs$/.exec(e.name);
      if (!e.isDir && m && !seen.has(m[1]!)) seen.set(m[1]!, { id: m[1]!, file: path.join(dir, e.name), builtin });
    }
  };
  if (userDir) scan(userDir, false);
  scan(BUILTIN_TEMPLATE_DIR, true);
  return [...seen.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}
