import { describe, expect, it } from 'vitest';
import { dumpTree } from '../../src/doc/dump-tree.js';
import { parseMarkup } from '../../src/markup/parse-markup.js';
import { renderTemplate } from '../../src/template/render-template.js';
import { tagField } from '../../src/template/markers.js';

function build(tpl: string, view: object = {}, fields: { path: string }[] = []) {
  const r = renderTemplate(tpl, 't.md.hbs', view);
  expect(r.diagnostics).toEqual([]);
  return parseMarkup({ id: 'x', template: 't.md.hbs', rendered: r.result!, fields });
}

describe('parseMarkup', () => {
  it('numbers headings 一、（一）1.（1） and resets lower levels', () => {
    const { doc } = build('# 甲\n## 乙\n### 丙\n#### 丁\n#### 戊\n## 己\n### 庚\n# 辛\n## 壬\n');
    expect(doc.blocks.map((b) => (b.type === 'heading' ? b.number : ''))).toEqual(['一、', '（一）', '1.', '（1）', '（2）', '（二）', '1.', '二、', '（一）']);
  });
  it('keeps a number the heading already carries', () => {
    const { doc } = build('# 三、已编号\n## （五）也编号\n');
    expect(dumpTree(doc)).toContain('h1 三、已编号');
    expect(dumpTree(doc)).toContain('h2 （五）也编号');
  });
  it('reads front matter in English or Chinese keys and warns on unknown ones', () => {
    const r = build('---\n标题: 关于某事的通知\nrecipients: 各部门\n页面方向: 横向\n附件: [甲表, 乙表]\ntitel: x\n---\n正文\n');
    expect(r.doc.meta.orientation).toBe('landscape');
    expect(dumpTree(r.doc)).toContain('title: 关于某事的通知');
    expect(dumpTree(r.doc)).toContain('recipients: 各部门');
    expect(r.doc.meta.attachments).toHaveLength(2);
    expect(r.diagnostics[0]).toMatchObject({ code: 'W_FRONT_MATTER', span: { line: 6 } });
  });
  it('keeps data text literal: Markdown, YAML and HTML in data are just characters', () => {
    const evil = '# 不是标题 *不是强调* | 不是表格 | <b>x</b>: "引号" - 列表';
    const tpl = '---\ntitle: {{t}}\n---\n{{t}}\n\n| a | b |\n| - | - |\n| {{t}} | 2 |\n';
    const { doc, diagnostics } = build(tpl, { t: tagField(0, evil) }, [{ path: 'unit.name' }]);
    expect(diagnostics).toEqual([]);
    const dump = dumpTree(doc);
    expect(dump).toContain(`title: ${evil}  {unit.name}`);
    expect(dump).toContain(`p ${evil}  @4  {unit.name}`);
    expect(dump).toContain(`| ${evil} | 2 |`);
  });
  it('turns GFM tables into table nodes with alignment and <br> into line breaks', () => {
    const { doc } = build('| 序号 | 问题 |\n| :-: | --- |\n| 1 | 甲<br>乙 |\n');
    const t = doc.blocks[0]!;
    expect(t.type).toBe('table');
    if (t.type === 'table') {
      expect(t.align).toEqual(['center', null]);
      expect(t.rows[0]![1]!.map((i) => i.type)).toEqual(['text', 'break', 'text']);
    }
  });
  it('maps a thematic break to a page break and lists to numbered paragraphs', () => {
    const { doc } = build('甲\n\n---\n\n1. 一\n2. 二\n');
    expect(dumpTree(doc)).toMatch(/pagebreak[^]*p 1\.一[^]*p 2\.二/);
  });
  it('points every block at its template line', () => {
    const { doc } = build('{{#each xs}}\n## {{this}}\n\n正文\n\n{{/each}}', { xs: ['a', 'b'] });
    expect(doc.blocks.map((b) => b.span.line)).toEqual([2, 4, 2, 4]);
  });
});
