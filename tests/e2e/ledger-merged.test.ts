// The ledger as a ledger (issue 29): one row per measure, a problem's cells merged over its measures,
// so each measure's 目标, 责任领导, 责任部门 and 时限 sit on its own row — in our PDF, in the OFD
// (the same pages) and in LibreOffice's rendering of the DOCX, read back by poppler and as pixels.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { gongwen } from '../support/cli.js';
import { convertToPdf } from '../support/libreoffice.js';
import { words } from '../support/poppler.js';
import { rasterize } from '../support/raster.js';

const UNIT = `unit:
  name: 测试单位
  issuer: 中共测试单位委员会
  filing_to: 测试领导小组
  date: 2014-01-10
problems:
  - id: P1
    text: 会议多文件多
    wind: formalism
    scope: collective
  - id: P2
    text: 调研不深入
    wind: bureaucratism
    scope: collective
measures:
  - { problem: P1, action: 甲措施, goal: 甲目标, leader: 张三, department: 办公室, deadline: 2014-03-31 }
  - { problem: P1, action: 乙措施, goal: 乙目标, leader: 李四, department: 研究室, deadline: 2014-06-30 }
  - { problem: P1, action: 丙措施, goal: 丙目标, leader: 王五, department: 组织部, deadline: 2014-09-30 }
  - { problem: P2, action: 丁措施, goal: 丁目标, leader: 赵六, department: 宣传部, deadline: 2014-12-31 }
`;

describe('the 问题清单 with a problem of three measures', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-ledger-'));
  const out = path.join(dir, 'out', '测试单位');
  let lo: string;

  beforeAll(() => {
    fs.mkdirSync(path.join(dir, 'data'));
    fs.writeFileSync(path.join(dir, 'data', 'u.yaml'), UNIT);
    const r = gongwen(['render', 'data', '--out', 'out', '--only', 'problem-list', '--format', 'docx,pdf,ofd', '--no-system-fonts'], dir);
    expect(r.code, r.stderr).toBe(0);
    [lo] = convertToPdf([path.join(out, '问题清单.docx')], path.join(dir, 'lo'));
  }, 240_000);

  /** The y of a word's centre on page 1. */
  const y = (pdf: string, w: string) => {
    const hits = words(pdf, 1).filter((x) => x.text.includes(w));
    expect(hits, `${pdf}: ${w}`).toHaveLength(1);
    return (hits[0]!.yMin + hits[0]!.yMax) / 2;
  };

  for (const [name, pdf] of [
    ['our PDF', () => path.join(out, '问题清单.pdf')],
    ['LibreOffice’s PDF of the DOCX', () => lo],
  ] as const) {
    it(`${name}: the problem once, centred over its three measures, each measure's row its own`, () => {
      const f = pdf();
      const rows = ['甲', '乙', '丙'].map((k) => y(f, `${k}措施`));
      expect(rows[0]!).toBeLessThan(rows[1]!);
      expect(rows[1]!).toBeLessThan(rows[2]!);
      // Each measure's goal, leader and deadline on the measure's row.
      for (const [i, k] of ['甲', '乙', '丙'].entries()) expect(Math.abs(y(f, `${k}目标`) - rows[i]!)).toBeLessThan(3);
      for (const [i, n] of ['张三', '李四', '王五'].entries()) expect(Math.abs(y(f, n) - rows[i]!)).toBeLessThan(3);
      // The problem and its 序号 centred over the three rows.
      expect(Math.abs(y(f, '会议多文件多') - rows[1]!)).toBeLessThan(6);
      expect(Math.abs(y(f, '形式主义') - rows[1]!)).toBeLessThan(6);
    });

    it(`${name}: no rule crosses the merged problem cell between its rows`, () => {
      const f = pdf();
      const page = rasterize(f, 144)[0]!;
      const word = words(f, 1).find((x) => x.text.includes('会议多文件多'))!;
      const scale = 144 / 72;
      // Inside the cell's padding, left of its text: only a rule across the cell would be dark here.
      const x = Math.round(word.xMin * scale) - 4;
      const top = Math.round(y(f, '甲措施') * scale);
      const bottom = Math.round(y(f, '丙措施') * scale);
      let dark = 0;
      for (let yy = top; yy <= bottom; yy++) if (page.data[yy * page.width + x]! < 128) dark++;
      expect(dark).toBe(0);
      // The same scan in the 目标 column crosses the two rules between the rows.
      const goal = words(f, 1).find((w) => w.text.includes('乙目标'))!;
      const gx = Math.round(goal.xMin * scale) - 4;
      let rules = 0;
      for (let yy = top, was = false; yy <= bottom; yy++) {
        const d = page.data[yy * page.width + gx]! < 128;
        if (d && !was) rules++;
        was = d;
      }
      expect(rules).toBe(2);
    });
  }

  it('the OFD carries the same pages: the problem once, each measure once', () => {
    const files = unzipSync(fs.readFileSync(path.join(out, '问题清单.ofd')));
    const page = strFromU8(files['Doc_0/Pages/Page_0/Content.xml']!);
    expect(page.split('会议多文件多').length - 1).toBe(1);
    for (const k of ['甲措施', '乙措施', '丙措施', '丁措施']) expect(page.split(k).length - 1, k).toBe(1);
  });
});
