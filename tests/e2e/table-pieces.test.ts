// Tables set the way offices set them (issues 15, 29): columns as wide as their entries, so a 四风
// category, a name, a deadline or a 序号 in a cell of its own never wraps — with no hidden
// character in the DOCX: inside running text lines break where Word, LibreOffice and our layout
// all break them. In our PDF and in LibreOffice's rendering of the DOCX, read back by poppler.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { gongwen } from '../support/cli.js';
import { convertToPdf } from '../support/libreoffice.js';
import { textLines } from '../support/poppler.js';

const WINDS = ['formalism', 'bureaucratism', 'hedonism', 'extravagance'] as const;
const WIND_NAMES = ['形式主义', '官僚主义', '享乐主义', '奢靡之风'];
// Rare and compound surnames, three and four characters: names a dictionary does not know.
const NAMES = ['欧阳明远', '司马相如', '上官婉清', '诸葛明亮', '皇甫嵩岳', '令狐冲霄', '东方既白', '尉迟敬德', '慕容复兴', '长孙无忌', '赫连勃勃', '宇文化及'];
const DATES = ['2014.3.31', '2014年12月底前', '二〇一四年六月三十日', '2014-09-30', '2014年3月31日'];
const FILLER = '进一步健全完善相关工作机制并抓好督促落实确保取得实效';

/** A ledger of `n` problems whose cells run from two characters to several lines. */
function ledger(n: number): string {
  let y = 'unit:\n  name: 测试单位\n  issuer: 中共测试单位委员会\n  filing_to: 测试领导小组\n  date: 2014-01-10\nproblems:\n';
  let m = 'measures:\n';
  for (let i = 0; i < n; i++) {
    const long = FILLER.slice(0, 4 + ((i * 7) % FILLER.length));
    y += `  - id: P${i}\n    text: ${i % 3 === 0 ? '会风' : `会议过多${long}，投入资金${10 + i}万元`}\n    wind: ${WINDS[i % 4]}\n    scope: collective\n`;
    m += `  - problem: P${i}\n    action: ${i % 2 ? '精简' : `于${DATES[i % DATES.length]}前${long}，减少${20 + i}%`}\n    goal: ${i % 4 === 1 ? '长期坚持' : `第${i + 2}批完成${long.slice(0, 6)}`}\n    deadline: ${i % 5 === 4 ? '长期坚持' : `2014-${String((i % 12) + 1).padStart(2, '0')}-${String(10 + (i % 18)).padStart(2, '0')}`}\n    leader: ${NAMES[i % NAMES.length]}\n    department: ${i % 2 ? '办公室' : '机关党委组织部'}\n`;
  }
  return y + m;
}

/** The cells a reader must see whole, each as many times as the data has it: categories, names, deadlines. */
function expected(n: number): Map<string, number> {
  const want = new Map<string, number>();
  const add = (s: string) => want.set(s, (want.get(s) ?? 0) + 1);
  for (let i = 0; i < n; i++) {
    add(WIND_NAMES[i % 4]!);
    add(NAMES[i % NAMES.length]!);
    add(i % 5 === 4 ? '长期坚持' : `2014年${(i % 12) + 1}月${10 + (i % 18)}日`);
  }
  return want;
}

const count = (lines: string[], s: string) => lines.reduce((k, l) => k + l.split(s).length - 1, 0);

describe('table cells keep their pieces whole', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-pieces-'));
  const N = 24;
  let ours: string[];
  let lo: string[];

  beforeAll(() => {
    fs.mkdirSync(path.join(dir, 'data'));
    fs.writeFileSync(path.join(dir, 'data', 'u.yaml'), ledger(N));
    const r = gongwen(['render', 'data', '--out', 'out', '--only', 'problem-list', '--no-system-fonts'], dir);
    expect(r.code, r.stderr).toBe(0);
    const docx = path.join(dir, 'out', '测试单位', '问题清单.docx');
    const [loPdf] = convertToPdf([docx], path.join(dir, 'lo'));
    // Spaces out: readers set an autospace between 2014 and 年, pdftotext may show it as a space.
    const read = (pdf: string) => textLines(pdf).map((l) => l.text.replace(/\s+/g, ''));
    ours = read(path.join(dir, 'out', '测试单位', '问题清单.pdf'));
    lo = read(loPdf!);
  }, 240_000);

  for (const [name, lines] of [
    ['our PDF', () => ours],
    ['LibreOffice’s PDF of the DOCX', () => lo],
  ] as const) {
    it(`${name}: every category, name and deadline cell is on one line`, () => {
      const got = lines();
      const broken = [...expected(N)].filter(([s, k]) => count(got, s) < k).map(([s, k]) => `${s} (${count(got, s)}/${k})`);
      expect(broken).toEqual([]);
    });
    it(`${name}: the 序号 header and every 序号 stay on one line`, () => {
      const got = lines();
      expect(count(got, '序号')).toBeGreaterThan(0);
      expect(got.filter((l) => l === '序' || l === '号')).toEqual([]);
      // Two-digit 序号 10…24 each on a line of its own.
      for (let i = 10; i <= N; i++) expect(got.some((l) => l === String(i) || l.startsWith(String(i))), String(i)).toBe(true);
    });
  }
});
