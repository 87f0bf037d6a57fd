// Property tests on hostile and random input (fast-check, fixed seed): the YAML loader, the date
// parser, the alias mapping and the markup parser never throw, never hang, and either give a
// result or a diagnostic. `npm run fuzz` runs many more cases (FUZZ_RUNS).
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/data/dates.js';
import { loadUnit } from '../../src/data/load-unit.js';
import { reviewUnit } from '../../src/data/review.js';
import { parseMarkup } from '../../src/markup/parse-markup.js';
import { renderTemplate } from '../../src/template/render-template.js';
import { memoryWorld } from '../../src/world/memory-world.js';
import { ROOT } from '../support/examples.js';
import { assertChunked, assertChunkedAsync } from '../support/fuzz.js';
import ExcelJS from 'exceljs';
import { readWorkbook } from '../../src/import/read-sheet.js';
import { mapRows } from '../../src/import/map-rows.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20131128);
const EXAMPLE = fs.readFileSync(path.join(ROOT, 'data/市某某委员会.yaml'), 'utf8');

function load(text: string) {
  const world = memoryWorld({ 'u.yaml': text });
  const t = Date.now();
  const r = loadUnit(world, { id: 'u.yaml', files: ['u.yaml'] });
  if (r.data) reviewUnit(r.data);
  expect(Date.now() - t).toBeLessThan(5000);
  // Every diagnostic has a code, a message and, when it has a position, a sane one.
  for (const d of r.diagnostics) {
    expect(d.code).toMatch(/^[EWR]_[A-Z_]+$/);
    expect(d.message.length).toBeGreaterThan(0);
    if (d.span) expect(d.span.line).toBeGreaterThanOrEqual(1);
  }
  return r;
}

const yamlish = fc.stringMatching(/^[\s\S]{0,400}$/);
const yamlTokens = fc.array(fc.constantFrom('unit:', '\n', '  ', '- ', 'name: ', '&a ', '*a', '[', ']', '{', '}', ': ', '"', "'", '#', '问题', 'problems:', 'wind: ', '形式主义', '__proto__: ', 'constructor: ', '2014-13-45', '41729', '~', '|', '>', '\t', '\u0000', '\uFEFF', '!!binary ', '<<: *a'), { maxLength: 80 }).map((a) => a.join(''));

/** The example with a few lines cut, repeated or swapped. */
const mutated = fc.array(fc.tuple(fc.nat(400), fc.constantFrom('delete', 'dup', 'indent', 'garble')), { maxLength: 6 }).map((ops) => {
  const lines = EXAMPLE.split('\n');
  for (const [i, op] of ops) {
    const k = i % lines.length;
    if (op === 'delete') lines.splice(k, 1);
    else if (op === 'dup') lines.splice(k, 0, lines[k]!);
    else if (op === 'indent') lines[k] = ' ' + lines[k];
    else lines[k] = lines[k]!.replace(/:/, ' ');
  }
  return lines.join('\n');
});

describe('fuzz', () => {
  it('the YAML loader never throws on random text', async () => {
    await assertChunked(fc.property(fc.oneof(yamlish, yamlTokens), (t) => void load(t)), { seed: SEED, numRuns: RUNS });
  });
  it('the YAML loader never throws on mutated real data', async () => {
    await assertChunked(fc.property(mutated, (t) => void load(t)), { seed: SEED, numRuns: Math.ceil(RUNS / 3) });
  });
  it('the alias mapping takes any keys, and no key pollutes a prototype', async () => {
    const key = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '名称', '问题', 'name', 'text'), fc.string({ maxLength: 8 }));
    const obj = fc.dictionary(key, fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.constant(null)), { maxKeys: 8 });
    await assertChunked(
      fc.property(obj, fc.array(obj, { maxLength: 4 }), (unit, problems) => {
        const yaml = JSON.stringify({ unit, problems, measures: problems });
        load(yaml);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.prototype.toString.call([])).toBe('[object Array]');
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
  it('the date parser never throws and gives only real dates', async () => {
    await assertChunked(
      fc.property(fc.oneof(fc.string({ maxLength: 20 }), fc.double(), fc.integer(), fc.stringMatching(/^\d{4}[-/.年]\d{1,2}[-/.月]\d{0,2}日?$/)), (v) => {
        const d = parseDate(v as string | number, true);
        if (d && d.kind === 'date') {
          const js = new Date(Date.UTC(d.year, d.month - 1, d.day));
          expect(js.getUTCMonth() + 1).toBe(d.month);
          expect(js.getUTCDate()).toBe(d.day);
        }
      }),
      { seed: SEED, numRuns: RUNS * 3 },
    );
  });
  it('the markup parser never throws on random Markdown and front matter', async () => {
    const md = fc.array(fc.constantFrom('# ', '## ', '#### ', '---\n', 'title: x\n', '| a | b |\n', '| - | - |\n', '- ', '1. ', '**', '*', '`', '<br>', '<b>', '\n', '\n\n', '文字', '一、', '（一）', '> ', '```\n', '[x](y)', '![i](j)', '\\', '\uE002', '\uE003', '\uE004', '{{', '}}'), { maxLength: 60 }).map((a) => a.join(''));
    await assertChunked(
      fc.property(md, (text) => {
        const r = renderTemplate(text, 't.md.hbs', {});
        if (!r.result) return;
        const m = parseMarkup({ id: 'x', template: 't.md.hbs', rendered: r.result, fields: [] });
        expect(m.doc.type).toBe('document');
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
  it('the spreadsheet reader never throws on random bytes, damaged workbooks or random CSV, and places every error', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('整改台账');
    ws.getRow(1).values = ['序号', '存在问题', '问题类别', '整改措施', '完成时限'];
    ws.getRow(2).values = [1, '会议多', '形式主义', '精简会议', new Date(Date.UTC(2014, 2, 31))];
    ws.mergeCells('A3:B3');
    ws.getCell('C3').value = { formula: 'A2*2' } as ExcelJS.CellFormulaValue;
    const xlsx = new Uint8Array(await wb.xlsx.writeBuffer());
    const damaged = fc.array(fc.tuple(fc.nat(xlsx.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }).chain((flips) =>
      // Half of them whole (bytes changed inside the zip's entries), half cut short.
      fc.oneof(fc.constant(xlsx.length), fc.nat(xlsx.length)).map((cut) => {
        const b = xlsx.slice(0, Math.max(22, cut));
        for (const [at, v] of flips) if (at < b.length) b[at] = v;
        return b;
      }),
    );
    const csv = fc.array(fc.constantFrom('序号', '存在问题', '整改措施', ',', '"', '""', '\n', '\r\n', '会议', '2014/3/31', '=SUM(A1)', '\u0000', '\uFEFF', ' '), { maxLength: 60 }).map((a) => new TextEncoder().encode(a.join('')));
    const input = fc.oneof(
      fc.record({ kind: fc.constant('xlsx' as const), bytes: fc.oneof(fc.uint8Array({ maxLength: 2000 }), damaged) }),
      fc.record({ kind: fc.constant('csv' as const), bytes: fc.oneof(fc.uint8Array({ maxLength: 500 }), csv) }),
    );
    await assertChunkedAsync(
      fc.asyncProperty(input, async ({ kind, bytes }) => {
        const t = Date.now();
        const r = await readWorkbook(bytes, kind, `f.${kind}`);
        for (const d of r.diagnostics) {
          expect(d.code).toMatch(/^[EW]_[A-Z_]+$/);
          expect(d.span?.line ?? 0).toBeGreaterThanOrEqual(1);
        }
        for (const sheet of r.sheets) {
          const m = mapRows(sheet.rows, `f.${kind}`, undefined, sheet.name);
          for (const d of m.diagnostics) expect(d.code).toMatch(/^[EW]_[A-Z_]+$/);
        }
        expect(Date.now() - t).toBeLessThan(5000);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, 600_000);
});
