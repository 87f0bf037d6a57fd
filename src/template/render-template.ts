// Handlebars (strict, no prototype access, no HTML escaping) → Markdown text with provenance markers.
import { createHash } from 'node:crypto';
import Handlebars from 'handlebars';
import { compiledStore } from './compiled-store.js';
import { error, type Diagnostic } from '../diag/diagnostic.js';
import { helpers } from './helpers.js';
import { addLineMarkers, stripLineMarkers } from './markers.js';
import { pathTooDeep } from './path-depth.js';

export interface RenderedTemplate {
  /** Markdown with front matter; data texts still wrapped in field markers. */
  text: string;
  /** Template line (1-based) for each output line (0-based index). */
  lineMap: number[];
}

const env = Handlebars.create();
env.registerHelper(helpers);
// Templates get no partials: a `{{> x}}` written inside data is never reached anyway (data is not compiled).
env.unregisterHelper('log');
// Handlebars' own lookup, limited to own properties: {{lookup unit "name"}}, {{lookup measures 0}}.
env.registerHelper('lookup', (obj: unknown, key: unknown) => {
  if (obj === null || typeof obj !== 'object' || (typeof key !== 'string' && typeof key !== 'number')) return undefined;
  return Object.prototype.hasOwnProperty.call(obj, key) ? (obj as Record<string | number, unknown>)[key] : undefined;
});

type HbError = Error & { lineNumber?: number; column?: number };

/**
 * Loop bodies one render may run: a real document runs a few thousand; three nested
 * {{#each @root.problems}} over 2,000 problems would run eight billion and never end.
 */
export const MAX_LOOP_STEPS = 500_000;
class LoopBudget extends Error {}
let steps = 0;
const builtinEach = env.helpers.each as Handlebars.HelperDelegate;
env.registerHelper('each', function (this: unknown, context: unknown, options: Handlebars.HelperOptions) {
  const fn = options.fn;
  const counted = (ctx: unknown, o?: Handlebars.RuntimeOptions) => {
    if (++steps > MAX_LOOP_STEPS) throw new LoopBudget();
    return fn(ctx, o);
  };
  return builtinEach.call(this, context, { ...options, fn: Object.assign(counted, fn) });
});

/**
 * Compiled templates by source text: every unit of a batch renders the same few templates, and
 * compiling one (parse, code generation, a new Function) cost more than rendering it.
 */
const compiled = new Map<string, Handlebars.TemplateDelegate>();
const COMPILED_LIMIT = 64;
const OPTIONS = { strict: true, noEscape: true, preventIndent: true, knownHelpersOnly: false };

/** The key of a template's compiled form: its text, Handlebars' version and the options. */
const storeKey = (source: string) =>
  createHash('sha1')
    .update(`${Handlebars.VERSION}\0${JSON.stringify(OPTIONS)}\0${source}`)
    .digest('hex');

/** A precompiled spec made a template again (the same as compiling: Handlebars' compile() builds this spec in memory). */
const fromSpec = (spec: string): Handlebars.TemplateDelegate => env.template(new Function(`return ${spec}`)() as TemplateSpecification);
type TemplateSpecification = Parameters<typeof env.template>[0];

/** A spec from the store made a template, or undefined when the file is damaged (then compiled again). */
function fromStored(spec: string | undefined): Handlebars.TemplateDelegate | undefined {
  if (spec === undefined) return undefined;
  try {
    return fromSpec(spec);
  } catch {
    return undefined;
  }
}

/**
 * The compiled template for `source`: kept in memory, else in the store (checked when it was
 * kept), else checked for `../` climbing out of every block and compiled — into the store when
 * there is one. A path that climbs too far is the diagnostic returned instead.
 */
function compiledFor(source: string, file: string): Handlebars.TemplateDelegate | Diagnostic {
  const inMemory = compiled.get(source);
  if (inMemory) return inMemory;
  const store = compiledStore();
  const key = store && storeKey(source);
  let fn = fromStored(key && store.get(key));
  if (!fn) {
    const deep = pathTooDeep(source);
    if (deep) {
      const within = deep.levels === 0 ? '不在任何块（如 {{#each}}）之中' : `只在 ${deep.levels} 层块之中`;
      return error(
        'E_TEMPLATE',
        `模板路径“${deep.path}”向上 ${deep.depth} 层（../），但这里${within}`,
        { file, line: deep.line, column: deep.column },
        '去掉多余的“../”，或用 @root. 引用最外层的数据',
      );
    }
    if (key) {
      const spec = env.precompile(addLineMarkers(source), OPTIONS) as string;
      fn = fromSpec(spec);
      store.set(key, spec);
    } else fn = env.compile(addLineMarkers(source), OPTIONS);
  }
  if (compiled.size >= COMPILED_LIMIT) compiled.delete(compiled.keys().next().value!);
  compiled.set(source, fn);
  return fn;
}

export function renderTemplate(source: string, file: string, view: object): { result?: RenderedTemplate; diagnostics: Diagnostic[] } {
  try {
    const fn = compiledFor(source, file);
    if (typeof fn !== 'function') return { diagnostics: [fn] };
    steps = 0;
    const text = fn(view, {
      allowProtoPropertiesByDefault: false,
      allowProtoMethodsByDefault: false,
      allowCallsToHelperMissing: false,
    });
    return { result: stripLineMarkers(text), diagnostics: [] };
  } catch (e) {
    if (e instanceof LoopBudget) {
      return {
        diagnostics: [
          error('E_TEMPLATE', `模板循环次数过多（超过 ${MAX_LOOP_STEPS} 次），已停止`, { file, line: 1, column: 1 }, '检查嵌套的 {{#each}}：在循环中再次遍历整个列表（@root.…）会使次数成倍增长'),
        ],
      };
    }
    // Handlebars compiles on first use: a template that fails is not kept.
    compiled.delete(source);
    return { diagnostics: [templateError(e as HbError, file)] };
  }
}

function templateError(e: HbError, file: string): Diagnostic {
  let line = e.lineNumber;
  let column = e.column !== undefined ? e.column + 1 : 1;
  let msg = String(e.message ?? e);
  const parse = /Parse error on line (\d+)/.exec(msg);
  if (parse) {
    line = Number(parse[1]);
    column = 1;
    const got = /got '([^']+)'/.exec(msg)?.[1];
    const zh = got === 'EOF' ? '模板结尾处仍有未闭合的块（{{#…}} 缺少对应的 {{/…}}）' : `模板语法错误（意外的 ${got ?? '内容'}）`;
    return error('E_TEMPLATE', zh, { file, line, column });
  }
  msg = msg
    .replace(/[\uE000-\uE005]\d*[\uE000-\uE005]?/g, '')
    .split('\n')[0]!
    .replace(/ - \d+:\d+$/, '');
  const missing = /^"(.+)" not defined in/.exec(msg);
  const zh = missing
    ? `模板引用了数据中不存在的字段“${missing[1]}”`
    : /^Missing helper: "?([^"]+)"?/.test(msg)
      ? `模板使用了不存在的辅助函数：${msg.replace(/^Missing helper: /, '')}`
      : /partial .* could not be found/.test(msg)
        ? `模板不支持局部模板（partial）：${msg}`
        : `模板错误：${msg}`;
  return error('E_TEMPLATE', zh, { file, line: line ?? 1, column });
}
