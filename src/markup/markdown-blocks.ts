// mdast blocks → DocTree blocks: headings numbered by level (一、（一）1.（1）), paragraphs, lists as
// numbered paragraphs, GFM tables, ```chart bar charts, page breaks; what a 公文 cannot hold is a
// warning at its template line.
import type { Content, Heading, List, PhrasingContent, Table } from 'mdast';
import { warning, type Diagnostic, type Span } from '../diag/diagnostic.js';
import type { Block, CellAlign, Inline, Line } from '../doc/tree.js';
import type { FieldRef } from '../template/view.js';
import { formatNumber, HeadingCounter, writtenNumber } from './heading-numbers.js';
import { mergeRuns, textToInlines, type RunStyle } from './inline-text.js';

export interface BlockContext {
  fields: readonly FieldRef[];
  diagnostics: Diagnostic[];
  lineOf: (n: { position?: { start: { line: number } } }) => Span;
}

/** Inline content as runs; bold and italic carried down, links and strikethrough as plain text. */
function inlinesOf(ctx: BlockContext, nodes: PhrasingContent[], style: RunStyle = {}): Inline[] {
  const { fields, diagnostics, lineOf } = ctx;
  const out: Inline[] = [];
  for (const n of nodes) {
    switch (n.type) {
      case 'text':
      case 'inlineCode':
        out.push(...textToInlines(n.value, { span: lineOf(n) }, fields, style));
        break;
      case 'strong':
        out.push(...inlinesOf(ctx, n.children, { ...style, bold: true }));
        break;
      case 'emphasis':
        out.push(...inlinesOf(ctx, n.children, { ...style, italic: true }));
        break;
      case 'delete':
      case 'link':
        out.push(...inlinesOf(ctx, n.children as PhrasingContent[], style));
        break;
      case 'break':
        out.push({ type: 'break' });
        break;
      case 'html':
        if (/^<br\s*\/?>$/i.test(n.value.trim())) out.push({ type: 'break' });
        else diagnostics.push(warning('W_MARKUP', `模板中的 HTML“${n.value.slice(0, 30)}”不受支持，已忽略`, lineOf(n)));
        break;
      default:
        diagnostics.push(warning('W_MARKUP', `不支持的 Markdown 内容（${n.type}），已忽略`, lineOf(n)));
    }
  }
  return mergeRuns(out);
}

/** A heading numbered by its level, or by the number written in it (“三、” stays 三、). */
function headingBlock(ctx: BlockContext, n: Heading, counter: HeadingCounter): Block {
  const level = Math.min(4, Math.max(1, n.depth)) as 1 | 2 | 3 | 4;
  if (n.depth > 4) ctx.diagnostics.push(warning('W_MARKUP', `公文只有四级标题，第 ${n.depth} 级按第四级处理`, ctx.lineOf(n)));
  const inlines = inlinesOf(ctx, n.children);
  const first = inlines[0];
  const written = first?.type === 'text' ? writtenNumber(first.text) : undefined;
  let number: string;
  if (written && first?.type === 'text') {
    number = written.number;
    inlines[0] = { ...first, text: written.rest };
    if (written.rest === '') inlines.shift();
    counter.next(level);
  } else number = formatNumber(level, counter.next(level));
  return { type: 'heading', level, number, inlines, span: ctx.lineOf(n) };
}

/** A list's items as paragraphs starting with their marker (1. or ·), nested lists indented. */
function listBlocks(ctx: BlockContext, n: List, blocks: Block[], counter: HeadingCounter, depth: number): void {
  let k = n.start ?? 1;
  for (const item of n.children) {
    const marker = n.ordered ? `${k++}.` : '·';
    const paras = item.children.filter((c) => c.type === 'paragraph');
    paras.forEach((p, i) => {
      const inl = inlinesOf(ctx, p.children);
      if (i === 0) inl.unshift({ type: 'text', text: `${'　'.repeat(depth)}${marker}`, source: { span: ctx.lineOf(p) } });
      blocks.push({ type: 'paragraph', inlines: mergeRuns(inl), indent: 'first-line', span: ctx.lineOf(p) });
    });
    walk(ctx, item.children.filter((c) => c.type === 'list') as Content[], blocks, counter, depth + 1);
  }
}

function walk(ctx: BlockContext, nodes: Content[], blocks: Block[], counter: HeadingCounter, depth: number): void {
  const { fields, diagnostics, lineOf } = ctx;
  for (const n of nodes) {
    switch (n.type) {
      case 'heading':
        blocks.push(headingBlock(ctx, n, counter));
        break;
      case 'paragraph':
        blocks.push({ type: 'paragraph', inlines: inlinesOf(ctx, n.children), indent: 'first-line', span: lineOf(n) });
        break;
      case 'table':
        blocks.push(tableBlock(n, (c) => inlinesOf(ctx, c), lineOf(n)));
        break;
      case 'list':
        listBlocks(ctx, n, blocks, counter, depth);
        break;
      case 'thematicBreak':
        blocks.push({ type: 'pagebreak', span: lineOf(n) });
        break;
      case 'blockquote':
        walk(ctx, n.children, blocks, counter, depth);
        break;
      case 'code':
        if (n.lang === 'chart') blocks.push(chartBlock(n.value, lineOf(n), (t) => textToInlines(t, { span: lineOf(n) }, fields), diagnostics));
        else blocks.push({ type: 'paragraph', inlines: textToInlines(n.value, { span: lineOf(n) }, fields), indent: 'none', span: lineOf(n) });
        break;
      case 'html':
        if (!/^<!--[^]*-->$/.test(n.value.trim())) diagnostics.push(warning('W_MARKUP', `模板中的 HTML 不受支持，已忽略`, lineOf(n)));
        break;
      default:
        diagnostics.push(warning('W_MARKUP', `不支持的 Markdown 内容（${n.type}），已忽略`, lineOf(n)));
    }
  }
}

export function markdownBlocks(nodes: Content[], ctx: BlockContext): Block[] {
  const blocks: Block[] = [];
  walk(ctx, nodes, blocks, new HeadingCounter(), 0);
  return blocks;
}

function tableBlock(n: Table, inlinesOf: (c: PhrasingContent[]) => Inline[], span: Span): Block {
  const [head, ...rest] = n.children;
  const width = head?.children.length ?? 0;
  const cells = (row: Table['children'][number]): Line[] => {
    const out = row.children.map((c) => inlinesOf(c.children));
    while (out.length < width) out.push([]);
    return out.slice(0, width);
  };
  const rows = rest.map(cells);
  // `^^` alone in a body cell (template text, not data): merged into the cell above.
  const isMark = (l: Line) => l.length === 1 && l[0]!.type === 'text' && !l[0]!.source.field && l[0]!.text.trim() === '^^';
  const merged = rows.map((r, i) => r.map((c) => i > 0 && isMark(c)));
  const any = merged.some((r) => r.some(Boolean));
  // `>>` opening a body cell (template text): the cell set flush right (a 盖章 and date at its lower right).
  const right = rows.map((r) => r.map(isRight));
  const anyRight = right.some((r) => r.some(Boolean));
  const body = rows.map((r, i) => r.map((c, j) => (merged[i]![j] ? [] : right[i]![j] ? dropRightMark(c) : c)));
  return {
    type: 'table',
    header: head ? cells(head) : [],
    rows: body,
    align: (n.align ?? []).map((a) => (a ?? null) as CellAlign),
    ...(any ? { merged } : {}),
    ...(anyRight ? { cellAlign: right.map((r) => r.map((x) => (x ? ('right' as const) : null))) } : {}),
    span,
  };
}

const RIGHT_MARK = /^>>\s*/;
const isRight = (l: Line) => l[0]?.type === 'text' && !l[0].source.field && RIGHT_MARK.test(l[0].text);
function dropRightMark(l: Line): Line {
  const [first, ...rest] = l;
  if (first?.type !== 'text') return l;
  const text = first.text.replace(RIGHT_MARK, '');
  return text ? [{ ...first, text }, ...rest] : rest;
}

/**
 * A bar chart from its lines, “label | value” (value a percentage: 44.4 or 44.4%); a line that is no
 * bar is a warning at the chart, and values are held to 0–100.
 */
function chartBlock(text: string, span: Span, inlines: (t: string) => Line, diagnostics: Diagnostic[]): Block {
  const bars: { label: Line; value: number; text: string }[] = [];
  for (const raw of text.split('\n')) {
    if (!raw.trim()) continue;
    const at = raw.lastIndexOf('|');
    const value =
      at < 0
        ? NaN
        : Number(
            raw
              .slice(at + 1)
              .replace(/[%％\s]/g, '')
              .replace(/[\uE000-\uE005]\d*/g, ''),
          );
    if (at < 0 || !Number.isFinite(value)) {
      diagnostics.push(warning('W_MARKUP', `图表中的一行应写作“名称 | 百分数”，这里是“${raw.replace(/[\uE000-\uE005]\d*/g, '').trim()}”`, span));
      continue;
    }
    const v = Math.max(0, Math.min(100, value));
    bars.push({
      label: inlines(raw.slice(0, at).trim()),
      value: v,
      text: `${raw
        .slice(at + 1)
        .replace(/[\uE000-\uE005]\d*/g, '')
        .trim()
        .replace(/[%％]$/, '')}%`,
    });
  }
  return { type: 'chart', bars, span };
}
