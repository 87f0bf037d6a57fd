// The project config (gongwen.yaml in the current folder): defaults for the command-line options.
import { decodeText } from '../data/decode-text.js';
import { parse } from 'yaml';
import type { World } from '../world/world.js';

export interface ProjectConfig {
  data?: string[];
  out?: string;
  templates?: string;
  fonts?: string[];
  formats?: string[];
  jobs?: number;
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
  for (const k of Object.keys(r)) if (!['data', 'out', 'templates', 'fonts', 'formats', 'jobs'].includes(k)) problems.push(`${CONFIG_FILE}：未知的设置“${k}”，已忽略`);
  const data = list(r.data);
  if (data) config.data = data;
  if (r.out != null) config.out = String(r.out);
  if (r.templates != null) config.templates = String(r.templates);
  const fonts = list(r.fonts);
  if (fonts) config.fonts = fonts;
  const formats = list(r.formats);
  if (formats) config.formats = formats;
  if (r.jobs != null) config.jobs = Number(r.jobs);
  return { config, problems };
}
