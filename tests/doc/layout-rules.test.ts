import { describe, expect, it } from 'vitest';
import { safeFileName, NameRegistry } from '../../src/api/file-names.js';
import { columnWidths } from '../../src/compose/column-widths.js';
import { charCells } from '../../src/compose/measure-chars.js';
import { signaturePlace } from '../../src/compose/signature.js';
import { titleLines } from '../../src/compose/title-lines.js';
import type { Line, TableNode } from '../../src/doc/tree.js';

const L = (t: string): Line => [{ type: 'text', text: t, source: {} }];
const text = (l: Line) => l.map((i) => (i.type === 'text' ? i.text : '')).join('');

describe('titleLines (GB/T 9704 §7.3.1)', () => {
  it('keeps a short title on one line', () => {
    expect(titleLines(L('关于整改工作的报告'), 20)).toHaveLength(1);
  });
  it('breaks between words into balanced lines that fit', () => {
    const lines = titleLines(L('中共上海市某某委员会党组领导班子教育实践活动整改方案'), 20).map(text);
    expect(lines).toEqual(['中共上海市某某委员会党组', '领导班子教育实践活动整改方案']);
  });
  it('never breaks inside a compound the segmenter splits (领导|班子, 教育|实践|活动, 专项|整治), still a trapezoid', () => {
    const titles = [
      '中共上海市某某区教育局党委领导班子关于开展专项整治工作的实施方案',
      '上海市某某委员会党组领导班子党的群众路线教育实践活动整改落实情况报告',
      '关于某某大学领导班子教育实践活动专项整治“回头看”工作情况的报告',
    ];
    const compounds = ['领导班子', '教育实践活动', '专项整治', '整改落实', '群众路线', '回头看'];
    for (const t of titles) {
      for (const width of [14, 16, 18, 20, 22]) {
        const lines = titleLines(L(t), width).map(text);
        expect(lines.join('')).toBe(t);
        for (let i = 1; i < lines.length; i++) {
          const [a, b] = [lines[i - 1]!, lines[i]!];
          for (const c of compounds) for (let k = 1; k < c.length; k++) expect(a.endsWith(c.slice(0, k)) && b.startsWith(c.slice(k)), `${t} @${width}: ${a}|${b}`).toBe(false);
        }
        const lens = lines.map(charCells);
        for (let i = 1; i < lens.length - 1; i++) expect(lens[i]! < lens[i - 1]! && lens[i]! < lens[i + 1]!).toBe(false);
      }
    }
  });
  it('never ends a line on 关于 and keeps the 发文机关 before it on one line (§7.3.2: 词意完整)', () => {
    const t = '中共某某省交通投资集团有限公司委员会关于落实省委第五巡视组巡视反馈意见的整改方案';
    const lines = titleLines(L(t), 20).map(text);
    expect(lines.join('')).toBe(t);
    expect(lines[0]).toBe('中共某某省交通投资集团有限公司委员会');
    expect(lines[1]!.startsWith('关于')).toBe(true);
    // Names stay whole: an inspection group, a 发文字号.
    const g = titleLines(L('中共某某区市场监督管理局党组关于区委第二巡察组巡察反馈意见整改进展情况的报告'), 20).map(text);
    expect(g.some((l) => l.includes('区委第二巡察组')), g.join('|')).toBe(true);
    const n = titleLines(L('某某区教育局关于某审报〔2025〕12号审计报告所提问题整改情况的报告'), 20).map(text);
    expect(n.some((l) => l.includes('某审报〔2025〕12号')), n.join('|')).toBe(true);
    for (const x of ['中共上海市某某委员会党组关于进一步加强和改进机关作风建设的实施意见', '中共某某大学委员会关于印发《中共某某大学委员会领导班子教育实践活动整改方案》的通知']) {
      const ls = titleLines(L(x), 20).map(text);
      expect(ls.join('')).toBe(x);
      expect(ls.some((l) => l.endsWith('关于')), ls.join('|')).toBe(false);
    }
  });
  it('never makes an hourglass and never loses a character', () => {
    const titles = [
      '关于印发《上海市某某委员会党组领导班子教育实践活动整改方案》和《专项整治方案》的通知',
      '中共上海市某某委员会党组关于进一步加强和改进机关作风建设切实减轻基层负担若干措施的实施意见',
    ];
    for (const t of titles) {
      const lines = titleLines(L(t), 20).map(text);
      expect(lines.join('')).toBe(t);
      const lens = lines.map(charCells);
      expect(Math.max(...lens)).toBeLessThanOrEqual(20);
      for (let i = 1; i < lens.length - 1; i++) expect(lens[i]! < lens[i - 1]! && lens[i]! < lens[i + 1]!).toBe(false);
      for (const l of lines.slice(1)) expect(/^[，。、；：）》”]/.test(l)).toBe(false);
    }
  });
});

describe('signaturePlace (GB/T 9704 §7.3.5)', () => {
  // In cells of 1 on a 28-cell line: starts from the left.
  const place = (signature: number, date: number, sealed = false) => signaturePlace({ signature, date, width: 28, cell: 1, sealed });
  it('puts the 署名 2 characters from the right and the date 2 characters right of its start', () => {
    // 中共上海市某某委员会党组 = 12 cells; 2013年12月10日 ≈ 8.5 cells.
    expect(place(12, 8.5)).toEqual({ signature: 14, date: 16 });
  });
  it('puts a longer date 2 characters from the right and moves the 署名 left', () => {
    expect(place(4, 8.5)).toEqual({ signature: 15.5, date: 17.5 });
  });
  it('with a seal: the date 4 characters from the right, the 署名 centred over it', () => {
    expect(place(12, 8.5, true)).toEqual({ signature: 13.75, date: 15.5 });
    expect(place(4, 8.5, true)).toEqual({ signature: 17.75, date: 15.5 });
  });
});

describe('columnWidths', () => {
  const cells = (...xs: string[]) => xs.map(L);
  const t: TableNode = {
    type: 'table',
    header: cells('序号', '问题', '责任领导'),
    rows: [cells('1', '会议多、文件多，以会议落实会议、以文件落实文件，开会时间长、效率低', '张三'), cells('2', '调研浮在面上', '李四')],
    align: [null, null, null],
    span: { file: 't', line: 1, column: 1 },
  };
  it('gives long text most of the width and short columns what they need', () => {
    const w = columnWidths(t, 30).map((x) => x * 30);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(30);
    expect(w[1]).toBeGreaterThan(w[0]! * 4);
    expect(w[2]).toBeGreaterThanOrEqual(3);
  });
});

describe('safeFileName', () => {
  it('makes names safe on every OS and keeps them readable', () => {
    expect(safeFileName('../../etc/passwd')).toBe('／..／etc／passwd');
    expect(safeFileName('a/b\\c:d*e?f"g<h>i|j')).toBe('a／b＼c：d＊e？f＂g＜h＞i｜j');
    expect(safeFileName('CON')).toBe('_CON');
    expect(safeFileName('nul.txt')).toBe('_nul.txt');
    expect(safeFileName('  ...隐藏  ')).toBe('隐藏');
    expect(safeFileName('\u0000\u200B')).toBe('未命名');
    expect(new TextEncoder().encode(safeFileName('长'.repeat(300))).length).toBeLessThanOrEqual(180);
  });
  it('never hands out the same name twice', () => {
    const r = new NameRegistry();
    expect([r.claim('单位'), r.claim('单位'), r.claim('单位')]).toEqual(['单位', '单位（2）', '单位（3）']);
  });
});
