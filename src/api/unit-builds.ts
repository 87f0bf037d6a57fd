// A unit's documents from its data: which are asked for (and which the 备案表 needs), each built from
// its template and laid out once for every paged format, and its separately bound attachments.
import { hasErrors, warning, type Diagnostic } from '../diag/diagnostic.js';
import type { UnitData } from '../data/types.js';
import type { DocTree } from '../doc/tree.js';
import type { FontBook } from '../fonts/font-book.js';
import { fitOnePage } from '../layout/fit-page.js';
import { layoutDocument } from '../layout/layout-document.js';
import type { PagedLayout } from '../layout/types.js';
import { PACKET } from '../packet/packet-plan.js';
import { writerFor, type Format } from '../backends/writers.js';
import type { World } from '../world/world.js';
import { docTypes, packetDocs, type DocInstance } from './documents.js';
import { buildUnitDocument, separateAnnex, type UnitDocInput } from './unit-document.js';
import type { DateValue } from '../data/dates.js';

export interface Built {
  inst: DocInstance;
  id: string;
  name: string;
  doc: DocTree;
  sources: string[];
  layout?: PagedLayout;
}

export interface BuildContext {
  world: World;
  data: UnitData;
  view: UnitDocInput['view'];
  fields: UnitDocInput['fields'];
  formats: readonly Format[];
  templatesDir?: string | undefined;
  fonts: () => FontBook;
  diagnostics: Diagnostic[];
  texts: Map<string, string>;
}

/** Whether the user asked for document `id` (`--only`); the packet asks for its 备案表. */
export const wantedBy = (only: readonly string[] | undefined) => (id: string) => !only || only.includes(id) || (id === 'filing-form' && only.includes(PACKET.id));

/**
 * Every document asked for; when the 备案表 or the packet is, the packet's documents too, so the
 * 备案表 can list them with their page counts. Documents the data cannot make are `skipped`.
 */
export function unitInstances(data: UnitData, only: readonly string[] | undefined, asOf: DateValue | undefined): { instances: DocInstance[]; skipped: { id: string; name: string; reason: string }[] } {
  const wanted = wantedBy(only);
  const inPacket = packetDocs(data);
  const instances: DocInstance[] = [];
  const skipped: { id: string; name: string; reason: string }[] = [];
  for (const t of docTypes(data.kind)) {
    const why = t.missing(data);
    if (why) {
      if (wanted(t.id)) skipped.push({ id: t.id, name: t.name, reason: why });
      continue;
    }
    if (wanted(t.id) || (wanted('filing-form') && inPacket.includes(t.id))) instances.push(...t.instances(data, asOf));
  }
  return { instances, skipped };
}

/** Font problems are reported once per thread, with the first unit that uses the fonts. */
const reported = new WeakSet<FontBook>();

/**
 * One layout for every paged format and the DOCX: the PDF and the OFD show the same pages; the DOCX
 * asks it which page the 版记 goes on, which elements a page sets tighter and the 备案表's type size.
 */
export function laidOut(ctx: BuildContext, built: Built): Built | undefined {
  const paged = ctx.formats.some((f) => writerFor(f).takes === 'layout');
  if (!paged && !ctx.formats.includes('docx')) return built;
  const book = ctx.fonts();
  if (book.problems.length && !reported.has(book)) {
    reported.add(book);
    for (const p of book.problems) ctx.diagnostics.push(warning('W_FONT', p));
  }
  if (built.doc.meta.onePage) {
    // Fitted once here: every writer, the DOCX too, takes the fitted tree.
    const fit = fitOnePage(built.doc, book);
    ctx.diagnostics.push(...fit.diagnostics);
    if (fit.overflows)
      ctx.diagnostics.push(
        warning(
          'W_ONE_PAGE',
          `“${built.name}”应在一页内，用最小字号仍有 ${fit.layout.pages.length} 页`,
          built.doc.blocks.find((b) => b.type === 'table')?.span,
          '减少表格中的内容，或把较长的内容移到附件',
        ),
      );
    if (hasErrors(fit.diagnostics)) return undefined;
    return { ...built, doc: fit.doc, layout: fit.layout };
  }
  const laid = layoutDocument(built.doc, book);
  ctx.diagnostics.push(...laid.diagnostics);
  if (hasErrors(laid.diagnostics)) return undefined;
  return { ...built, layout: laid.layout };
}

/** A document built from its template and laid out; undefined (with diagnostics) when it has errors. */
export function buildOne(ctx: BuildContext, inst: DocInstance, extra: Record<string, unknown>): Built | undefined {
  const b = buildUnitDocument({ world: ctx.world, data: ctx.data, inst, view: ctx.view, fields: ctx.fields, extra, templatesDir: ctx.templatesDir });
  for (const t of b.templates) ctx.texts.set(t.file, t.text);
  ctx.diagnostics.push(...b.diagnostics);
  if (!b.doc || hasErrors(b.diagnostics)) return undefined;
  return laidOut(ctx, { inst, id: inst.id, name: inst.name, doc: b.doc, sources: [...ctx.data.sources, ...new Set(b.templates.map((t) => t.file))] });
}

/** A document and, after it, each of its attachments bound separately as a document of its own (§7.3.7). */
export function withSeparate(ctx: BuildContext, b: Built | undefined): (Built | undefined)[] {
  if (!b) return [b];
  const separate = (b.doc.annexes ?? []).filter((a) => a.separate);
  return [
    b,
    ...separate.map((a) => {
      const name = `${b.inst.name}${a.label}（${a.name}）`;
      return laidOut(ctx, { inst: { ...b.inst, name }, id: b.id, name, doc: separateAnnex(b.doc, a), sources: b.sources });
    }),
  ];
}
