// Deadlines as offices write them (kinds.md): each wording means the last day it allows and prints
// as written; a measure not done past that day is overdue as of a date (R_OVERDUE at its line).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/data/dates.js';
import { documentTexts } from '../../src/doc/tree.js';
import { untag } from '../../src/template/markers.js';
import { gongwen } from '../support/cli.js';
import { ROOT, unitDocuments } from '../support/examples.js';

const day = (year: number, month: number, d: number) => ({ kind: 'date', year, month, day: d });

describe('deadline words', () => {
  it('mean the last day they allow and keep their words', () => {
    const cases: [string, object][] = [
      ['2014年1月底前', { ...day(2014, 1, 31), text: '2014年1月底前' }],
      ['2014年3月前', { ...day(2014, 3, 31), text: '2014年3月前' }],
      ['2014年3月底前', { ...day(2014, 3, 31), text: '2014年3月底前' }],
      ['2014年上半年', { ...day(2014, 6, 30), text: '2014年上半年' }],
      ['2014年下半年', { ...day(2014, 12, 31), text: '2014年下半年' }],
      ['2014年第一季度', { ...day(2014, 3, 31), text: '2014年第一季度' }],
      ['2014年第3季度末', { ...day(2014, 9, 30), text: '2014年第3季度末' }],
      ['2013年底前', { ...day(2013, 12, 31), text: '2013年底前' }],
      ['2014年内', { ...day(2014, 12, 31), text: '2014年内' }],
      ['2014年2月中旬', { ...day(2014, 2, 20), text: '2014年2月中旬' }],
      ['2014年2月下旬', { ...day(2014, 2, 28), text: '2014年2月下旬' }],
      ['2014年4月15日前', { ...day(2014, 4, 15), text: '2014年4月15日前' }],
      ['立行立改', { kind: 'immediate', text: '立行立改' }],
      ['持续推进', { kind: 'ongoing', text: '持续推进' }],
      ['常态化', { kind: 'ongoing', text: '常态化' }],
      ['长期坚持', { kind: 'ongoing' }],
      // The forms read before keep their printing as a day.
      ['2014年3月底', day(2014, 3, 31)],
      ['2014-03-31', day(2014, 3, 31)],
    ];
    for (const [words, meaning] of cases) expect(parseDate(words, true), words).toEqual(meaning);
  });

  it('that name no real day are no deadline', () => {
    for (const w of ['2014年13月底前', '2014年2月30日前', '2014年第五季度', '年底前', '尽快']) expect(parseDate(w, true), w).toBeUndefined();
  });

  it('are printed in the documents as written', () => {
    const [u] = unitDocuments(ROOT, ['tests/fixtures/time/deadline-words.yaml']).units;
    expect(u!.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const plan = untag(documentTexts(u!.docs.find((d) => d.name === '整改方案')!.doc).join('\n'));
    for (const w of ['2014年1月底前', '2014年3月前', '2014年上半年', '2014年第一季度', '2013年底前', '立行立改', '持续推进', '长期坚持', '常态化', '2014年2月中旬', '2014年4月15日前']) {
      expect(plan, w).toContain(`完成时限：${w}。`);
    }
  });

  it('an impossible one is E_DATE at its line', () => {
    const dir = fs.mkdtempSync(path.join(ROOT, 'tests/.tmp-deadline-'));
    try {
      const text = fs.readFileSync(path.join(ROOT, 'tests/fixtures/time/deadline-words.yaml'), 'utf8').replace('deadline: 2014年1月底前', 'deadline: 2014年13月底前');
      fs.writeFileSync(path.join(dir, 'u.yaml'), text);
      const r = gongwen(['check', path.relative(ROOT, path.join(dir, 'u.yaml')), '--as-of', '2013-12-10', '--format', 'json']);
      const diags = (JSON.parse(r.stdout) as { units: { diagnostics: { code: string; line: number; message: string }[] }[] }).units[0]!.diagnostics;
      expect(diags.filter((d) => d.code === 'E_DATE').map((d) => [d.line, d.message])).toEqual([[10, '无法识别的日期“2014年13月底前”（完成时限）']]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** The fixture's measures (line, deadline, status) as the YAML says them, read without gongwen. */
function fixtureMeasures(file: string): { line: number; deadline: string; status?: string }[] {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const out: { line: number; deadline: string; status?: string }[] = [];
  lines.forEach((l, i) => {
    if (/^  - problem:/.test(l)) out.push({ line: i + 1, deadline: '' });
    const d = /^    deadline: (.+)$/.exec(l);
    if (d) out[out.length - 1]!.deadline = d[1]!;
    const s = /^    status: (.+)$/.exec(l);
    if (s) out[out.length - 1]!.status = s[1]!;
  });
  return out;
}

describe('overdue as of a date', () => {
  const file = 'tests/fixtures/time/overdue.yaml';
  const overdueLines = (asOf: string) => {
    const r = gongwen(['check', file, '--as-of', asOf, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const diags = (JSON.parse(r.stdout) as { units: { diagnostics: { code: string; line: number; message: string }[] }[] }).units[0]!.diagnostics;
    return diags.filter((d) => d.code === 'R_OVERDUE');
  };

  it('warns R_OVERDUE at exactly the measures not done past their date, naming the deadline and the days since', () => {
    const measures = fixtureMeasures(path.join(ROOT, file));
    expect(measures).toHaveLength(28);
    const expected = measures.filter((m) => m.status !== 'done' && /^\d{4}-/.test(m.deadline) && m.deadline < '2014-02-15').map((m) => m.line);
    expect(expected.length).toBeGreaterThan(5);
    const got = overdueLines('2014-02-15');
    expect(got.map((d) => d.line)).toEqual(expected);
    const first = measures.find((m) => m.line === expected[0])!;
    const days = Math.round((Date.UTC(2014, 1, 15) - Date.parse(first.deadline)) / 86400000);
    const [y, mo, dd] = first.deadline.split('-').map(Number);
    expect(got[0]!.message).toBe(`整改措施已超期：完成时限 ${y}年${mo}月${dd}日，截至 2014年2月15日 超期 ${days} 天，尚未完成`);
  });

  it('warns of none as of a day before every deadline', () => {
    expect(overdueLines('2013-12-01')).toEqual([]);
  });

  it('judges deadlines in words by the day they mean; 立行立改 is due on the plan date, ongoing work never', () => {
    const r = gongwen(['check', 'tests/fixtures/time/deadline-words.yaml', '--as-of', '2014-02-15', '--format', 'json']);
    const diags = (JSON.parse(r.stdout) as { units: { diagnostics: { code: string; message: string }[] }[] }).units[0]!.diagnostics.filter((d) => d.code === 'R_OVERDUE');
    expect(diags.map((d) => d.message)).toEqual([
      '整改措施已超期：完成时限 2014年1月底前（2014年1月31日），截至 2014年2月15日 超期 15 天，尚未完成',
      '整改措施已超期：完成时限 2013年底前（2013年12月31日），截至 2014年2月15日 超期 46 天，尚未完成',
      '整改措施已超期：完成时限 立行立改（2013年12月10日），截至 2014年2月15日 超期 67 天，尚未完成',
    ]);
  });

  it('a report counts the overdue measures as of its date, or of --as-of', () => {
    const text = (asOf?: string) => {
      const [u] = unitDocuments(ROOT, ['kinds/examples/巡察整改.yaml'], asOf ? { asOf: parseDate(asOf)! } : {}).units;
      return untag(documentTexts(u!.docs.find((d) => d.name === '整改进展情况报告')!.doc).join('\n'));
    };
    expect(text()).not.toContain('超过完成时限');
    const late = text('2025-10-01');
    expect(late).toContain('截至2025年10月1日');
    expect(late).toContain('完成率44.4%；超过完成时限尚未完成的2项。');
    expect(late).toContain('完成时限：2025年9月30日，已超期1天。');
  });
});
