// What the preview shows, rendered in memory on demand and cached until a file it came from changes.
import { checkInputs } from '../api/check.js';
import { buildUnitDocument } from '../api/unit-document.js';
import { docTypes, packetDocs, type DocInstance } from '../api/documents.js';
import { documentDate } from '../api/render-unit.js';
import { writerFor, type Format } from '../backends/writers.js';
import { hasErrors, type Diagnostic } from '../diag/diagnostic.js';
import { formatDiagnostic } from '../diag/format.js';
import type { UnitSource } from '../data/discover.js';
import type { KindOptions } from '../kinds/kind-registry.js';
import type { UnitData } from '../data/types.js';
import { lineText, type DocTree } from '../doc/tree.js';
import type { FontBook } from '../fonts/font-book.js';
import { layoutDocument } from '../layout/layout-document.js';
import type { PagedLayout } from '../layout/types.js';
import { buildView } from '../template/view.js';
import type { World } from '../world/world.js';

export interface UnitEntry {
  id: string;
  name: string;
  ok: boolean;
  docs: { key: string; id: string; name: string }[];
}

export interface RenderedDoc {
  key: string;
  name: string;
  tree?: DocTree;
  layout?: PagedLayout;
  diagnostics: string[];
  ok: boolean;
  /** Ids of the templates it was made from (its own and its attachments'), to drop it when one changes. */
  templates?: string[];
}

interface UnitState {
  source: UnitSource;
  data?: UnitData;
  diagnostics: Diagnostic[];
  docs: Map<string, RenderedDoc>;
}

export class PreviewModel {
  private units = new Map<string, UnitState>();
  private texts = new Map<string, string>();
  private globalDiagnostics: Diagnostic[] = [];

  constructor(
    private readonly world: World,
    private readonly inputs: string[],
    private readonly templatesDir: string,
    private readonly fonts: FontBook,
    private readonly kinds?: KindOptions,
  ) {
    this.reload();
  }

  /** Re-reads the units; documents are rebuilt on their next request. */
  reload(): void {
    const result = checkInputs(this.world, this.inputs, this.kinds);
    this.texts = result.texts;
    this.globalDiagnostics = result.diagnostics;
    this.units = new Map(result.units.map((u) => [u.source.id, { source: u.source, ...(u.data && u.ok ? { data: u.data } : {}), diagnostics: u.diagnostics, docs: new Map() }]));
  }

  list(): { units: UnitEntry[]; diagnostics: string[] } {
    const units = [...this.units.values()].map((u) => ({
      id: u.source.id,
      name: u.data?.unit.name ?? u.source.id,
      ok: !!u.data,
      docs: u.data ? this.instances(u.data).map((i) => ({ key: i.name, id: i.id, name: i.name })) : [],
    }));
    const diagnostics = [...this.globalDiagnostics, ...[...this.units.values()].flatMap((u) => u.diagnostics)].map((d) => this.format(d));
    return { units, diagnostics };
  }

  private instances(d: UnitData): DocInstance[] {
    return docTypes(d.kind)
      .filter((t) => !t.missing(d))
      .flatMap((t) => t.instances(d));
  }

  private format(d: Diagnostic): string {
    return formatDiagnostic(d, (f) => this.texts.get(f) ?? (this.world.exists(f) ? this.world.readText(f) : undefined));
  }

  /** One document, laid out (cached). */
  doc(unitId: string, key: string): RenderedDoc | undefined {
    const u = this.units.get(unitId);
    if (!u) return undefined;
    // The unit's own errors are shown with the list; the document just has none to show.
    if (!u.data) return { key, name: key, diagnostics: [], ok: false };
    const cached = u.docs.get(key);
    if (cached) return cached;
    const inst = this.instances(u.data).find((i) => i.name === key);
    if (!inst) return undefined;
    const extra: Record<string, unknown> = {};
    if (inst.id === 'filing-form') {
      // The 备案表 lists the packet's documents with their page counts, as in the real output.
      extra.documents = this.instances(u.data)
        .filter((i) => packetDocs(u.data!).includes(i.id) && i.id !== 'filing-form')
        .map((i, k) => ({ index: k + 1, name: i.name, pages: this.doc(unitId, i.name)?.layout?.pages.length ?? null }));
    } else extra.documents = [];
    const r = this.build(u.data, inst, extra);
    u.docs.set(key, r);
    return r;
  }

  private build(data: UnitData, inst: DocInstance, extra: Record<string, unknown>): RenderedDoc {
    const { view, fields } = buildView(data);
    const b = buildUnitDocument({ world: this.world, data, inst, view, fields, extra, templatesDir: this.templatesDir });
    for (const t of b.templates) this.texts.set(t.file, t.text);
    const diags = [...b.diagnostics];
    const out: RenderedDoc = { key: inst.name, name: inst.name, diagnostics: [], ok: false, templates: b.templates.map((t) => t.id) };
    if (b.doc && !hasErrors(diags)) {
      out.tree = b.doc;
      const laid = layoutDocument(b.doc, this.fonts);
      diags.push(...laid.diagnostics);
      if (!hasErrors(laid.diagnostics)) out.layout = laid.layout;
    }
    out.ok = !!out.layout;
    out.diagnostics = diags.map((d) => this.format(d));
    return out;
  }

  /** The document in a format of the writer table (one that writes documents). */
  async download(unitId: string, key: string, format: Format): Promise<Uint8Array | undefined> {
    const u = this.units.get(unitId);
    const d = this.doc(unitId, key);
    const write = writerFor(format).document;
    if (!u?.data || !d?.tree || !d.layout || !write) return undefined;
    const date = documentDate(this.world, u.data);
    const meta = { title: lineText(d.tree.meta.title).replace(/\n/g, '') || d.name, author: d.tree.meta.author ?? u.data.unit.issuer, subject: d.name, date };
    return write({ doc: d.tree, layout: d.layout, meta });
  }

  /** Drops what a changed file fed: a template → that document everywhere; data → its unit; else everything. */
  changed(file: string): void {
    const tpl = /([^/\\]+)\.md\.hbs$/.exec(file);
    if (tpl) {
      for (const u of this.units.values()) for (const [k, d] of u.docs) if (d.tree?.id === tpl[1] || d.templates?.includes(tpl[1]!) || !d.tree || d.key.startsWith('备案表')) u.docs.delete(k);
      return;
    }
    this.reload();
  }
}
