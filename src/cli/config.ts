// The project config (gongwen.yaml in the current folder): defaults for the command-line options.
import { decodeText } from '../data/decode-text.js';
import { parse } from 'yaml';
import type { World } from '../world/world.js';
import type { RoleChoice } from '../fonts/font-sources.js';
import type { FontRole } from '../style/gbt9704.js';

export interface ProjectConfig {
  data?: string[];
  out?: string;
  templates?: string;
  fonts?: string[];
  formats?: string[];
  jobs?: number;
  /** The kind of a unit that names none (kind:), and the project's kinds folder (kinds:). */
  kind?: string;
  kinds?: string;
  /** The day check, render and summary judge the status as of (as_of:). */
  asOf?: string;
  /** The supervising office that signs the summary report (summary_issuer:). */
  summaryIssuer?: string;
  /** Fonts named per role (font_roles:), a family name or a file with a face index. */
  roles?: Partial<Record<FontRole, RoleChoice>>;
}

/** Role keys as gongwen.yaml may write them. */
const ROLE_KEYS: Record<string, FontRole> = {
  title: 'title',
  标题: 'title',
  小标宋: 'title',
  body: 'body',
  正文: 'body',
  仿宋: 'body',
  heading1: 'heading1',
  一级标题: 'heading1',
  黑体: 'heading1',
  heading2: 'heading2',
  二级标题: 'heading2',
  楷体: 'heading2',
  heading3: 'heading3',
  三级标题: 'heading3',
  pageNumber: 'pageNumber',
  page_number: 'pageNumber',
  页码: 'pageNumber',
  宋体: 'pageNumber',
};

/** `font_roles:` → role choices; a value ending in a font file extension is a file. */
function readRoles(v: unknown, problems: string[]): Partial<Record<FontRole, RoleChoice>> | undefined {
  if (v == null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) {
    problems.push(`${CONFIG_FILE}：font_roles 应为“角色: 字体”，例如 正文: 仿宋_GB2312`);
    return undefined;
  }
  const out: Partial<Record<FontRole, RoleChoice>> = {};
  for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
    const role = ROLE_KEYS[k];
    if (!role) {
      problems.push(`${CONFIG_FILE}：font_roles 中未知的角色“${k}”（可用：标题、正文、一级标题、二级标题、三级标题、页码），已忽略`);
      continue;
    }
    const one = (x: unknown): RoleChoice | undefined => {
      if (typeof x === 'string') return /\.(ttf|otf|ttc|otc|woff)$/i.test(x) ? { file: x } : { family: x };
      if (x && typeof x === 'object') {
        const o = x as Record<string, unknown>;
        const file = o.file ?? o['文件'];
        const index = Number(o.index ?? o['序号'] ?? 0);
        if (typeof file === 'string') return { file, index: Number.isInteger(index) && index >= 0 ? index : 0 };
        const family = o.family ?? o['名称'];
        if (typeof family === 'string') return { family };
      }
      return undefined;
    };
    const c = one(val);
    if (c) {
      out[role] = c;
      if (role === 'body' && !out.heading3) out.heading3 = c;
    } else problems.push(`${CONFIG_FILE}：font_roles 中“${k}”的值应为字体名称或 { file: 文件, index: 序号 }`);
  }
  return out;
}

export const CONFIG_FILE = 'gongwen.yaml';

const list = (v: unknown): string[] | undefined => (v == null ? undefined : Array.isArray(v) ? v.map(String) : [String(v)]);

export function readConfig(world: World): { config: ProjectConfig; problems: string[] } {
  if (!world.exists(CONFIG_FILE)) return { config: {}, problems: [] };
  const problems: string[] = [];
  let raw: unknown;
  try {
    const decoded = decodeText(world.readBytes(CONFIG_FILE), CONFIG_FILE);
    for (const d of decoded.diagnostics) problems.push(`${CONFIG_FILE}：${d.message}${d.hint ? `（${d.hint}）` : ''}`);
    if (decoded.text === undefined) return { config: {}, problems };
    raw = parse(decoded.text);
  } catch (e) {
    return { config: {}, problems: [`${CONFIG_FILE}：无法解析（${(e as Error).message.split('\n')[0]}）`] };
  }
  if (raw == null) return { config: {}, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { config: {}, problems: [`${CONFIG_FILE}：应为“键: 值”`] };
  const r = raw as Record<string, unknown>;
  const config: ProjectConfig = {};
  for (const k of Object.keys(r))
    if (!['data', 'out', 'templates', 'fonts', 'formats', 'jobs', 'font_roles', 'kind', 'kinds', '整改类型', 'as_of', '截至日期', 'summary_issuer', '汇总机关'].includes(k))
      problems.push(`${CONFIG_FILE}：未知的设置“${k}”，已忽略`);
  const data = list(r.data);
  if (data) config.data = data;
  if (r.out != null) config.out = String(r.out);
  if (r.templates != null) config.templates = String(r.templates);
  const kind = r.kind ?? r['整改类型'];
  if (kind != null) config.kind = String(kind);
  if (r.kinds != null) config.kinds = String(r.kinds);
  const issuer = r.summary_issuer ?? r['汇总机关'];
  if (issuer != null) config.summaryIssuer = String(issuer);
  const asOf = r.as_of ?? r['截至日期'];
  // YAML reads 2014-02-15 as a Date: back to the day it names.
  if (asOf != null) config.asOf = asOf instanceof Date ? asOf.toISOString().slice(0, 10) : String(asOf);
  const fonts = list(r.fonts);
  if (fonts) config.fonts = fonts;
  const formats = list(r.formats);
  if (formats) config.formats = formats;
  if (r.jobs != null) config.jobs = Number(r.jobs);
  const roles = readRoles(r.font_roles, problems);
  if (roles) config.roles = roles;
  return { config, problems };
}

/** The kinds options a command passes on: gongwen.yaml's kinds folder and default kind. */
export function kindOptions(config: ProjectConfig): { dir?: string; default?: string } {
  return { ...(config.kinds ? { dir: config.kinds } : {}), ...(config.kind ? { default: config.kind } : {}) };
}
