// A kind file (kinds/<名称>.yaml) → Kind, every mistake a positioned E_KIND in that file.
import { error, warning, type Diagnostic, type Span } from '../diag/diagnostic.js';
import { nearest } from '../diag/nearest.js';
import { parseYaml, type YValue } from '../data/yaml-tree.js';
import { parseTerm, type Kind, type KindDoc, type KindDocPer, type KindText, type Term } from './kind.js';
import { kindSections } from './kind-sections.js';
import { needNames, needOf } from './needs.js';
import { fieldFor } from '../data/schema.js';

type Entry = Extract<YValue, { kind: 'map' }>['entries'][number];

/** The keys a kind file may use, canonical first, then the Chinese ones. */
const TOP = {
  name: ['名称'],
  aliases: ['别名'],
  inspector: ['检查机构', '巡视巡察组'],
  feedback: ['问题来源', '反馈'],
  feedback_date: ['反馈日期名称', '反馈日期'],
  category: ['问题类别'],
  required: ['必填'],
  deadlines: ['时限'],
  documents: ['文档'],
  packet: ['备案材料'],
  wording: ['用语'],
  evidence_required: ['销号需佐证'],
} as const;
const CATEGORY = { label: ['名称'], values: ['取值'], four_winds: ['四风'] } as const;
const REQUIRED = { unit: ['单位'], problems: ['问题清单', '问题'], measures: ['整改措施', '措施'] } as const;
const DEADLINES = { plan: ['整改方案'], report: ['整改情况报告', '整改报告'], immediate: ['立行立改'], remind: ['督办提前'] } as const;
const DOC = { id: ['编号'], template: ['模板'], name: ['名称'], title: ['标题'], needs: ['需要'], missing: ['缺少时'], per: ['每'], wording: ['用语'] } as const;
const PER: Record<string, KindDocPer> = {
  unit: 'unit',
  单位: 'unit',
  campaign: 'campaign',
  专项整治: 'campaign',
  leader: 'leader',
  班子成员: 'leader',
  closed_problem: 'closed_problem',
  已完成的问题: 'closed_problem',
  department_due: 'department_due',
  督办部门: 'department_due',
};

class Reader {
  readonly diagnostics: Diagnostic[] = [];
  fail(msg: string, span: Span, hint?: string): undefined {
    this.diagnostics.push(error('E_KIND', msg, span, hint));
    return undefined;
  }
  /** The entries of a map under known keys; unknown keys are warned about and left out. */
  fields<K extends string>(v: YValue, keys: Record<K, readonly string[]>, what: string): Partial<Record<K, Entry>> | undefined {
    if (v.kind !== 'map') return this.fail(`${what}应为键值表（“键: 值”）`, v.span);
    const out: Partial<Record<K, Entry>> = {};
    for (const e of v.entries) {
      const key = (Object.keys(keys) as K[]).find((k) => k === e.key || keys[k].includes(e.key));
      if (!key) {
        const near = nearest(
          e.key,
          Object.entries(keys).flatMap(([k, a]) => [k, ...(a as string[])]),
        );
        this.diagnostics.push(warning('W_KIND_KEY', `整改类型文件中未知的字段“${e.key}”（${what}），已忽略`, e.keySpan, near ? `是否想写“${near}”？` : undefined));
      } else if (out[key]) this.fail(`${what}的字段“${e.key}”重复`, e.keySpan);
      else out[key] = e;
    }
    return out;
  }
  text(e: Entry | undefined, what: string): string | undefined {
    if (!e) return undefined;
    const v = e.value;
    if (v.kind !== 'scalar' || v.value === null || typeof v.value === 'boolean') return this.fail(`“${what}”应为文字`, v.span);
    const s = String(v.value).trim();
    return s === '' ? this.fail(`“${what}”不能为空`, v.span) : s;
  }
  kindText(e: Entry | undefined, what: string): KindText | undefined {
    const s = this.text(e, what);
    return s === undefined ? undefined : { text: s, span: e!.value.span };
  }
  texts(e: Entry | undefined, what: string): string[] {
    if (!e) return [];
    const v = e.value;
    if (v.kind === 'scalar') return v.value === null ? [] : [String(v.value).trim()];
    if (v.kind !== 'seq') return this.fail(`“${what}”应为列表`, v.span) ?? [];
    return v.items.flatMap((it) => (it.kind === 'scalar' && it.value !== null ? [String(it.value).trim()] : (this.fail(`“${what}”的每一项应为文字`, it.span), [])));
  }
  term(e: Entry | undefined, what: string): Term | undefined {
    if (!e) return undefined;
    const v = e.value;
    const t = v.kind === 'scalar' && v.value !== null && typeof v.value !== 'boolean' ? parseTerm(v.value) : undefined;
    if (!t) return this.fail(`“${what}”应为期限，如 30（天）、30日、2个月；这里是“${v.kind === 'scalar' ? String(v.value) : '非文字'}”`, v.span);
    return t;
  }
  bool(e: Entry | undefined, what: string): boolean {
    if (!e) return false;
    const v = e.value;
    if (v.kind === 'scalar' && (v.value === true || v.value === '是')) return true;
    if (v.kind === 'scalar' && (v.value === false || v.value === '否')) return false;
    return this.fail(`“${what}”应为是/否（true/false）`, v.span) ?? false;
  }
  wording(e: Entry | undefined, what: string): Record<string, KindText> {
    const out: Record<string, KindText> = Object.create(null) as Record<string, KindText>;
    if (!e) return out;
    if (e.value.kind !== 'map') return this.fail(`“${what}”应为键值表（用语名: 文字）`, e.value.span) ?? out;
    for (const w of e.value.entries) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$|^[\u4e00-\u9fff]+$/.test(w.key)) {
        this.fail(`用语名“${w.key}”只能用字母、数字和下划线，或汉字`, w.keySpan);
        continue;
      }
      const t = this.kindText(w, `${what}.${w.key}`);
      if (t) out[w.key] = t;
    }
    return out;
  }
}

const TEMPLATE_ID = /^[A-Za-z0-9_-]+$/;

function readDoc(r: Reader, v: YValue, i: number): KindDoc | undefined {
  const f = r.fields(v, DOC, `第 ${i + 1} 个文档`);
  if (!f) return undefined;
  const id = r.text(f.id, '文档编号');
  const template = r.text(f.template, '模板') ?? id;
  const name = r.text(f.name, '文档名称');
  if (!id || !name) return r.fail(`第 ${i + 1} 个文档缺少${!id ? '编号（id）' : '名称（name）'}`, v.span);
  if (!TEMPLATE_ID.test(id)) return r.fail(`文档编号“${id}”只能用字母、数字、- 和 _`, f.id!.value.span);
  if (!template || !TEMPLATE_ID.test(template)) return r.fail(`模板“${template}”只能用字母、数字、- 和 _（对应 templates/<模板>.md.hbs）`, (f.template ?? f.id)!.value.span);
  const perText = r.text(f.per, '每');
  const per = perText === undefined ? 'unit' : PER[perText];
  if (!per)
    return r.fail(
      `“每”的取值“${perText}”不在允许范围内`,
      f.per!.value.span,
      '允许的取值：unit（单位）、campaign（专项整治）、leader（班子成员）、closed_problem（已完成的问题）、department_due（督办部门）',
    );
  const title = r.kindText(f.title, '标题');
  const missing = r.text(f.missing, '缺少时');
  return { id, template, name, ...(title ? { title } : {}), needs: r.texts(f.needs, '需要'), ...(missing ? { missing } : {}), per, wording: r.wording(f.wording, '用语'), span: v.span };
}

/** Reads one kind file; `kind` is undefined when it cannot be used at all. */
export function readKind(text: string, file: string, builtin: boolean): { kind?: Kind; diagnostics: Diagnostic[] } {
  const r = new Reader();
  const parsed = parseYaml(text, file);
  r.diagnostics.push(...parsed.diagnostics);
  const root = parsed.value;
  if (!root) return { diagnostics: r.diagnostics };
  const top = r.fields(root, TOP, '整改类型');
  if (!top) return { diagnostics: r.diagnostics };
  const name = r.text(top.name, '名称');
  if (!name) {
    if (!top.name) r.fail('整改类型文件缺少“名称”（name），如 名称: 巡察整改', root.span);
    return { diagnostics: r.diagnostics };
  }
  const cat = top.category ? r.fields(top.category.value, CATEGORY, '问题类别') : {};
  const req = top.required ? r.fields(top.required.value, REQUIRED, '必填') : undefined;
  const dl = top.deadlines ? r.fields(top.deadlines.value, DEADLINES, '时限') : {};
  const documents: KindDoc[] = [];
  if (!top.documents || top.documents.value.kind !== 'seq' || !top.documents.value.items.length) {
    r.fail('整改类型应列出它的文档（documents / 文档），至少一份', top.documents?.value.span ?? root.span);
  } else {
    top.documents.value.items.forEach((it, i) => {
      const d = readDoc(r, it, i);
      if (!d) return;
      if (documents.some((x) => x.id === d.id && x.per === d.per)) r.fail(`文档编号“${d.id}”重复`, it.span);
      else documents.push(d);
    });
  }
  const packet = r.texts(top.packet, '备案材料');
  for (const [i, id] of packet.entries()) {
    if (!documents.some((d) => d.id === id)) {
      const at = top.packet!.value.kind === 'seq' ? top.packet!.value.items[i]!.span : top.packet!.value.span;
      r.fail(`备案材料中的“${id}”不是本整改类型的文档`, at, `本类型的文档：${documents.map((d) => d.id).join('、')}`);
    }
  }
  const values = cat?.values ? r.texts(cat.values, '问题类别.取值') : undefined;
  const plan = r.term(dl?.plan, '时限.整改方案');
  const report = r.term(dl?.report, '时限.整改情况报告');
  const immediate = r.term(dl?.immediate, '时限.立行立改');
  const remind = r.term(dl?.remind, '时限.督办提前');
  const inspector = r.text(top.inspector, '检查机构');
  const feedback = r.text(top.feedback, '问题来源');
  const feedbackDate = r.text(top.feedback_date, '反馈日期名称');
  const kind: Kind = {
    name,
    aliases: r.texts(top.aliases, '别名'),
    file,
    builtin,
    ...(inspector ? { inspector } : {}),
    ...(feedback ? { feedback } : {}),
    ...(feedbackDate ? { feedbackDate } : {}),
    category: { label: r.text(cat?.label, '问题类别.名称') ?? '问题类别', ...(values?.length ? { values } : {}), fourWinds: r.bool(cat?.four_winds, '问题类别.四风') },
    evidenceRequired: r.bool(top.evidence_required, '销号需佐证'),
    ...(req ? { required: { unit: r.texts(req.unit, '必填.单位'), problems: r.texts(req.problems, '必填.问题清单'), measures: r.texts(req.measures, '必填.整改措施') } } : {}),
    deadlines: { ...(plan ? { plan } : {}), ...(report ? { report } : {}), ...(immediate ? { immediate } : {}), ...(remind ? { remind } : {}) },
    documents,
    packet,
    wording: r.wording(top.wording, '用语'),
    span: root.span,
  };
  if (req) checkRequired(r, kind, req);
  if (top.documents?.value.kind === 'seq') checkNeeds(r, kind, top.documents.value.items);
  return { kind, diagnostics: r.diagnostics };
}

/** Every field named under 必填 (key, label or alias) becomes that field's key; an unknown one is an error at its line. */
function checkRequired(r: Reader, kind: Kind, req: Partial<Record<keyof typeof REQUIRED, Entry>>): void {
  const secs = kindSections({ ...kind, required: undefined });
  for (const sec of ['unit', 'problems', 'measures'] as const) {
    const e = req[sec];
    if (!e) continue;
    const spec = secs.find((s) => s.key === sec)!.type;
    const fields = spec.kind === 'object' ? spec.fields : spec.kind === 'list' && spec.of.kind === 'object' ? spec.of.fields : [];
    const items = e.value.kind === 'seq' ? e.value.items : [e.value];
    const keys: string[] = [];
    for (const it of items) {
      if (it.kind !== 'scalar' || it.value === null) continue;
      const name = String(it.value).trim();
      const field = fieldFor(fields, name);
      if (field) keys.push(field.key);
      else {
        const near = nearest(
          name,
          fields.flatMap((x) => [x.key, x.label]),
        );
        r.fail(`必填字段“${name}”不是“${e.key}”的字段${near ? `；最接近的是“${near}”` : ''}`, it.span, `可用：${fields.map((x) => `${x.key}（${x.label}）`).join('、')}`);
      }
    }
    kind.required![sec] = keys;
  }
}

/** Every `需要` entry names a section, a unit field or a known condition. */
function checkNeeds(r: Reader, kind: Kind, docs: readonly YValue[]): void {
  for (const d of docs) {
    if (d.kind !== 'map') continue;
    const e = d.entries.find((x) => x.key === 'needs' || DOC.needs.includes(x.key as never));
    if (!e) continue;
    const items = e.value.kind === 'seq' ? e.value.items : [e.value];
    for (const it of items) {
      if (it.kind !== 'scalar' || it.value === null) continue;
      const name = String(it.value).trim();
      if (!needOf(name, kind)) r.fail(`“需要”中的“${name}”不是已知的数据或条件`, it.span, `可用：${needNames().join('、')}`);
    }
  }
}
