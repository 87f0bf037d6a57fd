// Rendered Markdown + front matter → DocTree. CommonMark + GFM via mdast; data texts stay literal.
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { error, type Diagnostic, type Span } from '../diag/diagnostic.js';
import type { DocMeta, DocTree } from '../doc/tree.js';
import { replaceFields } from '../template/markers.js';
import type { RenderedTemplate } from '../template/render-template.js';
import type { FieldRef } from '../template/view.js';
import { parseFrontMatter } from './front-matter.js';
import { markdownBlocks } from './markdown-blocks.js';

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

  const blocks = markdownBlocks(root.children, { fields, diagnostics, lineOf });

  return { doc: { type: 'document', id: input.id, meta, blocks, template }, diagnostics };
}
