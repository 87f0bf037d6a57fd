// Finds the units below the inputs: a YAML file is a unit; a folder with unit.yaml (单位.yaml) is a unit.
// Inputs may be glob patterns (单位/*/unit.yaml, 附属单位/**).
import * as path from 'node:path';
import { error, warning, type Diagnostic } from '../diag/diagnostic.js';
import { naturalOrder, type World } from '../world/world.js';
import { expandPattern, insideProject, isPattern, reallyInside } from './patterns.js';
import { sectionFor } from './schema.js';
import type { KindOptions } from '../kinds/kind-registry.js';

export interface UnitSource {
  /** Stable id: the unit's file or folder, relative to the cwd. */
  id: string;
  files: string[];
  /** The project's kinds folder and default kind (gongwen.yaml `kinds:`, `kind:`). */
  kinds?: KindOptions;
}

const YAML_EXT = /\.ya?ml$/i;
const MAX_DEPTH = 16;

export function isYamlFile(name: string): boolean {
  return YAML_EXT.test(name) && !name.startsWith('.');
}

export function baseName(file: string): string {
  return path.basename(file).replace(YAML_EXT, '');
}

function isUnitFolder(world: World, dir: string): boolean {
  return world.listDir(dir).some((e) => !e.isDir && isYamlFile(e.name) && sectionFor(baseName(e.name))?.key === 'unit');
}

export function discoverUnits(world: World, inputs: readonly string[], kinds?: KindOptions): { units: UnitSource[]; diagnostics: Diagnostic[] } {
  const units: UnitSource[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  // The project's kind files are no units, whatever folder is walked.
  const kindDir = path.normalize(kinds?.dir ?? 'kinds');
  const add = (u: UnitSource) => {
    if (seen.has(u.id)) return;
    seen.add(u.id);
    units.push(kinds ? { ...u, kinds } : u);
  };
  // Links are followed only where they stay inside the project (the input's own folder when it is outside the current one).
  let root = '.';
  const linkedOut = (p: string) => {
    if (reallyInside(world, p, root)) return false;
    diagnostics.push(error('E_INPUT', `“${p}”是指向项目文件夹之外的链接，已跳过`, { file: p, line: 1, column: 1 }, '把数据文件复制到项目文件夹中，或直接写出它的绝对路径'));
    return true;
  };
  const walk = (dir: string, depth: number) => {
    if (depth > MAX_DEPTH || linkedOut(dir)) return;
    if (isUnitFolder(world, dir)) {
      const files = world
        .listDir(dir)
        .filter((e) => !e.isDir && isYamlFile(e.name))
        .map((e) => path.join(dir, e.name))
        .filter((f) => !linkedOut(f));
      add({ id: dir, files });
      return;
    }
    // Natural order, as patterns expand (单位2 before 单位10).
    for (const e of [...world.listDir(dir)].sort((a, b) => naturalOrder(a.name, b.name))) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = path.join(dir, e.name);
      if (e.isDir && path.normalize(p) === kindDir) continue;
      if (e.isDir) walk(p, depth + 1);
      else if (isYamlFile(e.name)) {
        if (linkedOut(p)) continue;
        const sec = sectionFor(baseName(e.name));
        if (sec && sec.key !== 'unit') {
          diagnostics.push(warning('W_ORPHAN_FILE', `“${p}”是“${sec.label}”数据，但所在文件夹没有 unit.yaml（单位.yaml），已跳过`, { file: p, line: 1, column: 1 }));
          continue;
        }
        add({ id: p, files: [p] });
      }
    }
  };
  for (const input of expandInputs(world, inputs, diagnostics)) {
    const p = path.normalize(input);
    if (!world.exists(p)) {
      diagnostics.push(error('E_INPUT', `找不到输入“${input}”`));
      continue;
    }
    root = insideProject(world, p) ? '.' : world.isDir(p) ? p : path.dirname(p);
    if (world.isDir(p)) walk(p, 0);
    else if (isYamlFile(path.basename(p))) add({ id: p, files: [p] });
    else diagnostics.push(error('E_INPUT', `“${input}”不是 YAML 文件（.yaml/.yml）或文件夹`));
  }
  return { units, diagnostics };
}

/**
 * Inputs with patterns expanded. A matched YAML file in a unit folder stands for the folder (so
 * 单位/<each>/unit.yaml means those units, with all their files); a match inside another matched
 * folder is left to that folder's walk (so a pattern ending in ** finds each unit once).
 */
function expandInputs(world: World, inputs: readonly string[], diagnostics: Diagnostic[]): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    if (!isPattern(input)) {
      out.push(input);
      continue;
    }
    const { paths, escaped } = expandPattern(world, input, '.', { dirs: true });
    if (escaped) diagnostics.push(error('E_INPUT', `输入“${input}”指向项目文件夹之外；项目外的文件请写绝对路径`));
    const picked = paths.filter((p) => world.isDir(p) || isYamlFile(path.basename(p))).map((p) => (!world.isDir(p) && isUnitFolder(world, path.dirname(p)) ? path.dirname(p) : p));
    const dirs = picked.filter((p) => world.isDir(p));
    const kept = [...new Set(picked)].filter((p) => !dirs.some((d) => d !== p && (p.startsWith(d + path.sep) || (d === '.' && p !== '.'))));
    if (!kept.length && !escaped) diagnostics.push(error('E_INPUT', `输入“${input}”没有匹配到任何 YAML 文件或文件夹`));
    out.push(...kept);
  }
  return out;
}
