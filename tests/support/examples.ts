// Builds the DocTrees of the bundled example units in memory (no files written).
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkInputs } from '../../src/api/check.js';
import { buildUnitDocument } from '../../src/api/unit-document.js';
import { docTypes } from '../../src/api/documents.js';
import type { Diagnostic } from '../../src/diag/diagnostic.js';
import type { DocTree } from '../../src/doc/tree.js';
import { buildView } from '../../src/template/view.js';
import { nodeWorld } from '../../src/world/node-world.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ExampleDoc {
  unit: string;
  name: string;
  doc: DocTree;
}

/** The bundled example units' documents; `inputs` may name others (the kinds' examples: kinds/examples). */
export function exampleDocs(inputs: string[] = ['data']): { docs: ExampleDoc[]; diagnostics: Diagnostic[] } {
  const world = nodeWorld(ROOT);
  const checked = checkInputs(world, inputs);
  const docs: ExampleDoc[] = [];
  const diagnostics: Diagnostic[] = [...checked.diagnostics];
  for (const u of checked.units) {
    diagnostics.push(...u.diagnostics);
    if (!u.data) continue;
    const { view, fields } = buildView(u.data);
    for (const t of docTypes(u.data.kind)) {
      if (t.missing(u.data)) continue;
      for (const inst of t.instances(u.data)) {
        const b = buildUnitDocument({ world, data: u.data, inst, view, fields, extra: { documents: [] }, templatesDir: path.join(ROOT, 'no-user-templates') });
        diagnostics.push(...b.diagnostics);
        if (b.doc) docs.push({ unit: u.data.unit.name, name: inst.name, doc: b.doc });
      }
    }
  }
  return { docs, diagnostics };
}
