// `gongwen fonts`: the face each role uses, why, what was passed over, and the fallback order.
import { args, readConfig, fontOptions } from '../command-kit.js';
import { nodeWorld } from '../../world/node-world.js';

export async function run(rest: string[]): Promise<number> {
  const { FontBook } = await import('../../fonts/font-book.js');
  const { gb2312Coverage } = await import('../../fonts/gb2312-coverage.js');
  const { values } = args(rest, { fonts: { type: 'string' }, 'no-system-fonts': { type: 'boolean', default: false }, json: { type: 'boolean', default: false } });
  // `gongwen fonts | head`: a closed pipe ends the listing, not the process with a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  const world = nodeWorld();
  const { config, problems } = await readConfig(world);
  const book = FontBook.load(world, fontOptions(values, config));
  const names: Record<string, string> = {
    title: '标题（小标宋）',
    body: '正文（仿宋）',
    heading1: '一级标题（黑体）',
    heading2: '二级标题（楷体）',
    heading3: '三级标题（仿宋）',
    pageNumber: '页码（宋体）',
  };
  const warnings = [...problems, ...book.problems];
  if (values.json) {
    const roles = book.resolutions.map((r) => ({
      role: r.role,
      file: book.sources[r.role].file,
      index: book.sources[r.role].index ?? 0,
      family: book.sources[r.role].family ?? null,
      label: book.sources[r.role].label,
      licence: book.sources[r.role].licence,
      why: book.sources[r.role].why ?? '默认开源字体',
      passedOver: r.passedOver,
      gb2312: gb2312Coverage(book.roles[r.role]),
    }));
    process.stdout.write(JSON.stringify({ roles, fallback: book.fallbackOrder(), faces: book.catalog.faces.length, warnings }, null, 2) + '\n');
    return 0;
  }
  for (const r of book.resolutions) {
    const src = book.sources[r.role];
    process.stdout.write(
      `${names[r.role] ?? r.role}\n    ${src.label}  ${src.licence}\n    ${src.file}${src.index ? ` #${src.index}` : ''}\n    选择依据：${src.why ?? '没有找到可接受的字体，使用开源替代字体'}\n    覆盖 GB2312 汉字 ${gb2312Coverage(book.roles[r.role])}/6763\n`,
    );
    for (const p of r.passedOver.slice(0, 5)) process.stdout.write(`    未选：${p}\n`);
  }
  process.stdout.write(`\n补字顺序（本角色字体没有的字依次在这些字体中查找，同风格优先）：共找到 ${book.catalog.faces.length} 个字体\n`);
  for (const [style, faces] of Object.entries(book.fallbackOrder())) process.stdout.write(`    ${style}：${faces.slice(0, 6).join('、')}${faces.length > 6 ? ` 等 ${faces.length} 个` : ''}\n`);
  if (Object.values(book.sources).every((s) => !s.tier)) {
    process.stdout.write(
      '\n未找到方正小标宋简体、仿宋_GB2312、黑体、楷体_GB2312、宋体等字体，使用开源替代字体。\n把这些字体文件放进项目的 fonts/ 目录（或用 --fonts 指定），或在 gongwen.yaml 的 font_roles 中指定。\n',
    );
  }
  for (const w of warnings) process.stdout.write(`警告：${w}\n`);
  return 0;
}
