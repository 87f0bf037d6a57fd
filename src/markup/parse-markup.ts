// Rendered Markdown + front matter → DocTree. CommonMark + GFM via mdast; data texts stay literal.
import type { Content, PhrasingContent, Root, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { warning, error, type Diagnostic, type Span } from '../diag/diagnostic.js';
import type { Block, DocMeta, DocTree, Inline, Line, CellAlign } from '../doc/tree.js';
import { replaceFields } from '../template/markers.js';
import type { RenderedTemplate } from '../template/render-template.js';
import type { FieldRef } from '../template/view.js';
import { parseFrontMatter } from './front-matter.js';
import { formatNumber, HeadingCounter, writtenNumber } from './heading-numbers.js';
import { mergeRuns, textToInlines, type RunStyle } from './inline-text.js';

/** Backslash-escapes every ASCII punctuation mark so data text is never Markdown syntax. */
/**
 * GFM tables and strikethrough only: autolink literals would turn a URL in the data into a link
 * (and split it from its field marker); footnotes and task lists have no place in a 公文. The
 * extensions are plain, stateless objects: made once, not for every document.
 */
const MARKDOWN = { extensions: [gfmTable(), gfmStrikethrough()], mdastExtensions: [gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown()] };

export function escapeMarkdown(s: string): string {
  return s.replace(/[!-/:-@[-`{-~]/g, (c) => '\\' + c);
}

export interface MarkupInput {
  id: string;
  template: string;
  rendered: RenderedTemplate;
  fields: readonly FieldRef[];
}

export function parseMarkup(input: MarkupInput): { doc: DocTree; diagnostics: Diagnostic[] } {
  const { rendered, template, fields } = input;
  const diagnostics: Diagnostic[] = [];
  const spanAt = (renderedLine: number): Span => ({ file: template, line: rendered.lineMap[renderedLine - 1] ?? 1, column: 1 });

  const lines = rendered.text.split('\n');
  let bodyStart = 0;
  let meta: DocMeta = { attachments: [], orientation: 'portrait', pageNumbers: true };
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((l, i) => i > 0 && (l.trim() === '---' || l.trim() === '...'));
    if (end < 0) {
      diagnostics.push(error('E_TEMPLATE', '前置元数据（front matter）没有结束的“---”', spanAt(1)));
    } else {
      const fm = parseFrontMatter(lines.slice(1, end), 2, spanAt, fields);
      meta = fm.meta;
      diagnostics.push(...fm.diagnostics);
      bodyStart = end + 1;
    }
  }

  const bodyText = replaceFields(lines.slice(bodyStart).join('\n'), (id, text) => `\uE002${id}\uE003${escapeMarkdown(text)}\uE004`);
  let root: Root;
  try {
    root = fromMarkdown(bodyText, MARKDOWN);
  } catch (e) {
    diagnostics.push(error('E_TEMPLATE', `Markdown 无法解析：${(e as Error).message}`, spanAt(bodyStart + 1)));
    root = { type: 'root', children: [] };
  }
  const lineOf = (n: { position?: { start: { line: number } } }) => spanAt(bodyStart + (n.position?.start.line ?? 1));

  const blocks: Block[] = [];
  const counter = new HeadingCounter();
  const inlinesOf = (nodes: PhrasingContent[], style: RunStyle = {}): Inline[] => {
    const out: Inline[] = [];
    for (const n of nodes) {
      switch (n.type) {
        case 'text':
          out.push(...textToInlines(n.value, { span: lineOf(n) }, fields, style));
          break;
        case 'strong':
          out.push(...inlinesOf(n.children, { ...style, bold: true }));
          break;
        case 'emphasis':
          out.push(...inlinesOf(n.children, { ...style, italic: true }));
          break;
        case 'delete':
        case 'link':
          out.push(...inlinesOf(n.children as PhrasingContent[], style));
          break;
        case 'inlineCode':
          out.push(...textToInlines(n.value, { span: lineOf(n) }, fields, style));
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
  };

  const walk = (nodes: Content[], listDepth = 0) => {
    for (const n of nodes) {
      switch (n.type) {
        case 'heading': {
          const level = Math.min(4, Math.max(1, n.depth)) as 1 | 2 | 3 | 4;
          if (n.depth > 4) diagnostics.push(warning('W_MARKUP', `公文只有四级标题，第 ${n.depth} 级按第四级处理`, lineOf(n)));
          const inlines = inlinesOf(n.children);
          const first = inlines[0];
          const written = first?.type === 'text' ? writtenNumber(first.text) : undefined;
          let number: string;
          if (written && first?.type === 'text') {
            number = written.number;
            inlines[0] = { ...first, text: written.rest };
            if (written.rest === '') inlines.shift();
            counter.next(level);
          } else number = formatNumber(level, counter.next(level));
          blocks.push({ type: 'heading', level, number, inlines, span: lineOf(n) });
          break;
        }
        case 'paragraph':
          blocks.push({ type: 'paragraph', inlines: inlinesOf(n.children), indent: 'first-line', span: lineOf(n) });
          break;
        case 'table':
          blocks.push(tableBlock(n, inlinesOf, lineOf(n)));
          break;
        case 'list': {
          let k = n.start ?? 1;
          for (const item of n.children) {
            const marker = n.ordered ? `${k++}.` : '·';
            const paras = item.children.filter((c) => c.type === 'paragraph');
            paras.forEach((p, i) => {
              const inl = inlinesOf(p.children);
              if (i === 0) inl.unshift({ type: 'text', text: `${'　'.repeat(listDepth)}${marker}`, source: { span: lineOf(p) } });
              blocks.push({ type: 'paragraph', inlines: mergeRuns(inl), indent: 'first-line', span: lineOf(p) });
            });
            walk(item.children.filter((c) => c.type === 'list') as Content[], listDepth + 1);
          }
          break;
        }
        case 'thematicBreak':
          blocks.push({ type: 'pagebreak', span: lineOf(n) });
          break;
        case 'blockquote':
          walk(n.children, listDepth);
          break;
        case 'code':
          if (n.lang === 'chart') {
            blocks.push(chartBlock(n.value, lineOf(n), (t) => textToInlines(t, { span: lineOf(n) }, fields), diagnostics));
            break;
          }
          blocks.push({ type: 'paragraph', inlines: textToInlines(n.value, { span: lineOf(n) }, fields), indent: 'none', span: lineOf(n) });
          break;
        case 'html':
          if (/^<!--[^]*-->$/.test(n.value.trim())) break;
          diagnostics.push(warning('W_MARKUP', `模板中的 HTML 不受支持，已忽略`, lineOf(n)));
          break;
        default:
          diagnostics.push(warning('W_MARKUP', `不支持的 Markdown 内容（${n.type}），已忽略`, lineOf(n)));
      }
    }
  };
  walk(root.children);

  return { doc: { type: 'document', id: input.id, meta, blocks, template }, diagnostics };
}

function tableBlock(n: Table, inlinesOf: (c: PhrasingContent[]) => Inline[], span: Span): Block {
  const [head, ...rest] = n.children;
  const width = head?.children.length ?? 0;
  const cells = (row: Table['children'][number]): Line[] => {
    const out = row.children.map((c) => inlinesOf(c.children));
    while (out.length < width) out.push([]);
    return out.slice(0, width);
  };
  return {
    type: 'table',
    header: head ? cells(head) : [],
    rows: rest.map(cells),
    align: (n.align ?? []).map((a) => (a ?? null) as CellAlign),
    span,
  };
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
    const value = at < 0 ? NaN : Number(raw.slice(at + 1).replace(/[%％\s]/g, '').replace(/[\uE000-\uE005]\d*/g, ''));
    if (at < 0 || !Number.isFinite(value)) {
      diagnostics.push(warning('W_MARKUP', `图表中的一行应写作“名称 | 百分数”，这里是“${raw.replace(/[\uE000-\uE005]\d*/g, '').trim()}”`, span));
      continue;
    }
    const v = Math.max(0, Math.min(100, value));
    bars.push({ label: inlines(raw.slice(0, at).trim()), value: v, text: `${raw.slice(at + 1).replace(/[\uE000-\uE005]\d*/g, '').trim().replace(/[%％]$/, '')}%` });
  }
  return { type: 'chart', bars, span };
}
