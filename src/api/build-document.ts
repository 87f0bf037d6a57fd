// One document of one unit: view → template → markup → DocTree. Pure given the template text.
import type { Diagnostic } from '../diag/diagnostic.js';
import type { DocTree } from '../doc/tree.js';
import { parseMarkup } from '../markup/parse-markup.js';
import { renderTemplate } from '../template/render-template.js';
import type { TemplateSource } from '../template/template-store.js';
import type { FieldRef } from '../template/view.js';

export interface BuildInput {
  id: string;
  template: TemplateSource;
  view: Record<string, unknown>;
  fields: FieldRef[];
}

export function buildDocument(input: BuildInput): { doc?: DocTree; diagnostics: Diagnostic[] } {
  const r = renderTemplate(input.template.text, input.template.file, input.view);
  if (!r.result) return { diagnostics: r.diagnostics };
  const m = parseMarkup({ id: input.id, template: input.template.file, rendered: r.result, fields: input.fields });
  return { doc: m.doc, diagnostics: [...r.diagnostics, ...m.diagnostics] };
}
