// The combined ledger (问题清单和整改台账): one row per measure, the problem's cells on its first row
// and blank (or vertically merged) below. Split into problems and measures, linked by problem id.
// Works on value trees, so YAML rows exported from a sheet and the sheet itself split alike.
import { warning, type Diagnostic, type Span } from '../diag/diagnostic.js';
import { SECTIONS, fieldFor, type FieldSpec, type SectionSpec } from './schema.js';
import type { YValue } from './yaml-tree.js';

type Side = 'problem' | 'measure';
export interface LedgerColumn {
  side: Side;
  field: FieldSpec;
}

const fieldsOf = (key: string, sections: readonly SectionSpec[]): readonly FieldSpec[] => {
  const t = sections.find((s) => s.key === key)!.type;
  return t.kind === 'list' && t.of.kind === 'object' ? t.of.fields : [];
};
export const PROBLEM_FIELDS = fieldsOf('problems', SECTIONS);
export const MEASURE_FIELDS = fieldsOf('measures', SECTIONS);
/** Problem attributes a sheet writes once for a group of problems (a merged 类别 cell): filled down. */
const GROUP_FIELDS = new Set(['wind', 'category', 'scope', 'layer', 'term', 'source']);

/**
 * Assigns each header to a problem or a measure field. A header only one side knows goes there; a
 * header both know (责任人) takes the measure's field if still free, else the problem's. The
 * measure's problem reference (问题编号) is the problem's id in a combined ledger.
 */
export function ledgerColumns(headers: readonly string[], sections: readonly SectionSpec[] = SECTIONS): (LedgerColumn | undefined)[] {
  const claimed = new Set<string>();
  const out: (LedgerColumn | undefined)[] = headers.map(() => undefined);
  const problemFields = fieldsOf('problems', sections);
  const measureFields = fieldsOf('measures', sections);
  const problemId = problemFields.find((f) => f.key === 'id')!;
  const sides = headers.map((h) => {
    const m = fieldFor(measureFields, h);
    return m?.key === 'problem' ? { p: problemId } : { p: fieldFor(problemFields, h), m };
  });
  const claim = (i: number, side: Side, field: FieldSpec) => {
    const k = `${side}.${field.key}`;
    if (claimed.has(k)) return false;
    claimed.add(k);
    out[i] = { side, field };
    return true;
  };
  sides.forEach(({ p, m }, i) => {
    if (p && !m) claim(i, 'problem', p);
    else if (m && !p) claim(i, 'measure', m);
  });
  sides.forEach(({ p, m }, i) => {
    if (p && m && !claim(i, 'measure', m)) claim(i, 'problem', p);
  });
  return out;
}

/** A list is a combined ledger when its columns name a problem's text and a measure's action. */
export function isLedger(columns: readonly (LedgerColumn | undefined)[]): boolean {
  return columns.some((c) => c?.side === 'problem' && c.field.key === 'text') && columns.some((c) => c?.side === 'measure' && c.field.key === 'action');
}

function keysOf(items: readonly YValue[]): string[] {
  const keys: string[] = [];
  for (const it of items) if (it.kind === 'map') for (const e of it.entries) if (!keys.includes(e.key)) keys.push(e.key);
  return keys;
}

const blank = (v: YValue | undefined) => !v || (v.kind === 'scalar' && (v.value === null || String(v.value).trim() === ''));
const textOf = (v: YValue | undefined) => (v && v.kind === 'scalar' && v.value !== null ? String(v.value).trim() : '');
const scalar = (value: string, span: Span): YValue => ({ kind: 'scalar', value, text: value, span });

export interface SplitLedger {
  problems: YValue[];
  measures: YValue[];
  diagnostics: Diagnostic[];
}

/** Splits rows (maps keyed by header) of a combined ledger; `undefined` when the rows are not one. */
export function splitLedger(items: readonly YValue[], sections: readonly SectionSpec[] = SECTIONS): SplitLedger | undefined {
  const keys = keysOf(items);
  const columns = ledgerColumns(keys, sections);
  const problemFields = fieldsOf('problems', sections);
  // Kinds that do not require a 责任主体 (班子/个人) take none when the sheet has no such column.
  const scopeRequired = problemFields.some((f) => f.key === 'scope' && f.required);
  if (!isLedger(columns)) return undefined;
  const colOf = new Map(keys.map((k, i) => [k, columns[i]]));
  const problems: YValue[] = [];
  const measures: YValue[] = [];
  const diagnostics: Diagnostic[] = [];
  const hasScope = columns.some((c) => c?.side === 'problem' && c.field.key === 'scope');
  let current: { id: string; text: string; explicitId: boolean } | undefined;
  let above = new Map<string, YValue>();
  const usedIds = new Set<string>();
  const seen = new Map<string, YValue & { kind: 'seq' }>();

  for (const row of items) {
    if (row.kind !== 'map') continue;
    const pcells = new Map<string, { keySpan: Span; value: YValue }>();
    const mcells: { key: string; keySpan: Span; value: YValue }[] = [];
    for (const e of row.entries) {
      const c = colOf.get(e.key);
      if (!c || blank(e.value)) continue;
      if (c.side === 'problem') pcells.set(c.field.key, { keySpan: e.keySpan, value: e.value });
      else mcells.push({ key: c.field.key, keySpan: e.keySpan, value: e.value });
    }
    const text = textOf(pcells.get('text')?.value);
    const id = textOf(pcells.get('id')?.value);
    const starts = text !== '' && (!current || text !== current.text || (id !== '' && current.explicitId && id !== current.id));
    if (starts) {
      const pid = id !== '' && !usedIds.has(id) ? id : String(problems.length + 1);
      usedIds.add(pid);
      current = { id: pid, text, explicitId: id !== '' };
      const entries: { key: string; keySpan: Span; value: YValue }[] = [];
      entries.push({ key: 'id', keySpan: pcells.get('id')?.keySpan ?? row.span, value: pcells.get('id')?.value ?? scalar(pid, row.span) });
      for (const f of problemFields) {
        if (f.key === 'id') continue;
        const cell = pcells.get(f.key);
        if (cell) entries.push({ key: f.key, ...cell });
        else if (GROUP_FIELDS.has(f.key) && above.has(f.key) && (hasScope || f.key !== 'scope')) entries.push({ key: f.key, keySpan: row.span, value: above.get(f.key)! });
      }
      if (!hasScope && scopeRequired) entries.push({ key: 'scope', keySpan: row.span, value: scalar('collective', row.span) });
      above = new Map(entries.filter((e) => GROUP_FIELDS.has(e.key)).map((e) => [e.key, e.value]));
      problems.push({ kind: 'map', entries, span: row.span });
    }
    if (mcells.length) {
      // A measure that serves several problems is listed under each of them: one measure again.
      const same = mcells.map((c) => `${c.key}=${textOf(c.value)}`).join('\u0000');
      const earlier = seen.get(same);
      if (earlier && current) {
        if (!earlier.items.some((i) => textOf(i) === current!.id)) earlier.items.push(scalar(current.id, row.span));
        continue;
      }
      const refs: YValue & { kind: 'seq' } = { kind: 'seq', items: current ? [scalar(current.id, row.span)] : [], span: row.span };
      seen.set(same, refs);
      measures.push({ kind: 'map', entries: [{ key: 'problem', keySpan: row.span, value: refs }, ...mcells], span: row.span });
    }
  }
  if (!hasScope && scopeRequired && problems.length) {
    diagnostics.push(warning('W_LEDGER_SCOPE', '台账中没有“责任主体”列，问题均按领导班子（班子）的问题导入', problems[0]!.span, '个人问题请加“责任主体”列并填“个人”，同时填写“责任人”'));
  }
  return { problems, measures, diagnostics };
}
