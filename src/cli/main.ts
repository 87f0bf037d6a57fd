// gongwen command line: argv → a command in cli/commands/. The only place that prints and sets exit
// codes. Only what every command needs is imported here; each command loads its own modules (a cold
// `--help` or `check` must not pay for exceljs, docx, pdf-lib, fontkit or the preview server).
import { FORMATS } from '../backends/writers.js';
import { UsageError } from './command-kit.js';

const HELP = `gongwen — 把 YAML 数据排成符合 GB/T 9704-2012 的公文（.docx、PDF/A 和 OFD）

用法：
  gongwen render [输入…] [--out out] [--only 文档,…] [--format ${FORMATS.join(',')}] [--jobs N] [--shard k/n] [--fonts 目录] [--no-pdfa] [--as-of 日期]
  gongwen check  [输入…] [--format text|json] [--as-of 日期]   校验数据和审核规则（截至该日超期的措施，默认今天），不写文件
  gongwen summary [输入…] [--as-of 日期] [--out summary] [--format ${FORMATS.join(',')}] [--issuer 机关]
                                                 多个单位的整改情况汇总表和汇总报告（截至该日，默认今天）
  gongwen init [目录] [--kind 整改类型]          创建一个可以直接生成的项目（配置、模板、示例单位）
  gongwen import 表格.xlsx|.csv [--sheet 名称] [--as problems|measures|…] [-o 文件.yaml] [--unit 目录] [--kind 整改类型] [--max-rows N] [--max-mb N]
                                                 把电子表格转成 YAML 数据
  gongwen preview [输入…] [--port 4173]           本机预览：保存模板或数据后页面自动更新
  gongwen extract 备案材料.pdf|.ofd 目录         取出备案材料中嵌入的单位数据文件（原样）
  gongwen templates                              列出内置模板和项目模板
  gongwen fonts [--fonts 目录]                   列出 PDF 各角色使用的字体文件
  gongwen schema                                 输出数据的 JSON Schema

输入默认为 data/，输出默认为 out/。各整改类型的文档见 gongwen templates；filing-packet 为备案材料（.pdf/.ofd）。
格式默认为 docx,pdf；加上 ofd 另出 GB/T 33190 版式文档（与 PDF 同版面）。
退出码：0 全部成功；1 有单位失败（其他单位照常生成）；2 用法错误。`;

/** Each command's module, loaded when it runs. */
const COMMANDS: Record<string, () => Promise<{ run(rest: string[]): Promise<number> }>> = {
  render: () => import('./commands/render.js'),
  check: () => import('./commands/check.js'),
  summary: () => import('./commands/summary.js'),
  schema: () => import('./commands/schema.js'),
  templates: () => import('./commands/templates.js'),
  fonts: () => import('./commands/fonts.js'),
  init: () => import('./commands/init.js'),
  preview: () => import('./commands/preview.js'),
  import: () => import('./commands/import.js'),
  extract: () => import('./commands/extract.js'),
};

/** The commands that render templates: they keep compiled templates (and DOCX skeletons) in the user's cache folder. */
const TEMPLATED = new Set(['render', 'check', 'summary', 'preview']);

async function keepCompiledTemplates(): Promise<void> {
  const [{ useCompiledStore }, { useSkeletonStore }, { templateCache, buildStore }, { nodeWorld }] = await Promise.all([
    import('../template/compiled-store.js'),
    import('../backends/docx/skeleton-store.js'),
    import('../world/template-cache.js'),
    import('../world/node-world.js'),
  ]);
  const world = nodeWorld(process.cwd());
  useCompiledStore(templateCache(world));
  useSkeletonStore(buildStore(world, 'docx'));
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    if (cmd === undefined || cmd === 'help' || cmd === '--help' || cmd === '-h') {
      process.stdout.write(HELP + '\n');
      return cmd === undefined ? 2 : 0;
    }
    const load = Object.hasOwn(COMMANDS, cmd) ? COMMANDS[cmd] : undefined;
    if (!load) throw new UsageError(`未知的命令“${cmd}”`);
    if (TEMPLATED.has(cmd)) await keepCompiledTemplates();
    return await (await load()).run(rest);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`用法错误：${(e as Error).message}\n\n${HELP}\n`);
      return 2;
    }
    throw e;
  }
}
