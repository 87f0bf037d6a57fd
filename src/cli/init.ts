// `gongwen init [dir]`: a working project: config, the built-in templates to edit, an example unit.
import * as path from 'node:path';
import { packagePath } from '../package-root.js';
import { BUILTIN_TEMPLATE_DIR } from '../template/template-store.js';
import type { World } from '../world/world.js';
import { CONFIG_FILE } from './config.js';

const EXAMPLE = packagePath('data', '市某某委员会.yaml');

const CONFIG = `# gongwen 项目配置（命令行参数优先）
data: data            # 单位数据所在目录
out: out              # 输出目录
templates: templates  # 模板目录：同名文件覆盖内置模板
fonts: fonts          # 方正小标宋简体、仿宋_GB2312、黑体、楷体_GB2312、宋体等字体文件放这里
formats: [docx, pdf]
jobs: 1               # 并行渲染的线程数
`;

const README = `# 公文项目

- \`data/\`：每个单位一个 YAML 文件（或一个含 unit.yaml 的文件夹）。字段说明：\`npx gongwen schema\`。
- \`templates/\`：模板（Handlebars + Markdown），修改后运行 \`npx gongwen render\` 查看效果。
- \`fonts/\`：放入方正小标宋简体、仿宋_GB2312 等字体文件后，PDF 使用这些字体（\`npx gongwen fonts\` 查看）。

常用命令：

\`\`\`sh
npx gongwen check      # 校验数据
npx gongwen render     # 生成 out/<单位>/… 的 .docx、.pdf 和 备案材料.pdf
\`\`\`
`;

/** Writes the project; files that exist are left as they are. Returns what was written and skipped. */
export function initProject(world: World, dir: string): { written: string[]; kept: string[] } {
  const written: string[] = [];
  const kept: string[] = [];
  const put = (rel: string, data: string | Uint8Array) => {
    const file = path.join(dir, rel);
    if (world.exists(file)) {
      kept.push(file);
      return;
    }
    world.mkdirp(path.dirname(file));
    world.writeAtomic(file, data);
    written.push(file);
  };
  put(CONFIG_FILE, CONFIG);
  put('README.md', README);
  put(path.join('data', '示例单位.yaml'), world.readBytes(EXAMPLE));
  for (const e of world.listDir(BUILTIN_TEMPLATE_DIR)) {
    if (!e.isDir && e.name.endsWith('.md.hbs')) put(path.join('templates', e.name), world.readBytes(path.join(BUILTIN_TEMPLATE_DIR, e.name)));
  }
  put(path.join('fonts', '说明.txt'), '把用户自有的公文字体文件（如 simfang.ttf、simhei.ttf、simkai.ttf、方正小标宋简体）放在本目录，PDF 即使用这些字体。\n');
  return { written, kept };
}
