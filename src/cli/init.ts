// `gongwen init [dir]`: a working project: config, the built-in templates to edit, an example unit.
import * as path from 'node:path';
import { packagePath } from '../package-root.js';
import { BUILTIN_TEMPLATE_DIR } from '../template/template-store.js';
import type { World } from '../world/world.js';
import { CONFIG_FILE } from './config.js';

const EXAMPLE = packagePath('data', '市某某委员会.yaml');

const CONFIG = (kind?: string) => `# gongwen 项目配置（命令行参数优先）
${kind ? `kind: ${kind}          # 整改类型：单位数据中没有写“整改类型”时按此类型处理\n` : ''}kinds: kinds          # 项目自定义的整改类型（kinds/<名称>.yaml），见 kinds/说明.txt
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

const KINDS_README = `本目录放项目自定义的整改类型，每个类型一个 YAML 文件（如 生态环境保护督察.yaml）。
内置类型（巡视整改、巡察整改、审计整改、主题教育、民主生活会、教育实践活动）的文件在 gongwen 安装目录的 kinds/ 中，
可以复制到这里修改（同名的类型以本目录的为准），例如改成本地规定的整改时限。
npx gongwen templates 列出所有整改类型及其文档；文件有错误时会指出文件、行和列。
`;

/** The example unit of a kind (kinds/examples/<名称>.yaml); the default kind's is the classic example. */
export function kindExample(kind: string | undefined): string {
  return kind && kind !== '教育实践活动' ? packagePath('kinds', 'examples', `${kind}.yaml`) : EXAMPLE;
}

/** Writes the project; files that exist are left as they are. Returns what was written and skipped. */
export function initProject(world: World, dir: string, kind?: string): { written: string[]; kept: string[] } {
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
  put(CONFIG_FILE, CONFIG(kind));
  put('README.md', README);
  put(path.join('data', '示例单位.yaml'), world.readBytes(kindExample(kind)));
  put(path.join('kinds', '说明.txt'), KINDS_README);
  for (const e of world.listDir(BUILTIN_TEMPLATE_DIR)) {
    if (!e.isDir && e.name.endsWith('.md.hbs')) put(path.join('templates', e.name), world.readBytes(path.join(BUILTIN_TEMPLATE_DIR, e.name)));
  }
  put(path.join('fonts', '说明.txt'), '把用户自有的公文字体文件（如 simfang.ttf、simhei.ttf、simkai.ttf、方正小标宋简体）放在本目录，PDF 即使用这些字体。\n');
  return { written, kept };
}
