// A template path that climbs out of every block ({{../../../unit.name}} inside one #each) makes
// Handlebars throw a TypeError with no position at render time: found before, at its line and column.
import Handlebars from 'handlebars';

/** Blocks that do not give their body a new context: `../` climbs past them. */
const SAME_CONTEXT = new Set(['if', 'unless']);

export interface PathProblem {
  path: string;
  depth: number;
  levels: number;
  line: number;
  column: number;
}

/** The first path whose `../` count exceeds the blocks around it, or undefined. */
export function pathTooDeep(source: string): PathProblem | undefined {
  let ast: hbs.AST.Program;
  try {
    ast = Handlebars.parse(source);
  } catch {
    return undefined; // the compiler reports syntax errors with their position
  }
  let found: PathProblem | undefined;
  const visit = (node: unknown, levels: number): void => {
    if (found || !node || typeof node !== 'object') return;
    const n = node as { type?: string; depth?: number; original?: string; loc?: hbs.AST.SourceLocation; path?: { original?: string }; program?: unknown; inverse?: unknown };
    if (n.type === 'PathExpression' && (n.depth ?? 0) > levels) {
      found = { path: n.original ?? '', depth: n.depth!, levels, line: n.loc?.start.line ?? 1, column: (n.loc?.start.column ?? 0) + 1 };
      return;
    }
    const inner = n.type === 'BlockStatement' && !SAME_CONTEXT.has(String(n.path?.original)) ? levels + 1 : levels;
    for (const [k, v] of Object.entries(n)) {
      if (k === 'loc') continue;
      const l = (k === 'program' || k === 'inverse') && n.type === 'BlockStatement' ? inner : levels;
      if (Array.isArray(v)) v.forEach((x) => visit(x, l));
      else if (v && typeof v === 'object') visit(v, l);
    }
  };
  visit(ast, 0);
  return found;
}
