// The kinds of 整改: each built-in kind's example checks clean and builds its documents with its own
// wording; a 巡察 unit kept as a combined ledger gives the figures the ledger holds; a project's own
// kind works without a code change and its mistakes are errors at their lines. No external tool.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentTexts } from '../../src/doc/tree.js';
import { untag } from '../../src/template/markers.js';
import { checkInputs } from '../../src/api/check.js';
import { nodeWorld } from '../../src/world/node-world.js';
import { loadKinds } from '../../src/kinds/kind-registry.js';
import { gongwen } from '../support/cli.js';
import { ROOT, unitDocuments } from '../support/examples.js';

const FORBIDDEN = ['教育实践活动', '四风', '群众路线', '督导组'];

/** Every document of each unit below `inputs`, as its text, by document name. */
function documents(root: string, inputs: string[], kinds?: { dir?: string; default?: string }) {
  return unitDocuments(root, inputs, { ...(kinds ? { kinds } : {}), templatesDir: path.join(root, 'templates') }).units.map((u) => ({
    ...u,
    docs: new Map(u.docs.map((d) => [d.name, untag(documentTexts(d.doc).join('\n'))])),
  }));
}

describe('built-in kinds', () => {
  const units = documents(ROOT, ['kinds/examples']);

  it('every example unit checks clean: no error, no warning', () => {
    expect(units.map((u) => u.kind).sort()).toEqual(['主题教育', '审计整改', '巡察整改', '巡视整改', '民主生活会']);
    for (const u of units) expect(u.diagnostics.map((d) => `${u.id} ${d.code} ${d.message}`)).toEqual([]);
  });

  it('each built-in kind is in the file named after it, so a unit’s kind is parsed alone (a cold check reads one kind file)', () => {
    const dir = path.join(ROOT, 'kinds');
    const registry = loadKinds(nodeWorld(fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-nokinds-'))));
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const f of files) expect(registry.resolve(path.basename(f, '.yaml'))?.file, f).toMatch(new RegExp(`${path.basename(f, '.yaml')}\\.yaml$`));
    // Aliases still resolve, through the whole list.
    expect(registry.resolve('巡视')?.name).toBe('巡视整改');
  });

  it('each kind renders at least four documents of its own, none in the words of 2013', () => {
    for (const u of units) {
      expect(u.docs.size, u.id).toBeGreaterThanOrEqual(4);
      for (const [name, text] of u.docs) for (const w of FORBIDDEN) expect(text.includes(w), `${u.id} ${name}: ${w}`).toBe(false);
    }
  });

  it('the 巡察 example: plan names the 巡察组 and the 反馈日期, the feedback headings in their order', () => {
    const u = units.find((x) => x.kind === '巡察整改')!;
    const plan = u.docs.get('整改方案')!;
    expect(plan).toContain('关于落实区委第二巡察组巡察反馈意见的整改方案');
    expect(plan).toContain('区委第二巡察组于2025年6月20日向中共某某区市场监督管理局党组反馈了巡察意见');
    const headings = ['贯彻落实党中央决策部署和区委工作要求方面', '落实全面从严治党主体责任和监督责任方面', '落实新时代党的组织路线方面'].map((h) => plan.indexOf(`关于${h}的问题`));
    expect(headings.every((i) => i > 0)).toBe(true);
    expect([...headings].sort((a, b) => a - b)).toEqual(headings);
    // Each heading once: problems of one heading stay under it.
    expect(plan.split('关于贯彻落实党中央决策部署和区委工作要求方面的问题').length).toBe(2);
    // The deadlines the kind derives from the feedback date (1个月, 2个月).
    expect(plan).toContain('1个月内（2025年7月20日前）制定整改方案');
    expect(plan).toContain('2025年8月20日前完成集中整改任务');
  });

  it('the 公开 document leaves out the rows not to be made public and says nothing of them', () => {
    const u = units.find((x) => x.kind === '巡察整改')!;
    const pub = u.docs.get('整改进展情况公开')!;
    expect(pub).not.toContain('行政处罚自由裁量权');
    expect(pub).not.toContain('案卷评查');
    expect(pub).not.toMatch(/不公开|未公开|公开范围/);
    expect(pub).toContain('4个问题的7项整改措施中，已完成4项，正在推进3项，完成率57.1%');
    expect(u.docs.get('整改进展情况报告')).toContain('行政处罚自由裁量权');
  });

  it('审计: the report cites the 审计报告 number, problems by type with amounts, 整改类型 in the plan', () => {
    const u = units.find((x) => x.kind === '审计整改')!;
    expect(u.docs.get('审计整改情况报告')).toContain('关于某审报〔2025〕12号审计报告所提问题整改情况的报告');
    expect(u.docs.get('审计整改方案')).toContain('关于预算管理方面的问题');
    expect(u.docs.get('审计整改方案')).toContain('（涉及金额326.5万元）');
    expect(u.docs.get('审计整改方案')).toContain('整改类型：立行立改');
    expect(u.docs.get('审计整改台账')).toContain('分阶段整改');
  });

  it('民主生活会: a personal list per leader; 主题教育: the 标准 of each measure in its list', () => {
    const m = units.find((x) => x.kind === '民主生活会')!;
    expect([...m.docs.keys()]).toEqual(expect.arrayContaining(['个人整改清单（赵强）', '个人整改清单（孙红）']));
    expect(m.docs.get('个人整改清单（赵强）')).toContain('每季度到基层调研不少于2次');
    const t = units.find((x) => x.kind === '主题教育')!;
    expect(t.docs.get('问题清单任务清单责任清单')).toContain('维修按时办结率达到95%以上');
    expect(t.docs.get('专项整治方案（学生宿舍维修不及时问题）')).toBeDefined();
  });
});

describe('a 巡察 unit kept as a combined ledger (five problems under three headings, nine measures without goals)', () => {
  const [u] = documents(ROOT, ['tests/fixtures/kinds/巡察台账']);

  it('checks clean and renders the kind\'s documents', () => {
    expect(u!.diagnostics).toEqual([]);
    expect([...u!.docs.keys()]).toEqual(expect.arrayContaining(['报送表', '整改方案', '整改台账', '整改进展情况报告', '整改情况报告', '整改情况通报', '整改进展情况公开']));
    for (const [name, text] of u!.docs) for (const w of FORBIDDEN) expect(text.includes(w), `${name}: ${w}`).toBe(false);
  });

  it('the progress report states the counts and the rate the ledger gives, and quotes the progress of each measure', () => {
    const r = u!.docs.get('整改进展情况报告')!;
    expect(r).toContain('巡察反馈问题5个，细化整改措施9项，已完成4项，正在推进4项，尚未开始1项，完成率44.4%');
    expect(r).toContain('该方面2个问题、4项整改措施，已完成2项，正在推进1项，尚未开始1项');
    expect(r).toContain('进展情况：复核1260户，清退不符合条件的23户。');
    expect(r).toContain('进展情况：监管清单已形成初稿。');
    // 下一步 from the data: the measures not done, with their departments and deadlines.
    expect(r).toContain('修订保障性住房分配管理办法（住房保障科，2026年3月31日）');
  });

  it('the plan groups the problems under the headings as the ledger fills them down', () => {
    const plan = u!.docs.get('整改方案')!;
    const i = plan.indexOf('关于贯彻落实党中央决策部署和区委工作要求方面的问题');
    const j = plan.indexOf('关于落实全面从严治党主体责任和监督责任方面的问题');
    expect(plan.indexOf('保障性住房分配管理不规范')).toBeGreaterThan(i);
    expect(plan.indexOf('保障性住房分配管理不规范')).toBeLessThan(j);
    expect(plan).not.toContain('整改目标');
  });
});

describe('deadlines from the feedback date', () => {
  const unit = (extra: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-kind-'));
    const text = fs.readFileSync(path.join(ROOT, 'kinds/examples/巡察整改.yaml'), 'utf8').replace('  成文日期: 2025年7月15日      # 整改方案：反馈后1个月内\n', extra);
    fs.writeFileSync(path.join(dir, 'u.yaml'), text);
    return checkInputs(nodeWorld(dir), ['u.yaml']).units[0]!.diagnostics.map((d) => `${d.code}@${d.span?.line}`);
  };

  it('a plan dated after its month is R_PLAN_LATE at the date; a unit may set its own term', () => {
    expect(unit('  成文日期: 2025年7月25日\n')).toEqual(['R_PLAN_LATE@19']);
    expect(unit('  成文日期: 2025年7月25日\n  整改方案时限: 2个月\n')).toEqual([]);
    expect(unit('  成文日期: 2025年7月20日\n')).toEqual([]);
    expect(unit('  成文日期: 2025年7月15日\n  整改方案时限: 不久\n')).toEqual(['E_TYPE@20']);
  });
});

describe('a kind defined by the project', () => {
  const project = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-kinds-'));
    fs.mkdirSync(path.join(dir, 'kinds'));
    fs.mkdirSync(path.join(dir, 'templates'));
    fs.mkdirSync(path.join(dir, 'data'));
    fs.writeFileSync(
      path.join(dir, 'kinds', '生态环境保护督察.yaml'),
      `名称: 生态环境保护督察
别名: [环保督察]
检查机构: 督察组
问题来源: 督察反馈意见
问题类别:
  名称: 污染类别
  取值: [大气污染, 水污染, 固体废物]
必填:
  单位: [督察组]
  问题清单: [污染类别]
  整改措施: [责任部门, 完成时限]
时限:
  整改方案: 30日
用语:
  work: 督察整改
  problem: 督察反馈问题
  source: "{{unit.inspector}}反馈了督察意见"
文档:
  - 编号: rectification-plan
    模板: kind-plan
    名称: 督察整改方案
    标题: "{{unit.issuer}}贯彻落实{{unit.inspector}}督察反馈意见整改方案"
    需要: [problems, measures]
    用语:
      plan_opening: "{{kind.wording.source}}，现制定本方案。"
  - 编号: problem-list
    模板: kind-ledger
    名称: 督察整改清单
    标题: "{{unit.name}}督察整改清单"
    需要: [problems]
  - 编号: public-list
    模板: public-list
    名称: 督察整改公示
    需要: [public_measures]
备案材料: [rectification-plan]
`,
    );
    fs.writeFileSync(path.join(dir, 'templates', 'public-list.md.hbs'), '---\ntitle: "{{unit.name}}督察整改公示（{{kind.name}}）"\n---\n\n{{#each problems}}\n{{category}}：{{text}}\n\n{{/each}}\n');
    return dir;
  };
  const UNIT = `单位:
  整改类型: 环保督察
  单位名称: 某某县人民政府
  发文机关: 某某县人民政府
  备案机关: 市生态环境保护督察整改工作领导小组办公室
  督察组: 省第三生态环境保护督察组
  成文日期: 2025年5月10日
问题清单:
  - 污染类别: 大气污染
    问题描述: 工业园区挥发性有机物治理不到位
  - 污染类别: 水污染
    问题描述: 城区污水管网雨污混流
整改措施:
  - 对应问题: 1
    整改措施: 对园区企业开展挥发性有机物治理专项检查
    责任部门: 县生态环境分局
    完成时限: 2025年9月30日
  - 对应问题: 2
    整改措施: 实施城区雨污分流改造工程
    责任部门: 县住建局
    完成时限: 2026年6月30日
`;

  it('renders its own documents, titles and categories without a code change', () => {
    const dir = project();
    fs.writeFileSync(path.join(dir, 'data', 'u.yaml'), UNIT);
    const [u] = documents(dir, ['data']);
    expect(u!.diagnostics).toEqual([]);
    expect(u!.kind).toBe('生态环境保护督察');
    expect([...u!.docs.keys()]).toEqual(['督察整改方案', '督察整改清单', '督察整改公示']);
    expect(u!.docs.get('督察整改方案')).toContain('某某县人民政府贯彻落实省第三生态环境保护督察组督察反馈意见整改方案');
    expect(u!.docs.get('督察整改方案')).toContain('关于大气污染方面的问题');
    expect(u!.docs.get('督察整改公示')).toContain('水污染：城区污水管网雨污混流');
  });

  it('its closed categories and required fields are checked at the lines of the data', () => {
    const dir = project();
    fs.writeFileSync(path.join(dir, 'data', 'u.yaml'), UNIT.replace('污染类别: 水污染', '污染类别: 噪声').replace('  督察组: 省第三生态环境保护督察组\n', ''));
    const [u] = documents(dir, ['data']);
    const codes = u!.diagnostics.map((d) => `${d.code}@${d.span?.line}`);
    expect(codes).toContain('E_ENUM@10');
    expect(u!.diagnostics.find((d) => d.code === 'E_ENUM')?.hint).toContain('大气污染');
    expect(u!.diagnostics.find((d) => d.code === 'E_REQUIRED')?.message).toContain('督察组');
  });

  it('a project sets the default kind of its units (gongwen.yaml kind:)', () => {
    const dir = project();
    fs.writeFileSync(path.join(dir, 'data', 'u.yaml'), UNIT.replace('  整改类型: 环保督察\n', ''));
    expect(documents(dir, ['data'], { default: '生态环境保护督察' })[0]!.kind).toBe('生态环境保护督察');
    expect(documents(dir, ['data'])[0]!.diagnostics.some((d) => d.code === 'W_UNKNOWN_KEY')).toBe(true);
  });

  it('a mistake in a kind file is an error at its line and column in that file', () => {
    const dir = project();
    fs.writeFileSync(path.join(dir, 'data', 'u.yaml'), UNIT);
    const file = path.join(dir, 'kinds', '生态环境保护督察.yaml');
    const good = fs.readFileSync(file, 'utf8');
    const at = (text: string) => {
      fs.writeFileSync(file, text);
      // The unit naming the broken kind says so too (E_KIND at its 整改类型): only the kind file's are compared.
      return documents(dir, ['data'])[0]!.diagnostics.filter((d) => d.code === 'E_KIND' && d.span?.file.endsWith('生态环境保护督察.yaml')).map((d) => `${path.basename(d.span?.file ?? '')}:${d.span?.line}:${d.span?.column}`);
    };
    expect(at(good.replace('整改方案: 30日', '整改方案: 三十来天'))).toEqual(['生态环境保护督察.yaml:13:9']);
    expect(at(good.replace('需要: [public_measures]', '需要: [公开措施]'))).toEqual(['生态环境保护督察.yaml:34:10']);
    expect(at(good.replace('整改措施: [责任部门, 完成时限]', '整改措施: [责任部门, 完工日期]'))).toEqual(['生态环境保护督察.yaml:11:16']);
    expect(at(good.replace('{{kind.wording.source}}，现制定', '{{kind.wording.sauce}}，现制定'))).toEqual(['生态环境保护督察.yaml:25:23']);
    expect(at(good.replace('名称: 生态环境保护督察\n', ''))).toEqual(['生态环境保护督察.yaml:1:1']);
  });
});

describe('gongwen templates and gongwen schema', () => {
  it('list the built-in kinds and the own kinds of a project, with their documents; a broken kind file fails with its line', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-kinds-cli-'));
    fs.mkdirSync(path.join(dir, 'kinds'));
    fs.writeFileSync(path.join(dir, 'kinds', '专项检查.yaml'), '名称: 安全生产专项检查\n文档:\n  - 编号: rectification-plan\n    模板: kind-plan\n    名称: 整改方案\n');
    const t = gongwen(['templates'], dir);
    expect(t.code, t.stderr).toBe(0);
    expect(t.stdout).toMatch(/^巡察整改（又称 巡察）  内置/m);
    expect(t.stdout).toMatch(/^安全生产专项检查  项目  kinds\/专项检查\.yaml/m);
    expect(t.stdout).toContain('principal-report  主要负责人组织落实整改情况报告  模板 kind-principal-report（内置）');
    const schema = JSON.parse(gongwen(['schema'], dir).stdout) as { properties: { unit: { properties: Record<string, { enum?: string[] }> } } };
    expect(schema.properties.unit.properties['整改类型']!.enum).toEqual(expect.arrayContaining(['巡察整改', '审计整改', '安全生产专项检查']));
    fs.writeFileSync(path.join(dir, 'kinds', '专项检查.yaml'), '名称: 安全生产专项检查\n时限: {整改方案: 很快}\n文档:\n  - 编号: rectification-plan\n    模板: kind-plan\n    名称: 整改方案\n');
    const bad = gongwen(['templates'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('kinds/专项检查.yaml:2:12  error  E_KIND');
  });
});

describe('the default kind', () => {
  it('a unit that names 教育实践活动 reads as one that names no kind', () => {
    const a = documents(ROOT, ['tests/fixtures/good/minimal.yaml'])[0]!;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-edu-'));
    const text = fs.readFileSync(path.join(ROOT, 'tests/fixtures/good/minimal.yaml'), 'utf8');
    fs.writeFileSync(path.join(dir, 'minimal.yaml'), text.replace(/^(unit:|单位:)\n/m, '$1\n  整改类型: 教育实践活动\n'));
    const b = documents(dir, ['minimal.yaml'])[0]!;
    expect(a.kind).toBe('教育实践活动');
    expect(b.kind).toBe('教育实践活动');
    expect([...b.docs]).toEqual([...a.docs]);
  });
});
