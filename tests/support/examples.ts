// Builds the DocTrees of the bundled example units in memory (no files written).
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkInputs } from '../../src/api/check.js';
import { buildUnitDocument } from '../../src/api/unit-document.js';
import { docTypes } from '../../src/api/documents.js';
import type { Diagnostic } from '../../src/diag/diagnostic.js';
import type { DateValue } from '../../src/data/dates.js';
import type { DocTree } from '../../src/doc/tree.js';
import { buildView } from '../../src/template/view.js';
import { nodeWorld } from '../../src/world/node-world.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ExampleDoc {
  unit: string;
  name: string;
  doc: DocTree;
}

/** One unit's documents as built in memory, with the unit's diagnostics and those of its documents. */
export interface UnitDocs {
  id: string;
  kind?: string;
  docs: ExampleDoc[];
  diagnostics: Diagnostic[];
}

/** Every document of each unit below `inputs` (relative to `root`), built without writing a file. */
export function unitDocuments(root: string, inputs: string[], opts: { kinds?: { dir?: string; default?: string }; templatesDir?: string; asOf?: DateValue } = {}): { units: UnitDocs[]; diagnostics: Diagnostic[] } {
  const world = nodeWorld(root);
  const checked = checkInputs(world, inputs, opts.kinds, opts.asOf);
  const units = checked.units.map((u): UnitDocs => {
    const out: UnitDocs = { id: u.source.id, docs: [], diagnostics: [...u.diagnostics], ...(u.data ? { kind: u.data.kind.name } : {}) };
    if (!u.data) return out;
    const { view, fields } = buildView(u.data, [], opts.asOf ? { asOf: opts.asOf } : {});
    for (const t of docTypes(u.data.kind)) {
      if (t.missing(u.data)) continue;
      for (const inst of t.instances(u.data, opts.asOf)) {
        const b = buildUnitDocument({ world, data: u.data, inst, view, fields, extra: { documents: [] }, templatesDir: opts.templatesDir ?? path.join(root, 'no-user-templates') });
        out.diagnostics.push(...b.diagnostics);
        if (b.doc) out.docs.push({ unit: u.data.unit.name, name: inst.name, doc: b.doc });
      }
    }
    return out;
  });
  return { units, diagnostics: checked.diagnostics };
}

/** The bundled example units' documents; `inputs` may name others (the kinds' examples: kinds/examples). */
export function exampleDocs(inputs: string[] = ['data']): { docs: ExampleDoc[]; diagnostics: Diagnostic[] } {
  const { units, diagnostics } = unitDocuments(ROOT, inputs);
  return { docs: units.flatMap((u) => u.docs), diagnostics: [...diagnostics, ...units.flatMap((u) => u.diagnostics)] };
}
