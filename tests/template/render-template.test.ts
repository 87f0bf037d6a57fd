import { describe, expect, it } from 'vitest';
import { addLineMarkers, stripLineMarkers, untag } from '../../src/template/markers.js';
import { renderTemplate } from '../../src/template/render-template.js';
import { chineseNumeral } from '../../src/template/numerals.js';

describe('renderTemplate', () => {
  it('maps every output line back to its template line', () => {
    const tpl = '# 标题\n{{#each xs}}\n- {{this}}\n{{/each}}\n结尾\n';
    const r = renderTemplate(tpl, 't.md.hbs', { xs: ['a', 'b'] });
    expect(r.result!.text).toBe('# 标题\n- a\n- b\n结尾\n');
    expect(r.result!.lineMap.slice(0, 4)).toEqual([1, 3, 3, 5]);
  });
  it('reports a field missing from the data with the template name and line (strict mode)', () => {
    const r = renderTemplate('第一行\n第二行 {{unit.nmae}}\n', 'x.md.hbs', { unit: { name: '单位' } });
    expect(r.diagnostics[0]).toMatchObject({ code: 'E_TEMPLATE', span: { file: 'x.md.hbs', line: 2 } });
    expect(r.diagnostics[0]!.message).toContain('nmae');
  });
  it('reports a syntax error at its line', () => {
    const r = renderTemplate('a\nb\n{{#each xs}}\nc\n', 'x.md.hbs', { xs: [] });
    expect(r.diagnostics[0]).toMatchObject({ code: 'E_TEMPLATE', span: { line: 5 } });
    expect(r.diagnostics[0]!.message).toContain('未闭合');
  });
  it('never evaluates template syntax inside data values', () => {
    const evil = '{{constructor.constructor("return process")()}} {{> partial}} {{#each x}}';
    const r = renderTemplate('{{v}}', 't', { v: evil });
    expect(r.result!.text).toBe(evil);
  });
  it('has no prototype access', () => {
    const r = renderTemplate('[{{#with o}}{{__proto__}}{{/with}}][{{lookup o "constructor"}}]', 't', { o: {} });
    expect(r.diagnostics.length > 0 || !/function|Object/.test(r.result!.text)).toBe(true);
  });
  it('helpers: Chinese numerals, counting, filtering, grouping, sentences', () => {
    const view = { xs: [{ k: 'a', k_label: '甲' }, { k: 'b', k_label: '乙' }, { k: 'a', k_label: '甲' }], s: '已完成' };
    const r = renderTemplate('{{cn 12}} {{countBy xs "k" "a"}} {{len (filter xs "k" "b")}} {{#each (groupBy xs "k")}}{{label}}{{len items}}{{/each}} {{end s}} {{end "好。"}}', 't', view);
    expect(r.result!.text).toBe('十二 2 1 甲2乙1 已完成。 好。');
  });
});

describe('markers', () => {
  it('leave Handlebars standalone lines alone', () => {
    expect(addLineMarkers('{{#if a}}\nx\n{{/if}}')).toBe('{{#if a}}\nx\uE0002\uE001\n{{/if}}');
    expect(stripLineMarkers('a\uE0007\uE001\nb').lineMap).toEqual([7, 7]);
    expect(untag('\uE0020\uE003数据\uE004')).toBe('数据');
  });
  it('chineseNumeral', () => {
    expect([1, 10, 11, 20, 21, 100, 105, 110].map(chineseNumeral)).toEqual(['一', '十', '十一', '二十', '二十一', '一百', '一百零五', '一百一十']);
  });
});

describe('date ranges as offices write them (issue 30)', () => {
  it('puts the year on the first date, and on the second only when it differs', async () => {
    const { DateView } = await import('../../src/template/date-view.js');
    const d = (year: number, month: number, day: number) => new DateView({ kind: 'date', year, month, day });
    const range = (a: InstanceType<typeof DateView>, b: InstanceType<typeof DateView>, sep?: string) =>
      renderTemplate(sep ? '{{dateRange a b s}}' : '{{dateRange a b}}', 't', { a, b, s: sep }).result!.text;
    expect(range(d(2013, 12, 16), d(2014, 1, 31))).toBe('2013年12月16日至2014年1月31日');
    expect(range(d(2014, 2, 1), d(2014, 3, 31))).toBe('2014年2月1日至3月31日');
    expect(range(d(2014, 2, 1), d(2014, 3, 31), '—')).toBe('2014年2月1日—3月31日');
  });
});
