// Reads one unit's YAML files, merges them by top-level key and normalizes them into UnitData.
import { error, warning, type Diagnostic, type Span } from '../diag/diagnostic.js';
import { nearest } from '../diag/nearest.js';
import type { World } from '../world/world.js';
import { baseName, type UnitSource } from './discover.js';
import { normalizeValue, type NormalizeContext } from './normalize.js';
import { SECTIONS, fieldFor, sectionFor, type SectionSpec } from './schema.js';
import { loadKinds, type KindRegistry } from '../kinds/kind-registry.js';
import { kindSections, settleAdvance } from '../kinds/kind-sections.js';
import { DEFAULT_KIND as DEFAULT_KIND_NAME, type Kind } from '../kinds/kind.js';
import type { UnitData } from './types.js';
import { parseYaml, type YValue } from './yaml-tree.js';
import { decodeText } from './decode-text.js';
import { splitLedger } from './ledger.js';

/** Larger YAML files are refused before parsing: no unit's data comes near this. */
export const MAX_YAML_BYTES = 32 * 1024 * 1024;

export interface LoadResult {
  data?: UnitData;
  diagnostics: Diagnostic[];
  /** Source texts read, for code frames. */
  texts: Map<string, string>;
}

export function loadUnit(world: World, src: UnitSource): LoadResult {
  const diagnostics: Diagnostic[] = [];
  const texts = new Map<string, string>();
  // Top-level values per section; lists from several files are concatenated.
  const sections = new Map<string, { value: YValue; file: string }[]>();

  for (const file of src.files) readSectionsOf(world, file, sections, texts, diagnostics);

  // The unit's kind decides its fields (categories, required fields) before anything is normalized.
  const registry = loadKinds(world, src.kinds);
  const kind = unitKind(registry, sections.get('unit')?.[0]?.value, diagnostics);
  const kindSecs = kindSections(kind);
  splitLedgers(sections, diagnostics, kindSecs);

  const { out, present, spans } = normalizeSections(sections, kindSecs, diagnostics);
  // A file that did not parse may well hold the unit: do not add noise about it.
  const unreadable = diagnostics.some((d) => d.code.startsWith('E_YAML') || d.code === 'E_READ' || d.code === 'E_ENCODING' || d.code === 'E_TOO_LARGE');
  if (!sections.has('unit') && !unreadable) {
    diagnostics.push(error('E_REQUIRED', '缺少“单位”（unit）信息：每个单位的数据必须有 unit: 部分', { file: src.files[0] ?? src.id, line: 1, column: 1 }));
  }

  const data = buildUnitData(out, present, spans, src.files, kind);
  return { data, diagnostics, texts };
}

/**
 * The kind the unit names (整改类型 / kind), else the project's default; a name that is no kind is
 * E_KIND at the value, and the unit is read as the default kind so its other errors still show.
 * A kind file with mistakes reports them with every unit of that kind.
 */
function unitKind(registry: KindRegistry, unit: YValue | undefined, diagnostics: Diagnostic[]): Kind {
  const entry = unit?.kind === 'map' ? unit.entries.find((e) => ['kind', '整改类型'].includes(e.key.replace(/\s+/g, ''))) : undefined;
  const raw = entry?.value.kind === 'scalar' && entry.value.value !== null ? String(entry.value.value).trim() : '';
  const name = raw || registry.defaultKind;
  const kind = registry.resolve(name);
  if (!kind) {
    diagnostics.push(registry.unknown(name, raw ? entry!.value.span : undefined));
    diagnostics.push(...registry.diagnostics.filter((d) => d.severity === 'error'));
  } else diagnostics.push(...registry.diagnosticsOf(kind));
  if (kind) return kind;
  const fallback = registry.resolve(registry.defaultKind) ?? registry.resolve(DEFAULT_KIND_NAME);
  if (!fallback) throw new Error(`built-in kind ${DEFAULT_KIND_NAME} missing`);
  return fallback;
}

/**
 * Lists of rows that carry both problem and measure columns (a 整改台账 exported from a sheet) are
 * split into the two sections, linked by problem id.
 */
function splitLedgers(sections: Map<string, { value: YValue; file: string }[]>, diagnostics: Diagnostic[], kindSecs: readonly SectionSpec[]): void {
  const out = new Map<string, { value: YValue; file: string }[]>([
    ['problems', []],
    ['measures', []],
  ]);
  let split = false;
  for (const key of ['problems', 'measures']) {
    for (const p of sections.get(key) ?? []) {
      const s = p.value.kind === 'seq' ? splitLedger(p.value.items, kindSecs) : undefined;
      if (!s) {
        out.get(key)!.push(p);
        continue;
      }
      split = true;
      diagnostics.push(...s.diagnostics);
      out.get('problems')!.push({ value: { kind: 'seq', items: s.problems, span: p.value.span }, file: p.file });
      out.get('measures')!.push({ value: { kind: 'seq', items: s.measures, span: p.value.span }, file: p.file });
    }
  }
  if (!split) return;
  for (const [k, v] of out) if (v.length) sections.set(k, v);
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const a = m.get(k);
  if (a) a.push(v);
  else m.set(k, [v]);
}

/** Fills defaults (problem ids 1, 2, 3 …; public = true) and gives every list a value. */
function buildUnitData(out: Record<string, unknown>, present: Set<string>, spans: Map<string, Span>, sources: string[], kind: Kind): UnitData {
  const unit = (out.unit ?? { name: '', issuer: '', filing_to: '' }) as UnitData['unit'];
  const problems = ((out.problems as UnitData['problems'] | undefined) ?? []).map((p, i) => ({ ...p, id: p.id ?? String(i + 1) }));
  const measures = ((out.measures as UnitData['measures'] | undefined) ?? []).map((m) => {
    const x = { ...m, problem: m.problem ?? [], public: m.public ?? true };
    settleAdvance(x);
    return x;
  });
  const leaders = ((out.leaders as UnitData['leaders'] | undefined) ?? []).map((l) => ({ ...l, problems: l.problems ?? [], measures: l.measures ?? [] }));
  const data: UnitData = {
    unit,
    problems,
    measures,
    roadmap: (out.roadmap as UnitData['roadmap'] | undefined) ?? [],
    campaigns: (out.campaigns as UnitData['campaigns'] | undefined) ?? [],
    regulations: (out.regulations as UnitData['regulations'] | undefined) ?? [],
    leaders,
    attachments: (out.attachments as UnitData['attachments'] | undefined) ?? [],
    present,
    spans,
    sources,
    kind,
  };
  if (out.lookback) data.lookback = out.lookback as UnitData['lookback'] & object;
  return data;
}

type Sections = Map<string, { value: YValue; file: string }[]>;

/** One data file's top-level values into `sections`: a bare list is the section its file is named after. */
function readSectionsOf(world: World, file: string, sections: Sections, texts: Map<string, string>, diagnostics: Diagnostic[]): void {
  let text: string;
  try {
    const size = world.fileSize(file);
    if (size > MAX_YAML_BYTES) {
      diagnostics.push(error('E_TOO_LARGE', `文件过大（${Math.round(size / 1048576)} MB，上限 ${MAX_YAML_BYTES / 1048576} MB）`, { file, line: 1, column: 1 }));
      return;
    }
    const decoded = decodeText(world.readBytes(file), file);
    diagnostics.push(...decoded.diagnostics);
    if (decoded.text === undefined) return;
    text = decoded.text;
  } catch (e) {
    diagnostics.push(error('E_READ', `无法读取文件：${(e as Error).message}`, { file, line: 1, column: 1 }));
    return;
  }
  texts.set(file, text);
  const parsed = parseYaml(text, file);
  diagnostics.push(...parsed.diagnostics);
  const root = parsed.value;
  if (!root || (root.kind === 'scalar' && root.value === null)) return;
  if (root.kind === 'seq') {
    // A bare list is the section named by the file (problems.yaml, 问题清单.yaml …).
    const sec = sectionFor(baseName(file));
    if (!sec) {
      diagnostics.push(error('E_TYPE', `文件顶层是列表，但文件名“${baseName(file)}”不是已知的数据名称（如 problems、问题清单）`, root.span));
      return;
    }
    push(sections, sec.key, { value: root, file });
    return;
  }
  if (root.kind !== 'map') {
    diagnostics.push(error('E_TYPE', '文件顶层应为键值表（unit: …, problems: …）', root.span));
    return;
  }
  // A file named after a section that holds that section's fields directly (unit.yaml with name:, issuer: …).
  // It may also hold other sections (附件材料: …) beside those fields: those are taken apart.
  const own = sectionFor(baseName(file));
  const ownFields = own?.type.kind === 'object' ? own.type.fields : undefined;
  const isOwnField = (key: string) => !!ownFields && !!fieldFor(ownFields, key) && sectionFor(key)?.key !== own!.key;
  const flat = root.entries.some((e) => isOwnField(e.key));
  const body = flat ? root.entries.filter((e) => isOwnField(e.key) || !sectionFor(e.key)) : [];
  if (flat) push(sections, own!.key, { value: { ...root, entries: body }, file });
  for (const e of root.entries) {
    if (body.includes(e)) continue;
    const sec = sectionFor(e.key);
    if (!sec) {
      const near = nearest(
        e.key,
        SECTIONS.flatMap((s) => [s.key, ...s.aliases]),
      );
      diagnostics.push(warning('W_UNKNOWN_KEY', `未知的顶层字段“${e.key}”，已忽略`, e.keySpan, near ? `是否想写“${near}”？` : undefined));
      continue;
    }
    push(sections, sec.key, { value: e.value, file });
  }
}

/** Each section of the kind normalized against its type; lists from several files concatenated. */
function normalizeSections(sections: Sections, kindSecs: ReturnType<typeof kindSections>, diagnostics: Diagnostic[]) {
  const ctx: NormalizeContext = { diagnostics, spans: new Map<string, Span>() };
  const out: Record<string, unknown> = {};
  const present = new Set<string>();
  for (const sec of kindSecs) {
    const parts = sections.get(sec.key);
    if (!parts) continue;
    if (sec.type.kind === 'list') {
      const merged: YValue = {
        kind: 'seq',
        items: parts.flatMap((p) => (p.value.kind === 'seq' ? p.value.items : [p.value])),
        span: parts[0]!.value.span,
      };
      for (const p of parts) {
        if (p.value.kind !== 'seq' && !(p.value.kind === 'scalar' && p.value.value === null)) {
          diagnostics.push(error('E_TYPE', `“${sec.label}”应为列表（每项以“- ”开头）`, p.value.span));
        }
      }
      merged.items = merged.items.filter((i) => !(i.kind === 'scalar' && i.value === null));
      const v = normalizeValue(merged, sec.type, sec.key, sec.label, ctx);
      if (v !== undefined) out[sec.key] = v;
      if (merged.items.length) present.add(sec.key);
    } else {
      if (parts.length > 1) {
        diagnostics.push(error('E_DUPLICATE_KEY', `“${sec.label}”在多个文件中重复出现（${parts.map((p) => p.file).join('、')}）`, parts[1]!.value.span));
      }
      const v = normalizeValue(parts[0]!.value, sec.type, sec.key, sec.label, ctx);
      if (v !== undefined) {
        out[sec.key] = v;
        present.add(sec.key);
      }
    }
  }
  return { out, present, spans: ctx.spans };
}
