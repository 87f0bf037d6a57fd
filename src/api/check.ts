// `check`: load every unit below the inputs, validate it and apply the review rules. No files written.
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diag/diagnostic.js';
import { findAttachments, sniffAttachments } from '../packet/attachments.js';
import { checkEvidence } from './evidence.js';
import { discoverUnits, type UnitSource } from '../data/discover.js';
import { loadUnit } from '../data/load-unit.js';
import { reviewUnit } from '../data/review.js';
import type { UnitData } from '../data/types.js';
import type { World } from '../world/world.js';
import type { KindOptions } from '../kinds/kind-registry.js';
import type { DateValue } from '../data/dates.js';

export interface CheckedUnit {
  source: UnitSource;
  data?: UnitData;
  diagnostics: Diagnostic[];
  ok: boolean;
}

export interface CheckResult {
  units: CheckedUnit[];
  /** Problems not tied to a unit (missing inputs, orphan files). */
  diagnostics: Diagnostic[];
  texts: Map<string, string>;
}

export function checkUnit(world: World, source: UnitSource, texts: Map<string, string>, asOf?: DateValue): CheckedUnit {
  const loaded = loadUnit(world, source);
  for (const [k, v] of loaded.texts) texts.set(k, v);
  const diags = [...loaded.diagnostics];
  // A unit refused for its size is not reviewed: its rules would only repeat what was cut.
  if (loaded.data && !diags.some((d) => d.code === 'E_TOO_LARGE')) diags.push(...reviewUnit(loaded.data, asOf ? { asOf } : {}), ...checkEvidence(world, loaded.data));
  const ok = !hasErrors(diags);
  return { source, ...(loaded.data ? { data: loaded.data } : {}), diagnostics: sortDiagnostics(diags), ok };
}

/** `asOf`: the day measures are judged overdue (`check --as-of`, else today). */
export function checkInputs(world: World, inputs: readonly string[], kinds?: KindOptions, asOf?: DateValue): CheckResult {
  const found = discoverUnits(world, inputs, kinds);
  const texts = new Map<string, string>();
  const units = found.units.map((u) => withAttachments(world, checkUnit(world, u, texts, asOf)));
  return { units, diagnostics: found.diagnostics, texts };
}

/** `check` also looks at the attachments: found, and a PDF's header and end present. */
function withAttachments(world: World, u: CheckedUnit): CheckedUnit {
  if (!u.data?.attachments.length) return u;
  const { found, diagnostics } = findAttachments(world, u.data);
  const all = sortDiagnostics([...u.diagnostics, ...diagnostics, ...sniffAttachments(world, found)]);
  return { ...u, diagnostics: all, ok: !hasErrors(all) };
}
