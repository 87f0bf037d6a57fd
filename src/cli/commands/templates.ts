// `gongwen templates`: every kind with its documents and templates, then the templates found.
import { readConfig } from '../command-kit.js';
import { nodeWorld } from '../../world/node-world.js';
import { formatDiagnostics } from '../../diag/format.js';
import { sortDiagnostics } from '../../diag/diagnostic.js';

export async function run(): Promise<number> {
  const { listTemplates } = await import('../../template/template-store.js');
  const { loadKinds } = await import('../../kinds/kind-registry.js');
  const world = nodeWorld();
  const { config } = await readConfig(world);
  const registry = loadKinds(world, (await import('../config.js')).kindOptions(config));
  const list = listTemplates(world, config.templates ?? 'templates');
  const { docTypes } = await import('../../api/documents.js');
  const out: string[] = ['整改类型（单位中写 整改类型: 名称；gongwen.yaml 中 kind: 设默认类型）：'];
  for (const k of registry.kinds) {
    out.push(`${k.name}${k.aliases.length ? `（又称 ${k.aliases.join('、')}）` : ''}  ${k.builtin ? '内置' : '项目'}  ${k.file}${k.name === registry.defaultKind ? '  默认' : ''}`);
    for (const t of docTypes(k)) {
      const tpl = list.find((x) => x.id === t.template);
      out.push(`    ${t.id}  ${t.name}  模板 ${t.template}${tpl ? `（${tpl.builtin ? '内置' : '项目'}）` : '（找不到模板文件）'}  数据：${t.needs}`);
    }
  }
  out.push('', '模板：');
  for (const t of list) out.push(`${t.id}  ${t.builtin ? '内置' : '项目'}  ${t.file}`);
  process.stdout.write(out.join('\n') + '\n');
  if (registry.diagnostics.length) process.stdout.write('\n' + formatDiagnostics(sortDiagnostics(registry.diagnostics), (f) => (world.exists(f) ? world.readText(f) : undefined)) + '\n');
  return registry.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}
