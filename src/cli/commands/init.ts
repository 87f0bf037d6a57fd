// `gongwen init`: a project that renders as it is (config, templates, an example unit of the kind).
import * as path from 'node:path';
import { UsageError, args } from '../command-kit.js';
import { nodeWorld } from '../../world/node-world.js';

export async function run(rest: string[]): Promise<number> {
  const { initProject, kindExample } = await import('../init.js');
  const { values, positionals } = args(rest, { kind: { type: 'string' } });
  const dir = positionals[0] ?? '.';
  const world = nodeWorld();
  // Built-in kinds only: the project and its kinds/ folder do not exist yet.
  const kind = values.kind === undefined ? undefined : (await import('../../kinds/kind-registry.js')).loadKinds(world, { dir: path.join(dir, 'kinds') }).resolve(String(values.kind));
  if (values.kind !== undefined && (!kind || !world.exists(kindExample(kind.name)))) {
    const names = (await import('../../kinds/kind-registry.js'))
      .loadKinds(world, { dir: path.join(dir, 'kinds') })
      .kinds.filter((k) => k.builtin)
      .map((k) => k.name);
    throw new UsageError(`未知的整改类型“${String(values.kind)}”（可用：${names.join('、')}）`);
  }
  const r = initProject(world, dir, kind?.name);
  for (const f of r.written) process.stdout.write(`已创建 ${f}\n`);
  for (const f of r.kept) process.stdout.write(`已存在，未改动 ${f}\n`);
  process.stdout.write(`\n下一步：${dir === '.' ? '' : `cd ${dir} && `}npx gongwen render\n`);
  return 0;
}
