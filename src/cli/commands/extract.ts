// `gongwen extract`: the unit data files a packet (.pdf or .ofd) carries, back out byte for byte.
import { UsageError, args, printDiagnostics } from '../command-kit.js';
import { nodeWorld } from '../../world/node-world.js';

export async function run(rest: string[]): Promise<number> {
  const { positionals } = args(rest, {});
  const [file, dir] = positionals;
  if (!file || !dir || positionals.length > 2) throw new UsageError('用法：gongwen extract 备案材料.pdf|备案材料.ofd 目录');
  const world = nodeWorld();
  if (!world.exists(file) || world.isDir(file)) throw new UsageError(`找不到文件“${file}”`);
  const { written, diagnostics } = await (await import('../../api/extract-packet.js')).extractPacket(world, file, dir);
  printDiagnostics(diagnostics, new Map());
  for (const w of written) process.stdout.write(`已取出 ${w.file}（${w.bytes} 字节）\n`);
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}
