// `gongwen preview`: the loopback preview server until Ctrl-C.
import { UsageError, args, readConfig, fontOptions } from '../command-kit.js';
import { nodeWorld } from '../../world/node-world.js';

export async function run(rest: string[]): Promise<number> {
  const [{ startPreview }, { FontBook }] = await Promise.all([import('../../preview/server.js'), import('../../fonts/font-book.js')]);
  const { values, positionals } = args(rest, {
    port: { type: 'string', short: 'p', default: '4173' },
    templates: { type: 'string' },
    fonts: { type: 'string' },
    'no-system-fonts': { type: 'boolean', default: false },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port 应为 0 到 65535 的整数');
  const world = nodeWorld();
  const { config, problems } = await readConfig(world);
  for (const p of problems) process.stderr.write(`警告：${p}\n`);
  const fonts = FontBook.load(world, fontOptions(values, config));
  const server = await startPreview(world, {
    port,
    inputs: positionals.length ? positionals : (config.data ?? ['data']),
    templatesDir: String(values.templates ?? config.templates ?? 'templates'),
    kinds: (await import('../config.js')).kindOptions(config),
    fonts,
    watch: [(await import('../config.js')).CONFIG_FILE],
    log: (m) => process.stderr.write(`${m}\n`),
  });
  process.stdout.write(`预览：${server.url}（仅本机可访问；Ctrl-C 退出）\n`);
  await new Promise<void>((resolve) => {
    const stop = () => void server.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
