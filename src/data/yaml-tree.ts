// YAML text → a small value tree where every node keeps its span; aliases resolved with a budget.
import { Alias, LineCounter, isMap, isScalar, isSeq, parseDocument, type Node as YNode, type Document } from 'yaml';
import { error, type Diagnostic, type Span } from '../diag/diagnostic.js';

export type YValue =
  | { kind: 'scalar'; value: string | number | boolean | null; text: string; span: Span }
  | { kind: 'map'; entries: { key: string; keySpan: Span; value: YValue }[]; span: Span }
  | { kind: 'seq'; items: YValue[]; span: Span };

/** Nodes produced through aliases before we call it an alias bomb. */
const ALIAS_NODE_BUDGET = 10_000;
/** Nesting deeper than any gongwen data could need. */
const MAX_DEPTH = 64;

export interface YamlParseResult {
  value?: YValue;
  diagnostics: Diagnostic[];
}

export function parseYaml(text: string, file: string): YamlParseResult {
  const lc = new LineCounter();
  const spanOf = (start: number, end?: number): Span => {
    const a = lc.linePos(start);
    const s: Span = { file, line: a.line, column: a.col };
    if (end !== undefined && end > start) {
      const b = lc.linePos(end);
      s.endLine = b.line;
      s.endColumn = b.col;
    }
    return s;
  };
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: true, strict: false });
  } catch (e) {
    // The parser itself recursing too deep (thousands of nested brackets) is the only known throw.
    return { diagnostics: [error('E_YAML_SYNTAX', `YAML 无法解析：${(e as Error).message}`, { file, line: 1, column: 1 })] };
  }
  const diagnostics: Diagnostic[] = [];
  for (const e of doc.errors) {
    const pos = e.linePos?.[0];
    const msg = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    diagnostics.push(error('E_YAML_SYNTAX', `YAML 语法错误：${yamlErrorZh(e.code)}（${msg}）`, { file, line: pos?.line ?? 1, column: pos?.col ?? 1 }));
  }
  if (diagnostics.length) return { diagnostics };

  const conv = new Converter(doc, spanOf, diagnostics);
  const value = conv.convert(doc.contents as YNode | null, 0, undefined, 0);
  if (conv.bombReported) return { diagnostics };
  return value ? { value, diagnostics } : { diagnostics };
}

/**
 * yaml's nodes → YValue with spans, bounded: nesting depth, and the nodes aliases expand to (a
 * “billion laughs” is reported where it is used). Anchors as met in document order: an alias
 * names the latest one before it (yaml's own Alias.resolve walks the whole document per alias).
 */
class Converter {
  private aliasNodes = 0;
  bombReported = false;
  private readonly anchors = new Map<string, YNode>();
  constructor(
    private readonly doc: Document.Parsed,
    private readonly spanOf: (start: number, end?: number) => Span,
    private readonly diagnostics: Diagnostic[],
  ) {}

  /** `aliasAt` is the offset of the outermost alias being expanded. */
  convert(node: YNode | null | undefined, depth: number, aliasAt: number | undefined, fallback: number): YValue | undefined {
    const { spanOf, diagnostics } = this;
    const viaAlias = aliasAt !== undefined;
    if (depth > MAX_DEPTH) {
      diagnostics.push(error('E_YAML_DEPTH', `YAML 嵌套超过 ${MAX_DEPTH} 层`, spanOf(node?.range?.[0] ?? fallback)));
      return undefined;
    }
    if (viaAlias && ++this.aliasNodes > ALIAS_NODE_BUDGET) {
      if (!this.bombReported) {
        this.bombReported = true;
        diagnostics.push(error('E_YAML_ALIAS', `YAML 别名展开过多（超过 ${ALIAS_NODE_BUDGET} 个节点），疑似“别名炸弹”，已拒绝`, spanOf(aliasAt ?? fallback)));
      }
      return undefined;
    }
    if (node == null) return { kind: 'scalar', value: null, text: '', span: spanOf(fallback) };
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor && !viaAlias) this.anchors.set(anchor, node);
    if (node instanceof Alias) return this.alias(node, depth, aliasAt, fallback);
    const [start, end] = node.range ?? [fallback, fallback];
    if (isScalar(node)) {
      const v = node.value;
      const value = v === null || v === undefined ? null : typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
      const raw = typeof node.source === 'string' ? node.source : value === null ? '' : String(value);
      return { kind: 'scalar', value, text: raw, span: spanOf(start, end) };
    }
    if (isMap(node)) return { kind: 'map', entries: this.entries(node.items, depth, aliasAt, start), span: spanOf(start, end) };
    if (isSeq(node)) {
      const items: YValue[] = [];
      for (const it of node.items) {
        const v = this.convert(it as YNode | null, depth + 1, aliasAt, start);
        if (v) items.push(v);
      }
      return { kind: 'seq', items, span: spanOf(start, end) };
    }
    return undefined;
  }

  private alias(node: Alias, depth: number, aliasAt: number | undefined, fallback: number): YValue | undefined {
    const at = node.range?.[0] ?? fallback;
    const target = this.anchors.get(node.source) ?? (node.resolve(this.doc) as YNode | undefined);
    if (!target) {
      this.diagnostics.push(error('E_YAML_SYNTAX', `YAML 别名 *${node.source} 没有对应的锚点`, this.spanOf(at)));
      return undefined;
    }
    const v = this.convert(target, depth + 1, aliasAt ?? at, at);
    // An alias stands where it is written: point diagnostics at the alias, not the anchor.
    return v ? { ...v, span: this.spanOf(at, node.range?.[1]) } : undefined;
  }

  private entries(items: readonly { key: unknown; value: unknown }[], depth: number, aliasAt: number | undefined, start: number): { key: string; keySpan: Span; value: YValue }[] {
    const entries: { key: string; keySpan: Span; value: YValue }[] = [];
    for (const pair of items) {
      const k = pair.key as YNode | null;
      const keySpan = this.spanOf(k?.range?.[0] ?? start);
      if (!isScalar(k)) {
        this.diagnostics.push(error('E_YAML_KEY', '键必须是简单文字', keySpan));
        continue;
      }
      const value = this.convert(pair.value as YNode | null, depth + 1, aliasAt, k?.range?.[1] ?? start);
      if (value) entries.push({ key: String(k.value ?? ''), keySpan, value });
    }
    return entries;
  }
}

function yamlErrorZh(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return '重复的键';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return '缩进或括号不匹配';
    case 'BLOCK_AS_IMPLICIT_KEY':
      return '同一行里不能嵌套键值（冒号后面要换行或加引号）';
    case 'MULTIPLE_DOCS':
      return '一个文件只能有一个 YAML 文档';
    case 'UNEXPECTED_TOKEN':
      return '意外的字符';
    case 'MISSING_ANCHOR':
      return '别名没有对应的锚点';
    default:
      return code;
  }
}
