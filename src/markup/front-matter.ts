// The template's front matter (YAML) → the 公文 elements of DocMeta, keys in English or Chinese.
import { parseDocument } from 'yaml';
import { error, warning, type Diagnostic, type Span } from '../diag/diagnostic.js';
import { nearest } from '../diag/nearest.js';
import { META_LINES, type MetaLineKey } from '../doc/meta-lines.js';
import type { DocMeta, Line } from '../doc/tree.js';
import { FIELD_CLOSE, FIELD_OPEN, replaceFields } from '../template/markers.js';
import type { FieldRef } from '../template/view.js';
import { textToInlines } from './inline-text.js';

/** Front-matter key → the DocMeta line it sets, with its Chinese names (doc/meta-lines.ts). */
const LINE_KEYS: Record<string, { key: MetaLineKey; aliases: readonly string[] }> = Object.fromEntries(META_LINES.map((l) => [l.key, { key: l.meta, aliases: l.aliases }]));
const OTHER_KEYS: Record<string, string[]> = {
  attachments: ['附件', '附件说明'],
  orientation: ['页面方向', '方向'],
  format: ['格式', '版式'],
  sealed: ['印章', '加盖印章', 'seal'],
  page_numbers: ['页码'],
  direction: ['行文方向'],
  one_page: ['一页', '单页'],
  author: ['作者'],
  subject: ['主题'],
};

function canonicalKey(k: string): string | undefined {
  for (const [key, v] of Object.entries(LINE_KEYS)) if (key === k || v.aliases.includes(k)) return key;
  for (const [key, aliases] of Object.entries(OTHER_KEYS)) if (key === k || aliases.includes(k)) return key;
  return undefined;
}

const PLACEHOLDER_RE = /\uE002(\d+)\uE004/g;

export function parseFrontMatter(lines: string[], firstRenderedLine: number, spanAt: (renderedLine: number) => Span, fields: readonly FieldRef[]): { meta: DocMeta; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const meta: DocMeta = { attachments: [], orientation: 'portrait', pageNumbers: true };
  // Data texts are swapped for short placeholders so YAML never sees their colons or quotes.
  const texts = new Map<number, string>();
  const src = replaceFields(lines.join('\n'), (id, text) => {
    texts.set(id, text);
    return `${FIELD_OPEN}${id}${FIELD_CLOSE}`;
  });
  const doc = parseDocument(src, { prettyErrors: true });
  for (const e of doc.errors) {
    diagnostics.push(error('E_TEMPLATE', `前置元数据 YAML 错误：${e.message.split('\n')[0]}`, spanAt(firstRenderedLine + (e.linePos?.[0]?.line ?? 1) - 1)));
  }
  if (doc.errors.length) return { meta, diagnostics };
  const value: unknown = doc.toJS({ maxAliasCount: 10 });
  if (value == null) return { meta, diagnostics };
  if (typeof value !== 'object' || Array.isArray(value)) {
    diagnostics.push(error('E_TEMPLATE', '前置元数据应为“键: 值”', spanAt(firstRenderedLine)));
    return { meta, diagnostics };
  }
  const lineOfKey = (k: string): number => {
    const i = lines.findIndex((l) => l.startsWith(k + ':') || l.startsWith(`"${k}":`));
    return firstRenderedLine + Math.max(0, i);
  };
  const toLine = (v: unknown, k: string): Line => {
    const s = v == null ? '' : String(v);
    const restored = s.replace(PLACEHOLDER_RE, (_m, id: string) => `\uE002${id}\uE003${texts.get(Number(id)) ?? ''}\uE004`);
    return textToInlines(restored, { span: spanAt(lineOfKey(k)) }, fields);
  };
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const key = canonicalKey(k);
    if (!key) {
      const near = nearest(k, [...Object.keys(LINE_KEYS), ...Object.keys(OTHER_KEYS)]);
      diagnostics.push(warning('W_FRONT_MATTER', `未知的前置元数据“${k}”，已忽略`, spanAt(lineOfKey(k)), near ? `是否想写“${near}”？` : undefined));
      continue;
    }
    if (v == null || v === '') continue;
    const lk = LINE_KEYS[key];
    if (lk) {
      const line = toLine(v, k);
      if (line.length) meta[lk.key] = line;
    } else if (key === 'attachments') {
      addAttachments(meta, v, (x) => toLine(x, k), spanAt(lineOfKey(k)), texts, diagnostics);
    } else if (key === 'orientation') {
      const o = String(v).trim();
      if (['landscape', '横向'].includes(o)) meta.orientation = 'landscape';
      else if (!['portrait', '纵向'].includes(o)) diagnostics.push(warning('W_FRONT_MATTER', `页面方向“${o}”应为 portrait（纵向）或 landscape（横向）`, spanAt(lineOfKey(k))));
    } else if (key === 'format') {
      const f = String(v).trim();
      if (['letter', '信函', '信函格式', '函'].includes(f)) meta.format = 'letter';
      else if (!['document', '文件', '文件格式'].includes(f)) diagnostics.push(warning('W_FRONT_MATTER', `格式“${f}”应为 letter（信函格式）或 document（文件格式）`, spanAt(lineOfKey(k))));
    } else if (key === 'sealed') {
      meta.sealed = v === true || ['true', '是', '加盖', '有'].includes(String(v).trim());
    } else if (key === 'page_numbers') {
      meta.pageNumbers = !(v === false || ['false', '否', '无'].includes(String(v)));
    } else if (key === 'one_page') {
      meta.onePage = v === true || ['true', '是'].includes(String(v).trim());
    } else if (key === 'direction') {
      const d = String(v).trim();
      if (['up', 'upward', '上行文', '上行'].includes(d)) meta.upward = true;
      else if (!['down', 'level', '下行文', '平行文', '下行', '平行'].includes(d)) diagnostics.push(warning('W_FRONT_MATTER', `行文方向“${d}”应为 上行文、平行文 或 下行文`, spanAt(lineOfKey(k))));
    } else if (key === 'author') meta.author = plain(String(v), texts);
    else if (key === 'subject') meta.subject = plain(String(v), texts);
  }
  return { meta, diagnostics };
}

const DOCUMENT_KEYS = ['document', '文档', '文件'];
const TITLE_KEYS = ['title', '标题', '名称'];
const BIND_KEYS = ['bind', '装订', '随文'];
const SEPARATE_KEYS = ['separate', '单独装订'];
const pick = (o: Record<string, unknown>, keys: string[]): unknown => keys.map((k) => o[k]).find((x) => x != null);

function plain(s: string, texts: Map<number, string>): string {
  return s.replace(PLACEHOLDER_RE, (_m, id: string) => texts.get(Number(id)) ?? '');
}

/** A name (附件说明 only) or { document: 整改方案, title: … }: a document of the unit bound after the text. */
function addAttachments(meta: DocMeta, v: unknown, toLine: (x: unknown) => Line, span: Span, texts: Map<number, string>, diagnostics: Diagnostic[]): void {
  const list = Array.isArray(v) ? v : [v];
  for (const x of list) {
    if (!x || typeof x !== 'object' || Array.isArray(x)) {
      const line = toLine(x);
      if (line.length) meta.attachments.push(line);
      continue;
    }
    const o = x as Record<string, unknown>;
    const document = pick(o, DOCUMENT_KEYS);
    if (document == null || document === '') {
      diagnostics.push(error('E_TEMPLATE', `附件应为名称，或 { document: 文档, title: 标题 }`, span));
      continue;
    }
    const title = pick(o, TITLE_KEYS);
    const bind = pick(o, BIND_KEYS);
    const apart = pick(o, SEPARATE_KEYS);
    const yes = (x: unknown) => x === true || ['true', '是'].includes(String(x).trim());
    const binding =
      yes(apart) || ['separate', '单独', '单独装订'].includes(String(bind).trim()) ? 'separate' : bind === false || ['false', '否', '不装订'].includes(String(bind).trim()) ? 'listed' : 'bound';
    (meta.attachmentDocs ??= []).push({ index: meta.attachments.length, document: plain(String(document), texts).trim(), binding, span });
    meta.attachments.push(title == null ? [] : toLine(title));
  }
}
