// Semantic tags (GB/T 33190 §18 自定义标引): which page objects are the 公文's 发文机关标志,
// 发文字号, 标题, 主送机关, 正文, 署名, 成文日期, 版记 …, in gongwen's own namespace, so a 电子公文
// system can find the title and number without OCR. Every element lists its objects as
// <gw:ObjectRef PageRef="page ID">object ID</gw:ObjectRef>; the short ones also carry their text.
import { ELEMENTS, type DocElement } from '../../compose/plan.js';
import { esc } from '../xml-escape.js';
import { XML_DECL, root } from './ofd-xml.js';

export const TAG_NS = 'urn:gongwen:ofd:tags:1';
export const TAG_FILE = 'GongwenTags.xml';

/** Element names in the tag file, in the order GB/T 9704 §7 places the elements (compose/plan.ts). */
export const TAG_NAMES = Object.fromEntries(Object.entries(ELEMENTS).map(([e, x]) => [e, x.tag])) as Record<DocElement, string>;

/** Elements whose text the tag file repeats as `Value` (a line or two, not the body). */
const WITH_VALUE = new Set((Object.keys(ELEMENTS) as DocElement[]).filter((e) => ELEMENTS[e].value));

export interface TagRef {
  element: DocElement;
  page: number;
  object: number;
  text?: string;
}

/** One document's tags (the packet has one per part). */
export interface TaggedDocument {
  name: string;
  refs: TagRef[];
}

/** The joined text of each element that carries a value (DocInfo's CustomDatas repeats them). */
export function elementValues(refs: readonly TagRef[]): Partial<Record<DocElement, string>> {
  const out: Partial<Record<DocElement, string>> = {};
  for (const r of refs) if (WITH_VALUE.has(r.element) && r.text) out[r.element] = (out[r.element] ?? '') + r.text;
  return out;
}

export function tagFileXml(docs: readonly TaggedDocument[]): string {
  const parts = docs.map((d) => {
    const byElement = new Map<DocElement, TagRef[]>();
    for (const r of d.refs) (byElement.get(r.element) ?? byElement.set(r.element, []).get(r.element)!).push(r);
    const values = elementValues(d.refs);
    const elements = (Object.keys(TAG_NAMES) as DocElement[])
      .filter((e) => byElement.has(e))
      .map((e) => {
        const name = `gw:${TAG_NAMES[e]}`;
        const value = values[e] !== undefined ? ` Value="${esc(values[e]!)}"` : '';
        const refs = byElement
          .get(e)!
          .map((r) => `<gw:ObjectRef PageRef="${r.page}">${r.object}</gw:ObjectRef>`)
          .join('');
        return `<${name}${value}>${refs}</${name}>`;
      });
    return `<gw:Document Name="${esc(d.name)}">${elements.join('\n')}</gw:Document>`;
  });
  return `${XML_DECL}<gw:Gongwen xmlns:gw="${TAG_NS}">\n${parts.join('\n')}\n</gw:Gongwen>\n`;
}

export function customTagsXml(): string {
  return `${XML_DECL}${root('CustomTags')}<ofd:CustomTag NameSpace="${TAG_NS}"><ofd:FileLoc>${TAG_FILE}</ofd:FileLoc></ofd:CustomTag></ofd:CustomTags>\n`;
}
