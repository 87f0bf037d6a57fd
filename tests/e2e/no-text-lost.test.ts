// No text is ever cut: generated units with long and odd fields (a 1,500-character problem, a
// 5,000-character word, mixed scripts) rendered to PDF, OFD and DOCX; every character of every field
// of the 问题清单 is found again in each output's text (pdftotext, the OFD's TextCode, the DOCX's runs),
// as often as the data has it.
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gongwen } from '../support/cli.js';
import { readOfd } from '../support/ofd-package.js';

/** Characters no template of the 问题清单 writes: counting them counts the data alone. */
const ALPHABET = [...'甲乙丙丁戊己庚辛壬癸丑寅卯辰巳酉戌亥XQZ'];
const field = (min: number, max: number) => fc.array(fc.constantFrom(...ALPHABET), { minLength: min, maxLength: max }).map((a) => a.join(''));
/** Long fields: a paragraph of 1,500 characters, one word of 5,000 letters, or short ones. */
const long = fc.oneof(field(1, 40), field(1200, 1600), fc.constant('Q'.repeat(5000)));

const count = (s: string) => {
  const m = new Map<string, number>();
  for (const ch of s) if (ALPHABET.includes(ch)) m.set(ch, (m.get(ch) ?? 0) + 1);
  return Object.fromEntries([...m].sort());
};

const yamlString = (s: string) => JSON.stringify(s);

describe('no text is lost', () => {
  it('every character of every field of the 问题清单 reaches the PDF, the OFD and the DOCX', () => {
    const units = fc.sample(fc.record({ problems: fc.array(fc.record({ text: long, action: long, goal: field(1, 30), leader: field(1, 4), department: field(1, 8) }), { minLength: 1, maxLength: 3 }) }), { seed: 20131128, numRuns: 4 });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-nolost-'));
    fs.mkdirSync(path.join(dir, 'data'));
    const expected: Record<string, Record<string, number>> = {};
    units.forEach((u, i) => {
      const name = `长字段单位${i + 1}`;
      const lines = [`unit: { name: ${name}, issuer: 中共${name}委员会, filing_to: 测试领导小组, date: 2014-01-10 }`, 'problems:'];
      u.problems.forEach((p, j) => lines.push(`  - { id: P${j}, text: ${yamlString(p.text)}, wind: formalism, scope: collective }`));
      lines.push('measures:');
      u.problems.forEach((p, j) => lines.push(`  - { problem: P${j}, action: ${yamlString(p.action)}, goal: ${yamlString(p.goal)}, deadline: 2014-03-31, leader: ${yamlString(p.leader)}, department: ${yamlString(p.department)} }`));
      fs.writeFileSync(path.join(dir, 'data', `u${i}.yaml`), lines.join('\n') + '\n');
      expected[name] = count(u.problems.map((p) => p.text + p.action + p.goal + p.leader + p.department).join(''));
    });
    const r = gongwen(['render', 'data', '--out', 'out', '--only', 'problem-list', '--format', 'pdf,ofd,docx', '--no-system-fonts'], dir);
    expect(r.code, r.stderr).toBe(0);
    for (const [name, want] of Object.entries(expected)) {
      const base = path.join(dir, 'out', name, '问题清单');
      const pdf = execFileSync('pdftotext', [`${base}.pdf`, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      expect(count(pdf), `${name} PDF`).toEqual(want);
      const ofd = readOfd(new Uint8Array(fs.readFileSync(`${base}.ofd`)));
      expect(ofd.problems).toEqual([]);
      expect(count(ofd.textCodes.map((t) => t.text).join('')), `${name} OFD`).toEqual(want);
      const xml = strFromU8(unzipSync(new Uint8Array(fs.readFileSync(`${base}.docx`)))['word/document.xml']!);
      const runs = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
      expect(count(runs), `${name} DOCX`).toEqual(want);
    }
  }, 300_000);
});
