// `gongwen schema`: the data's JSON Schema, every kind's fields included.
import { nodeWorld } from '../../world/node-world.js';
import { readConfig } from '../command-kit.js';

export async function run(): Promise<number> {
  const { unitJsonSchema } = await import('../../data/json-schema.js');
  const world = nodeWorld();
  const { config } = await readConfig(world);
  const { loadKinds } = await import('../../kinds/kind-registry.js');
  const { kindSections } = await import('../../kinds/kind-sections.js');
  const kinds = loadKinds(world, (await import('../config.js')).kindOptions(config)).kinds.map((k) => ({ names: [k.name, ...k.aliases], sections: kindSections(k) }));
  process.stdout.write(JSON.stringify(unitJsonSchema(kinds), null, 2) + '\n');
  return 0;
}
