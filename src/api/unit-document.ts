// One document of a unit from its template, with the unit's documents it binds as attachments
// (附件1 整改方案, 附件2 问题清单 of a 印发通知): used by render and by the preview alike.
import { error, hasErrors, warning, type Diagnostic } from '../diag/diagnostic.js';
import type { UnitData } from '../data/types.js';
import { lineText, type Annex, type AttachmentRef, type DocTree, type Line } from '../doc/tree.js';
import { findTemplate, type TemplateSource } from '../template/template-store.js';
import type { FieldRef } from '../template/view.js';
import type { World } from '../world/world.js';
import { buildDocument } from './build-document.js';
import { kindTexts } from '../template/kind-texts.js';
import { docTypes, type DocInstance } from './documents.js';

export interface UnitDocInput {
  world: World;
  data: UnitData;
  inst: DocInstance;
  view: Record<string, unknown>;
  fields: FieldRef[];
  extra: Record<string, unknown>;
  templatesDir?: string | undefined;
}

export interface UnitDoc {
  doc?: DocTree;
  diagnostics: Diagnostic[];
  /** Every template read (the document's and its attachments'), for code frames and sources. */
  templates: TemplateSource[];
}

function fromTemplate(input: UnitDocInput, inst: DocInstance, out: UnitDoc): DocTree | undefined {
  const template = findTemplate(input.world, inst.template, input.templatesDir);
  if (!template) {
    out.diagnostics.push(error('E_TEMPLATE', `找不到文档“${inst.id}”的模板（${inst.template}.md.hbs）`, inst.spec?.span));
    return undefined;
  }
  out.templates.push(template);
  out.diagnostics.push(...template.diagnostics);
  if (hasErrors(template.diagnostics)) return undefined;
  const base = { ...input.view, ...inst.extra(input.view), ...input.extra, doc_name: inst.name };
  const texts = kindTexts(input.data.kind, inst.spec, base, out.diagnostics);
  if (hasErrors(out.diagnostics)) return undefined;
  // 各文件文号: the document's own number, by its name or its kind entry's name.
  const numbers = ((input.view.unit as { doc_numbers?: Record<string, unknown> } | undefined)?.doc_numbers ?? {}) as Record<string, unknown>;
  const docNumber = numbers[inst.name] ?? (inst.spec ? numbers[inst.spec.name] : undefined) ?? null;
  const view = { ...base, ...texts, doc: { ...texts.doc, doc_number: docNumber } };
  const b = buildDocument({ id: inst.id, template, view, fields: input.fields });
  out.diagnostics.push(...b.diagnostics);
  if (b.doc?.meta.upward) out.diagnostics.push(...upwardGaps(b.doc, inst.name, input.data));
  return b.doc && !hasErrors(b.diagnostics) ? b.doc : undefined;
}

/** A 上行文 without 签发人 (so without 版头) or without its 发文字号: said, at the unit, with what to add. */
function upwardGaps(doc: DocTree, name: string, data: UnitData): Diagnostic[] {
  const at = data.spans.get('unit.signers') ?? data.spans.get('unit.issuer') ?? data.spans.get('unit');
  if (!doc.meta.signer) return [warning('W_UPWARD', `上行文“${name}”没有签发人：不排版头、发文字号和签发人`, at, '在单位信息中填写 签发人（signers）')];
  if (!doc.meta.docNumber) {
    const hint = data.unit.doc_number_prefix ? `在单位信息的 各文件文号 中写明“- 文件: ${name}”及其“序号”` : '在单位信息中填写 发文字号前缀（机关代字），并在 各文件文号 中写明本文件的序号';
    return [warning('W_UPWARD', `上行文“${name}”没有发文字号`, data.spans.get('unit.doc_numbers') ?? at, hint)];
  }
  return [];
}

/** An attached document keeps its title, subtitle, orientation and body; its 版头, 署名 and 版记 go (§7.3.7). */
function asAnnex(doc: DocTree): DocTree {
  const m = doc.meta;
  return {
    ...doc,
    meta: { attachments: [], orientation: m.orientation, pageNumbers: m.pageNumbers, ...(m.title ? { title: m.title } : {}), ...(m.subtitle ? { subtitle: m.subtitle } : {}) },
  };
}

const titleOf = (doc: DocTree, fallback: string): Line => {
  const t = lineText(doc.meta.title).replace(/\n/g, '');
  return [{ type: 'text', text: t || fallback, source: doc.meta.title?.[0]?.type === 'text' ? doc.meta.title[0].source : {} }];
};

/** More attachments than a 公文 ever carries. */
const MAX_ATTACHMENT_DOCS = 50;

export function buildUnitDocument(input: UnitDocInput): UnitDoc {
  const out: UnitDoc = { diagnostics: [], templates: [] };
  const doc = fromTemplate(input, input.inst, out);
  if (!doc) return out;
  const refs = doc.meta.attachmentDocs ?? [];
  if (!refs.length) return { ...out, doc };
  // Each is a whole document: a template looping over the data must not make a thousand of them.
  if (refs.length > MAX_ATTACHMENT_DOCS) {
    out.diagnostics.push(error('E_TEMPLATE', `附件文档过多（${refs.length} 份，最多 ${MAX_ATTACHMENT_DOCS} 份）`, refs[0]!.span));
    return out;
  }

  // Each named document, made for the same unit (every instance of one made per campaign).
  type Made = { doc: DocTree; name: string; binding: AttachmentRef['binding'] };
  const made = new Map<number, Made[]>();
  for (const ref of refs) {
    const types = docTypes(input.data.kind);
    const type = types.find((t) => t.id === ref.document || t.name === ref.document);
    if (!type || type.id === input.inst.id) {
      const known = types
        .filter((t) => t.id !== input.inst.id)
        .map((t) => `${t.id}（${t.name}）`)
        .join('、');
      out.diagnostics.push(error('E_TEMPLATE', `附件文档“${ref.document}”不是可作附件的文档`, ref.span, `可用：${known}`));
      continue;
    }
    const why = type.missing(input.data);
    if (why) {
      out.diagnostics.push(error('E_TEMPLATE', `附件“${type.name}”无法生成：${why}`, ref.span));
      continue;
    }
    const docs: Made[] = [];
    for (const inst of type.instances(input.data)) {
      const d = fromTemplate({ ...input, extra: { ...input.extra, documents: [] } }, inst, out);
      if (!d) continue;
      if (ref.binding !== 'listed' && d.meta.attachmentDocs?.length) out.diagnostics.push(error('E_TEMPLATE', `附件“${inst.name}”本身又带有附件文档：附件只能有一层`, ref.span));
      else docs.push({ doc: asAnnex(d), name: inst.name, binding: ref.binding });
    }
    made.set(ref.index, docs);
  }
  if (hasErrors(out.diagnostics)) return out;

  // 附件说明 and labels: a document made per campaign is one 附件说明 line each, numbered in order.
  const attachments: Line[] = [];
  const numbered: { line: Line; doc?: DocTree; name?: string; separate?: boolean }[] = [];
  doc.meta.attachments.forEach((line, i) => {
    const docs = made.get(i);
    if (!docs) return void numbered.push({ line });
    for (const d of docs)
      numbered.push({ line: line.length && docs.length === 1 ? line : titleOf(d.doc, d.name), ...(d.binding !== 'listed' ? { doc: d.doc, name: d.name, separate: d.binding === 'separate' } : {}) });
  });
  const many = numbered.length > 1;
  const annexes: Annex[] = [];
  numbered.forEach((n, i) => {
    attachments.push(n.line);
    if (n.doc) annexes.push({ label: many ? `附件${i + 1}` : '附件', doc: n.doc, name: n.name!, ...(n.separate ? { separate: true } : {}) });
  });
  return { ...out, doc: { ...doc, meta: { ...doc.meta, attachments }, annexes } };
}

/**
 * An attachment bound separately (§7.3.7), as a document of its own: line 1 flush left holds the
 * 发文字号 of the document it belongs to and “附件N”, its title on line 3, page numbers from 1.
 */
export function separateAnnex(parent: DocTree, annex: Annex): DocTree {
  return { ...annex.doc, meta: { ...annex.doc.meta, annexOf: { ...(parent.meta.docNumber ? { docNumber: parent.meta.docNumber } : {}), label: annex.label } } };
}
