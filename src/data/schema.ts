// The data schema in one place: sections, fields, Chinese aliases, enum values (SPEC §2).
// The loader, the review rules and `gongwen schema` (JSON Schema) are all driven by this table.

/**
 * A column header or key as offices write it → the form the aliases use: no spaces or line breaks
 * (“完成\n时限”), no required-field marks (“*”, “（必填）”), no trailing colon.
 */
export function normalizeHeader(raw: string): string {
  return raw
    .replace(/[\s\u3000]+/g, '')
    .replace(/^[*＊]+|[*＊]+$/g, '')
    .replace(/[（(][^（）()]*(必填|选填|可选|必选|填写|可不填)[^（）()]*[）)]$/, '')
    .replace(/[:：]$/, '')
    .replace(/^[*＊]+|[*＊]+$/g, '');
}

export interface EnumSpec {
  kind: 'enum';
  /** canonical value → Chinese label first, then other aliases */
  values: Record<string, readonly string[]>;
}
export type FieldType =
  /** `join`: a list of names is taken too, joined (签发人: [张三, 李四] → 张三、李四). */
  | { kind: 'text'; join?: string }
  | EnumSpec
  | { kind: 'date'; ongoing?: boolean }
  | { kind: 'bool' }
  | { kind: 'refs' }
  | { kind: 'object'; fields: readonly FieldSpec[] }
  | { kind: 'list'; of: FieldType; min?: number };

export interface FieldSpec {
  key: string;
  /** Chinese name used in messages and accepted as an alias. */
  label: string;
  aliases: readonly string[];
  type: FieldType;
  required?: boolean;
}

export interface SectionSpec {
  key: string;
  label: string;
  /** aliases for the key and for a file name holding the section */
  aliases: readonly string[];
  type: FieldType;
}

const text = { kind: 'text' } as const;
const date = { kind: 'date' } as const;
const dateOrOngoing = { kind: 'date', ongoing: true } as const;

/**
 * A field of the table (kinds add theirs with it too). Generic so the data's types are read off the
 * table (data/types.ts): the key, the type and whether it is required stay literal.
 */
export function f<const K extends string, const T extends FieldType, const R extends boolean = false>(
  key: K,
  label: string,
  aliases: readonly string[],
  type: T,
  required?: R,
): { key: K; label: string; aliases: readonly string[]; type: T; required: R } {
  return { key, label, aliases, type, required: (required ?? false) as R };
}
export function obj<const F extends readonly FieldSpec[]>(fields: F): { kind: 'object'; fields: F } {
  return { kind: 'object', fields };
}
function list<const T extends FieldType>(of: T, min?: number): { kind: 'list'; of: T; min?: number } {
  return min === undefined ? { kind: 'list', of } : { kind: 'list', of, min };
}
export function enumOf<const V extends Record<string, readonly string[]>>(values: V): { kind: 'enum'; values: V } {
  return { kind: 'enum', values };
}

export const CATEGORY = enumOf({
  government: ['党政机关'],
  soe: ['国有企业', '国企'],
  university: ['高校', '高等学校'],
  service: ['执法监管部门和窗口单位', '窗口单位', '服务行业'],
});
export const WIND = enumOf({
  formalism: ['形式主义'],
  bureaucratism: ['官僚主义'],
  hedonism: ['享乐主义'],
  extravagance: ['奢靡之风'],
});
export const SCOPE = enumOf({ collective: ['班子', '领导班子'], individual: ['个人'] });
export const LAYER = enumOf({
  thinking: ['思想层面', '思想'],
  work: ['工作层面', '工作'],
  system: ['制度层面', '制度'],
});
export const TERM = enumOf({
  immediate: ['当前能够解决', '立行立改', '当前'],
  long_term: ['需长期努力', '长期'],
});
export const STATUS = enumOf({
  not_started: ['未开始', '尚未整改', '尚未开始', '未启动'],
  in_progress: ['进行中', '推进中', '正在推进', '正在整改', '整改中'],
  done: ['已完成', '完成', '已完成整改', '已整改', '已办结', '已销号'],
  // 长期整改: a measure that never ends (建章立制, 常态化 work); counted apart from those under way.
  long_term: ['长期坚持', '长期整改', '持续推进', '常态化', '长期'],
});
export const ORIGIN = enumOf({ central: ['中央确定', '中央'], municipal: ['市委要求', '市委'], own: ['自定'] });
export const REG_ACTION = enumOf({ new: ['制定', '新建'], revise: ['完善', '修订'], repeal: ['废止'] });
export const REG_KIND = enumOf({
  work: ['工作制度'],
  management: ['管理制度'],
  evaluation: ['考核制度'],
  supervision: ['督促检查制度'],
});
export const VERDICT = enumOf({ solid: ['扎实', '达标'], remedial: ['需补课', '补课'], redo: ['返工重来', '返工'] });

export const UNIT = obj([
  f('name', '单位名称', ['单位名称', '名称'], text, true),
  f('short_name', '简称', ['简称'], text),
  f('category', '单位类别', ['单位类别', '类别'], CATEGORY),
  f('issuer', '发文机关', ['发文机关'], text, true),
  f('doc_number_prefix', '发文字号前缀', ['发文字号前缀', '机关代字'], text),
  f('doc_number', '发文字号序号', ['发文字号序号', '文号序号'], text),
  // The 回头看 report's own number (the unit's doc_number is the 整改方案's).
  f('report_doc_number', '报告发文字号序号', ['报告发文字号序号', '报告文号序号'], text),
  // Each further document's own 序号 (上行文 reports: 备案报告, 整改情况报告 …), by the document's name.
  f('doc_numbers', '各文件文号', ['各文件文号', '各文件发文字号'], list(obj([f('document', '文件', ['文件', '文档', '名称'], text, true), f('number', '序号', ['序号', '发文字号序号'], text, true)]))),
  f('filing_to', '备案机关', ['备案机关', '报送机关'], text, true),
  // 签发人 of the unit's 上行文 (the 回头看 report): one name or several, 张三、李四.
  f('signers', '签发人', ['签发人'], { kind: 'text', join: '、' }),
  f('supervisor', '督导组', ['督导组'], text),
  // The 印发通知 of the 整改方案: whom it goes to, and whether the packet files it in place of the bare 整改方案.
  f('notice_to', '印发通知主送机关', ['印发通知主送机关', '印发范围'], text),
  f('issue_notice', '以印发通知备案', ['以印发通知备案', '印发通知'], { kind: 'bool' }),
  // The packet opens with the 备案报告 (a 上行文 naming what it files).
  f('filing_report', '附备案报告', ['附备案报告', '备案报告'], { kind: 'bool' }),
  // The unit stamps its documents: 署名 and 成文日期 set for the seal (GB/T 9704 §7.3.5.1).
  f('sealed', '加盖印章', ['加盖印章', '盖章'], { kind: 'bool' }),
  f('contact', '联系人', ['联系人'], obj([f('name', '姓名', ['姓名', '联系人'], text), f('phone', '联系电话', ['电话', '联系电话'], text)])),
  f('date', '成文日期', ['成文日期', '日期'], date),
]);

export const PROBLEM = obj([
  f('id', '编号', ['编号', '序号', '问题编号', '问题序号'], text),
  f('text', '问题描述', ['问题', '问题描述', '问题表现', '存在问题', '存在的问题', '主要问题', '问题内容', '具体问题', '查摆问题', '突出问题'], text, true),
  f('wind', '四风类别', ['四风类别', '四风', '类别', '问题类别', '问题类型', '问题分类', '四风问题类别', '所属类别', '类型'], WIND, true),
  f('scope', '责任主体', ['责任主体', '问题主体', '主体'], SCOPE, true),
  f('person', '责任人', ['责任人', '具体责任人', '个人责任人'], text),
  f('layer', '问题层面', ['问题层面', '层面'], LAYER),
  f('term', '解决时限类型', ['解决时限类型', '时限类型', '整改类型', '解决类型'], TERM),
  f('source', '来源', ['来源', '问题来源'], text),
]);

export const MEASURE = obj([
  f('problem', '对应问题', ['对应问题', '问题编号', '问题序号', '对应问题编号'], { kind: 'refs' }),
  f('action', '整改措施', ['整改措施', '措施', '具体措施', '整改举措', '主要措施', '整改内容', '整改措施及要求'], text, true),
  f('goal', '整改目标', ['整改目标', '目标', '预期目标', '目标要求', '整改要求'], text, true),
  f('deadline', '完成时限', ['完成时限', '时限', '整改时限', '时限要求', '完成时间', '整改期限', '完成期限', '办结时限', '截止时间'], dateOrOngoing, true),
  f('leader', '责任领导', ['责任领导', '分管领导', '牵头领导', '责任人'], text, true),
  f('department', '责任部门', ['责任部门', '责任单位', '牵头部门', '责任处室', '牵头单位', '责任科室', '承办部门', '落实部门'], text, true),
  f('status', '进展', ['进展', '整改状态', '状态', '完成状态', '是否完成'], STATUS),
  f('progress', '进展情况', ['进展情况', '完成情况', '整改进展', '整改情况', '整改进度', '落实情况', '整改完成情况'], text),
  f('public', '是否公开', ['是否公开', '公开'], { kind: 'bool' }),
]);

export const ROADMAP = obj([
  f('phase', '阶段', ['阶段'], text, true),
  f('from', '开始时间', ['开始时间', '起始时间', '开始'], date),
  f('to', '结束时间', ['结束时间', '结束'], date),
  f('tasks', '主要任务', ['主要任务', '任务'], text),
]);

export const STEP = obj([f('action', '措施', ['措施', '内容'], text, true), f('deadline', '完成时限', ['完成时限', '时限'], dateOrOngoing)]);

export const CAMPAIGN = obj([
  f('title', '专项整治名称', ['专项整治名称', '名称'], text, true),
  f('origin', '来源', ['来源'], ORIGIN),
  f('target', '整治内容', ['整治内容', '整治重点'], text),
  f('lead_department', '牵头部门', ['牵头部门'], text, true),
  f('owner', '具体责任人', ['具体责任人', '责任人'], text, true),
  f('steps', '推进措施', ['推进措施', '步骤'], list(STEP, 1), true),
  f('evaluation', '检查评估', ['检查评估'], text, true),
  f('accountability', '监督问责', ['监督问责'], text, true),
  f('deadline', '完成时限', ['完成时限', '时限'], dateOrOngoing),
]);

export const REGULATION = obj([
  f('title', '制度名称', ['制度名称', '名称'], text, true),
  f('action', '建设方式', ['类型', '建设方式', '方式'], REG_ACTION, true),
  f('kind', '制度类别', ['制度类别', '类别'], REG_KIND),
  f('purpose', '针对问题', ['针对问题', '目的'], text),
  f('department', '牵头部门', ['牵头部门', '责任部门'], text, true),
  f('deadline', '完成时限', ['完成时限', '时限', '整改时限', '时限要求', '完成时间', '整改期限', '完成期限', '办结时限', '截止时间'], dateOrOngoing, true),
]);

export const CHECK = obj([
  f('verdict', '结论', ['结论', '评价'], VERDICT, true),
  f('findings', '情况', ['情况', '发现问题'], text, true),
  f('remedy', '补课措施', ['补课措施', '整改措施'], text),
  f('done_on', '完成时间', ['完成时间'], date),
]);

/** The six checks of the 回头看, in the notice's order (一看 … 六看). */
export const LOOKBACK_CHECKS: readonly { key: string; label: string; question: string; aliases: readonly string[] }[] = [
  { key: 'study', label: '学习教育', question: '学习教育是否扎实', aliases: ['学习教育'] },
  { key: 'problems', label: '查摆问题', question: '查摆问题是否聚焦', aliases: ['查摆问题'] },
  { key: 'analysis', label: '自我剖析', question: '自我剖析是否深刻', aliases: ['自我剖析'] },
  { key: 'heart_to_heart', label: '谈心交心', question: '谈心交心是否充分', aliases: ['谈心交心'] },
  { key: 'criticism', label: '开展批评', question: '开展批评是否认真', aliases: ['开展批评'] },
  { key: 'rectification', label: '边查边改', question: '边查边改是否见效', aliases: ['边查边改'] },
];

const LOOKBACK = obj(LOOKBACK_CHECKS.map((c) => f(c.key, c.question, c.aliases, CHECK, true)));

export const LEADER_MEASURE = obj([
  f('action', '整改措施', ['措施', '整改措施'], text, true),
  f('goal', '整改目标', ['目标', '整改目标'], text),
  f('deadline', '完成时限', ['时限', '完成时限'], dateOrOngoing),
]);

export const LEADER = obj([
  f('name', '姓名', ['姓名'], text, true),
  f('title', '职务', ['职务'], text),
  f('problems', '问题', ['问题'], { kind: 'refs' }),
  f('measures', '整改措施', ['整改措施'], list(LEADER_MEASURE)),
]);

/** A document gongwen did not make, filed with the packet: a scanned 备案表, a 会议记录 … */
export const ATTACHMENT = obj([
  f('title', '附件名称', ['附件名称', '标题', '名称'], text),
  f('file', '文件', ['文件', '路径', '文件路径'], text, true),
  f('after', '放在', ['放在', '放在之后', '位置'], text),
]);

export const SECTIONS = [
  { key: 'unit', label: '单位', aliases: ['单位', '单位信息'], type: UNIT },
  { key: 'problems', label: '问题清单', aliases: ['问题清单', '问题'], type: list(PROBLEM) },
  { key: 'measures', label: '整改措施', aliases: ['整改措施', '任务书', '整改台账', '问题清单和整改台账', '整改任务'], type: list(MEASURE) },
  { key: 'roadmap', label: '路线图', aliases: ['路线图', '时间表'], type: list(ROADMAP) },
  { key: 'campaigns', label: '专项整治', aliases: ['专项整治', '专项整治清单'], type: list(CAMPAIGN) },
  { key: 'regulations', label: '制度建设计划', aliases: ['制度建设计划', '制度建设', '制度建设清单'], type: list(REGULATION) },
  { key: 'lookback', label: '回头看', aliases: ['回头看'], type: LOOKBACK },
  { key: 'leaders', label: '领导班子', aliases: ['领导班子', '班子成员', '领导班子成员'], type: list(LEADER) },
  { key: 'attachments', label: '附件材料', aliases: ['附件材料', '扫描件', '备案附件'], type: list(ATTACHMENT) },
] as const satisfies readonly SectionSpec[];

/** Finds the section a top-level key or a file's base name stands for. */
export function sectionFor(name: string): SectionSpec | undefined {
  const n = normalizeHeader(name);
  return (SECTIONS as readonly SectionSpec[]).find((s) => s.key === n || s.aliases.includes(n));
}

/** Resolves a key (canonical or alias) among the fields of an object. */
export function fieldFor(fields: readonly FieldSpec[], name: string): FieldSpec | undefined {
  const n = normalizeHeader(name);
  return fields.find((fs) => fs.key === n) ?? fields.find((fs) => fs.label === n || fs.aliases.includes(n));
}

/** Resolves an enum value (canonical or alias) to its canonical value. */
export function enumValue(spec: EnumSpec, raw: string): string | undefined {
  const v = raw.replace(/\s+/g, '');
  // Sheets write the category as “形式主义方面”, “形式主义问题” or “形式主义类” just as often.
  for (const w of [v, v.replace(/(方面的?问题|方面|问题|类)$/, '')]) {
    for (const [canon, aliases] of Object.entries(spec.values)) {
      if (canon === w || aliases.includes(w)) return canon;
    }
  }
  return undefined;
}

/** The Chinese label of a canonical enum value. */
export function enumLabel(spec: EnumSpec, canon: string): string {
  return spec.values[canon]?.[0] ?? canon;
}

export const ENUMS = { CATEGORY, WIND, SCOPE, LAYER, TERM, STATUS, ORIGIN, REG_ACTION, REG_KIND, VERDICT } as const;
