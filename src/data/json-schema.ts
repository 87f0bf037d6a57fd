// The JSON Schema of unit data (`gongwen schema`), generated from the same table the loader uses,
// so editors validate YAML with English or Chinese keys and values as people type.
import { LOOKBACK_CHECKS, SECTIONS, type FieldSpec, type FieldType, type SectionSpec } from './schema.js';

type Json = Record<string, unknown>;

const DATE_PATTERN = '^(\\d{4}[-/.]\\d{1,2}([-/.]\\d{1,2})?|\\d{4}年\\d{1,2}月(\\d{1,2}日?|底|末)?|\\d{4}年(底|末))$';

function typeSchema(t: FieldType, description?: string): Json {
  const d = description ? { description } : {};
  switch (t.kind) {
    case 'text':
      return t.join !== undefined ? { ...d, anyOf: [{ type: ['string', 'number'] }, { type: 'array', items: { type: ['string', 'number'] } }] } : { ...d, type: ['string', 'number'] };
    case 'enum':
      return { ...d, enum: Object.entries(t.values).flatMap(([k, a]) => [k, ...a]) };
    case 'date':
      return {
        ...d,
        anyOf: [{ type: 'string', pattern: DATE_PATTERN }, { type: 'integer', minimum: 1, maximum: 120000, description: 'Excel 日期序号' }, ...(t.ongoing ? [{ enum: ['长期坚持', '长期'] }] : [])],
      };
    case 'bool':
      return { ...d, anyOf: [{ type: 'boolean' }, { enum: ['是', '否', 'yes', 'no'] }] };
    case 'refs':
      return { ...d, anyOf: [{ type: ['string', 'number'] }, { type: 'array', items: { type: ['string', 'number'] } }] };
    case 'object':
      return { ...d, ...objectSchema(t.fields) };
    case 'list':
      return { ...d, type: 'array', items: typeSchema(t.of), ...(t.min ? { minItems: t.min } : {}) };
  }
}

function objectSchema(fields: readonly FieldSpec[]): Json {
  const properties: Json = {};
  for (const f of fields) {
    const s = typeSchema(f.type, `${f.label}${f.required ? '（必填）' : ''}`);
    for (const name of new Set([f.key, f.label, ...f.aliases])) properties[name] = s;
  }
  // Required fields may be given under any of their names.
  const allOf = fields.filter((f) => f.required).map((f) => ({ anyOf: [...new Set([f.key, f.label, ...f.aliases])].map((n) => ({ required: [n] })) }));
  return { type: 'object', properties, ...(allOf.length ? { allOf } : {}) };
}

/**
 * The fields of every kind's sections together (`sectionsOf` gives each kind's): a field is
 * required only where every kind requires it, and 整改类型 takes the kinds' names.
 */
function unionSections(kinds: readonly { names: string[]; sections: readonly SectionSpec[] }[]): SectionSpec[] {
  if (!kinds.length) return [...SECTIONS];
  const names = kinds.flatMap((k) => k.names);
  return SECTIONS.map((base) => {
    const all = kinds.map((k) => k.sections.find((s) => s.key === base.key)!);
    const fieldsOf = (s: SectionSpec) => (s.type.kind === 'object' ? s.type.fields : s.type.kind === 'list' && s.type.of.kind === 'object' ? s.type.of.fields : undefined);
    if (!fieldsOf(base)) return base;
    const merged = new Map<string, FieldSpec>();
    for (const sec of all) {
      for (const f of fieldsOf(sec)!) {
        const prev = merged.get(f.key);
        const required = all.every((x) => fieldsOf(x)!.some((g) => g.key === f.key && g.required));
        const type: FieldType = f.key === 'kind' && base.key === 'unit' ? { kind: 'enum', values: Object.fromEntries(names.map((n) => [n, []])) } : (prev?.type ?? f.type);
        merged.set(f.key, { ...(prev ?? f), type, required, aliases: [...new Set([...(prev?.aliases ?? []), ...f.aliases])] });
      }
    }
    const fields = [...merged.values()];
    return base.type.kind === 'object'
      ? { ...base, type: { kind: 'object', fields } }
      : { ...base, type: { kind: 'list', of: { kind: 'object', fields }, ...(base.type.kind === 'list' && base.type.min ? { min: base.type.min } : {}) } };
  });
}

export function unitJsonSchema(kinds: readonly { names: string[]; sections: readonly SectionSpec[] }[] = []): Json {
  const properties: Json = {};
  for (const s of unionSections(kinds)) {
    const schema = typeSchema(s.type, s.label);
    for (const name of [s.key, ...s.aliases]) properties[name] = schema;
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://gongwen.dev/schema/unit.json',
    title: 'gongwen 单位数据',
    description: `一个单位的整改落实数据（SPEC §2）${kinds.length ? `，整改类型：${kinds.map((k) => k.names[0]).join('、')}` : ''}。“回头看”六项：${LOOKBACK_CHECKS.map((c) => c.question).join('、')}。`,
    type: 'object',
    properties,
  };
}
