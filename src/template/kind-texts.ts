// The wording and document titles of a kind file, rendered with the unit's view as Handlebars
// texts; a mistake in one is an error at its line in the kind file, not in the template using it.
import { error, type Diagnostic } from '../diag/diagnostic.js';
import type { KindDoc, KindText, Kind } from '../kinds/kind.js';
import { renderTemplate } from './render-template.js';

function renderText(t: KindText, view: object, diagnostics: Diagnostic[]): string | undefined {
  const r = renderTemplate(t.text, t.span.file, view);
  for (const d of r.diagnostics) {
    // The text's own line and column, moved to where it stands in the kind file.
    const line = d.span?.line ?? 1;
    const column = line === 1 ? t.span.column + (d.span?.column ?? 1) - 1 : (d.span?.column ?? 1);
    diagnostics.push(error('E_KIND', `整改类型用语：${d.message}`, { file: t.span.file, line: t.span.line + line - 1, column }, d.hint));
  }
  return r.result?.text.trim();
}

/** `kind.wording.*` (the kind's wording with the document's own over it) and `doc.title` for one document. */
export function kindTexts(kind: Kind, spec: KindDoc | undefined, view: Record<string, unknown>, diagnostics: Diagnostic[]): { kind: Record<string, unknown>; doc: Record<string, unknown> } {
  // In file order, the kind's then the document's: a text may use the wording above it.
  const wording: Record<string, string> = {};
  const withWording = { ...view, kind: { ...(view.kind as object), wording } };
  for (const [k, t] of Object.entries({ ...kind.wording, ...(spec?.wording ?? {}) })) wording[k] = renderText(t, withWording, diagnostics) ?? '';
  const title = spec?.title ? renderText(spec.title, withWording, diagnostics) : undefined;
  return { kind: withWording.kind, doc: { id: spec?.id ?? null, name: spec?.name ?? null, title: title ?? null } };
}
