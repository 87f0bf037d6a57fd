// The JSON Schema of unit data (`gongwen schema`), generated from the same table the loader uses,
// so editors validate YAML with English or Chinese keys and values as people type.
import { LOOKBACK_CHECKS, SECTIONS, type FieldSpec, type FieldType } from './schema.js';

type Json = Record<string, unknown>;

const DATE_PATTERN = '^(\\d{4}[-/.]\\d{1,2}([-/.]\\d{1,2})?|\\d{4}年\\d{1,2}月(\\d{1,2}日?|底|末)?|\\d{4}年(底|末))$';

function typeSchema(t: FieldType, description?: string): Json {
  const d = description ? { description } : {};
  switch (t.kind) {
    case 'text':
      return { ...d, type: ['string', 'number'] };
    case 'enum':
      return { ...d, enum: Object.entries(t.values).flatMap(([k, a]) => [k, ...a]) };
    case 'date':
      return {
        ...d,
        anyOf: [
          { type: 'string', pattern: DATE_PATTERN },
          { type: 'integer', minimum: 1, maximum: 120000, description: 'Excel 日期序号' },
          ...(t.ongoing ? [{ enum: ['长期坚持', '长期'] }] : []),
        ],
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
  const allOf = fields
    .filter((f) => f.required)
    .map((f) => ({ anyOf: [...new Set([f.key, f.label, ...f.aliases])].map((n) => ({ required: [n] })) }));
  return { type: 'object', properties, ...(allOf.length ? { allOf } : {}) };
}

export function unitJsonSchema(): Json {
  const properties: Json = {};
  for (const s of SECTIONS) {
    const schema = typeSchema(s.type, s.label);
    for (const name of [s.key, ...s.aliases]) properties[name] = schema;
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://gongwen.dev/schema/unit.json',
    title: 'gongwen 单位数据',
    description: `一个单位的整改落实数据（SPEC §2）。“回头看”六项：${LOOKBACK_CHECKS.map((c) => c.question).join('、')}。`,
    type: 'object',
    properties,
  };
}
