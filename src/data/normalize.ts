// Schema-driven walk of the YAML value tree: aliases → canonical keys/values, dates, refs, spans by path.
import { error, warning, type Diagnostic, type Span } from '../diag/diagnostic.js';
import { nearest } from '../diag/nearest.js';
import { parseDate, type DateValue } from './dates.js';
import { enumLabel, enumValue, fieldFor, type EnumSpec, type FieldSpec, type FieldType } from './schema.js';
import type { YValue } from './yaml-tree.js';

export interface NormalizeContext {
  diagnostics: Diagnostic[];
  spans: Map<string, Span>;
  /** Characters of text taken so far (aliases count each time they are used). */
  textTotal?: number;
}

/**
 * Bounds that keep one unit's memory and time in check (a real unit has tens of problems, not
 * thousands): past them the unit fails with a clear E_TOO_LARGE instead of a 2 GB render.
 */
export const LIMITS = { listLength: 2000, textLength: 20000, unitText: 1_000_000 } as const;

const TRUE_WORDS = ['true', 'yes', 'y', '是', '对', '公开', '1'];
const FALSE_WORDS = ['false', 'no', 'n', '否', '不', '不公开', '0'];

/** The scalar as the user wrote it, trimmed; '' for an empty cell. */
function scalarText(v: YValue): string | undefined {
  if (v.kind !== 'scalar') return undefined;
  if (v.value === null) return '';
  return (typeof v.value === 'string' ? v.value : v.text || String(v.value)).trim();
}

export function isEmptyValue(v: YValue): boolean {
  if (v.kind === 'scalar') return scalarText(v) === '';
  if (v.kind === 'seq') return v.items.every(isEmptyValue);
  return v.entries.every((e) => isEmptyValue(e.value));
}

/**
 * C0 controls (but tab and newline), DEL, lone surrogates, non-characters and the bidirectional
 * controls (an official document runs left to right; no font draws them): never valid in a document,
 * so check and render treat them alike.
 */
const UNPRINTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Drops characters no document can hold, with a warning at the value. */
function cleanText(s: string, span: Span, label: string, ctx: NormalizeContext): string {
  if (!UNPRINTABLE.test(s)) return s;
  UNPRINTABLE.lastIndex = 0;
  const codes = [...new Set(s.match(UNPRINTABLE) ?? [])].map((c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
  ctx.diagnostics.push(warning('W_CONTROL_CHAR', `“${label}”中含有不可打印的控制字符（${codes.join('、')}），已删除`, span));
  return s.replace(UNPRINTABLE, '').replace(/\r\n?/g, '\n').trim();
}

function kindZh(v: YValue): string {
  return v.kind === 'map' ? '键值表' : v.kind === 'seq' ? '列表' : '文字';
}

/**
 * Normalizes `v` against `type`; returns undefined for an absent or invalid value
 * (the diagnostic is already recorded). `label` names the field in messages.
 */
export function normalizeValue(v: YValue, type: FieldType, path: string, label: string, ctx: NormalizeContext): unknown {
  ctx.spans.set(path, v.span);
  switch (type.kind) {
    case 'text':
      return normalizeText(v, type, path, label, ctx);
    case 'enum':
      return normalizeEnum(v, type, label, ctx);
    case 'date':
      return normalizeDate(v, type, label, ctx);
    case 'bool': {
      const s = v.kind === 'scalar' ? (v.value === true ? 'true' : v.value === false ? 'false' : scalarText(v)!.toLowerCase()) : undefined;
      if (s === '') return undefined;
      if (s !== undefined && TRUE_WORDS.includes(s)) return true;
      if (s !== undefined && FALSE_WORDS.includes(s)) return false;
      ctx.diagnostics.push(error('E_TYPE', `“${label}”应为是/否（true/false）`, v.span));
      return undefined;
    }
    case 'refs':
      return normalizeRefs(v, path, label, ctx);
    case 'object':
      return normalizeObject(v, type.fields, path, label, ctx);
    case 'list':
      return normalizeList(v, type, path, label, ctx);
  }
}

/** Text, cleaned and bounded (per field and per unit, after aliases are expanded); a list joined where the field allows. */
function normalizeText(v: YValue, type: Extract<FieldType, { kind: 'text' }>, path: string, label: string, ctx: NormalizeContext): string | undefined {
  if (v.kind === 'seq' && type.join !== undefined && v.items.every((it) => it.kind === 'scalar')) {
    const parts = v.items.map((it) => scalarText(it)!).filter((x) => x !== '');
    return normalizeText({ kind: 'scalar', value: parts.join(type.join), text: parts.join(type.join), span: v.span }, { kind: 'text' }, path, label, ctx);
  }
  if (v.kind !== 'scalar') {
    ctx.diagnostics.push(error('E_TYPE', `“${label}”应为文字，这里是${kindZh(v)}`, v.span));
    return undefined;
  }
  // Past the unit's text bound nothing more is read (or cleaned): the bound's error is said once.
  const raw = scalarText(v)!;
  if ((ctx.textTotal ?? 0) > LIMITS.unitText) return undefined;
  // A tab pasted into a cell is a space to a reader (no font draws U+0009).
  const s = cleanText(raw.replace(/\t/g, ' ').replace(/\r\n?/g, '\n'), v.span, label, ctx);
  if (s.length > LIMITS.textLength) {
    ctx.diagnostics.push(error('E_TOO_LARGE', `“${label}”过长（${s.length} 字，上限 ${LIMITS.textLength} 字）`, v.span));
    return undefined;
  }
  // A short file can name one long text a thousand times through aliases: the unit's text is
  // bounded as it will be typeset, after the aliases are expanded.
  const before = ctx.textTotal ?? 0;
  ctx.textTotal = before + s.length;
  if (ctx.textTotal > LIMITS.unitText) {
    if (before <= LIMITS.unitText)
      ctx.diagnostics.push(
        error('E_TOO_LARGE', `单位数据的文字展开后超过 ${LIMITS.unitText / 10000} 万字（YAML 别名每用一次都算）`, v.span, '真实单位的数据远小于此；请检查重复引用的别名（*名称），或按单位拆分数据'),
      );
    return undefined;
  }
  return s === '' ? undefined : s;
}

/** A date in any of the forms offices write (deadline words where the field takes them). */
function normalizeDate(v: YValue, type: Extract<FieldType, { kind: 'date' }>, label: string, ctx: NormalizeContext): DateValue | undefined {
  if (v.kind !== 'scalar') {
    ctx.diagnostics.push(error('E_TYPE', `“${label}”应为日期，这里是${kindZh(v)}`, v.span));
    return undefined;
  }
  const s = scalarText(v)!;
  if (s === '') return undefined;
  const raw = typeof v.value === 'number' ? v.value : s;
  const d = parseDate(raw, type.ongoing ?? false);
  if (!d) {
    const forms =
      '2014-03-31、2014/3/31、2014.3.31、2014年3月31日、2014年3月、2014年3月底、Excel 日期序号' +
      (type.ongoing ? '；完成时限还可写 2014年3月底前、2014年上半年、2014年第一季度、2014年底前、立行立改、长期坚持、持续推进、常态化（写明年份）' : '');
    ctx.diagnostics.push(error('E_DATE', `无法识别的日期“${s}”（${label}）`, v.span, `可用的写法：${forms}`));
    return undefined;
  }
  return d;
}

/** Problem references: a list, or “P1、P2” in one cell. */
function normalizeRefs(v: YValue, path: string, label: string, ctx: NormalizeContext): string[] {
  const items = v.kind === 'seq' ? v.items : [v];
  const out: string[] = [];
  items.forEach((it, i) => {
    if (it.kind !== 'scalar') {
      ctx.diagnostics.push(error('E_TYPE', `“${label}”应为问题编号或文字`, it.span));
      return;
    }
    // "P1、P2" or "1,2" in one cell is common in sheets.
    const s = scalarText(it)!;
    const parts = v.kind === 'seq' ? [s] : s.split(/[，,、；;]\s*/);
    for (const p of parts) if (p.trim() !== '') out.push(p.trim());
    if (v.kind === 'seq') ctx.spans.set(`${path}.${i}`, it.span);
  });
  return out;
}

/** A list of items of one type, blank rows skipped, bounded in length. */
function normalizeList(v: YValue, type: Extract<FieldType, { kind: 'list' }>, path: string, label: string, ctx: NormalizeContext): unknown[] | undefined {
  if (v.kind === 'scalar' && scalarText(v) === '') return [];
  if (v.kind !== 'seq') {
    ctx.diagnostics.push(error('E_TYPE', `“${label}”应为列表（每项以“- ”开头），这里是${kindZh(v)}`, v.span));
    return undefined;
  }
  if (v.items.length > LIMITS.listLength) {
    ctx.diagnostics.push(error('E_TOO_LARGE', `“${label}”有 ${v.items.length} 项，超过上限 ${LIMITS.listLength} 项；请按单位拆分数据`, v.span));
    return undefined;
  }
  const out: unknown[] = [];
  for (const it of v.items) {
    // Blank rows exported from a sheet are skipped, not reported.
    if (isEmptyValue(it)) continue;
    const item = normalizeValue(it, type.of, `${path}.${out.length}`, label, ctx);
    if (item !== undefined) out.push(item);
  }
  if (type.min && out.length < type.min) {
    ctx.diagnostics.push(error('E_REQUIRED', `“${label}”至少要有 ${type.min} 项`, v.span));
  }
  return out;
}

function normalizeEnum(v: YValue, spec: EnumSpec, label: string, ctx: NormalizeContext): string | undefined {
  const s = v.kind === 'scalar' ? scalarText(v)! : undefined;
  if (s === '') return undefined;
  const canon = s === undefined ? undefined : enumValue(spec, s);
  if (canon) return canon;
  const allowed = Object.entries(spec.values).map(([k, a]) => `${k}（${a.join('/')}）`);
  const all = Object.entries(spec.values).flatMap(([k, a]) => [k, ...a]);
  const near = s === undefined ? undefined : nearest(s, all);
  const nearText = near ? `；最接近的是“${near}”` : '';
  ctx.diagnostics.push(error('E_ENUM', `“${label}”的取值“${s ?? kindZh(v)}”不在允许范围内${nearText}`, v.span, `允许的取值：${allowed.join('，')}`));
  return undefined;
}

function normalizeObject(v: YValue, fields: readonly FieldSpec[], path: string, label: string, ctx: NormalizeContext): Record<string, unknown> | undefined {
  if (v.kind !== 'map') {
    ctx.diagnostics.push(error('E_TYPE', `“${label}”应为键值表（“键: 值”），这里是${kindZh(v)}`, v.span));
    return undefined;
  }
  // Plain objects with only schema keys: hostile keys such as __proto__ are reported and dropped.
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const seen = new Map<string, Span>();
  for (const e of v.entries) {
    const fs = fieldFor(fields, e.key);
    if (!fs) {
      const near = nearest(
        e.key,
        fields.flatMap((x) => [x.key, x.label, ...x.aliases]),
      );
      ctx.diagnostics.push(warning('W_UNKNOWN_KEY', `未知的字段“${e.key}”（${label}），已忽略`, e.keySpan, near ? `是否想写“${near}”？` : undefined));
      continue;
    }
    const prev = seen.get(fs.key);
    if (prev) {
      ctx.diagnostics.push(error('E_DUPLICATE_KEY', `字段“${fs.label}”重复（第 ${prev.line} 行已写过）`, e.keySpan));
      continue;
    }
    seen.set(fs.key, e.keySpan);
    const val = normalizeValue(e.value, fs.type, `${path}.${fs.key}`, fs.label, ctx);
    if (val !== undefined) out[fs.key] = val;
  }
  for (const fs of fields) {
    // Past the unit's text bound every later text is dropped: one E_TOO_LARGE says so, not thousands of E_REQUIRED.
    if (fs.required && out[fs.key] === undefined && !hasReportedError(ctx, path, fs.key) && (ctx.textTotal ?? 0) <= LIMITS.unitText) {
      ctx.diagnostics.push(error('E_REQUIRED', `缺少必填字段“${fs.label}”（${fs.key}）`, seen.get(fs.key) ?? v.span));
    }
  }
  return { ...out };
}

/** A field whose value was present but invalid already has its own diagnostic. */
function hasReportedError(ctx: NormalizeContext, path: string, key: string): boolean {
  const span = ctx.spans.get(`${path}.${key}`);
  return !!span && ctx.diagnostics.some((d) => d.severity === 'error' && d.span === span);
}

export { enumLabel };
