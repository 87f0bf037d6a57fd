import { describe, expect, it } from 'vitest';
import { formatDateZh, parseDate } from '../../src/data/dates.js';

const iso = (raw: string | number, ongoing = false) => {
  const d = parseDate(raw, ongoing);
  return d ? (d.kind === 'ongoing' ? 'ongoing' : `${d.year}-${d.month}-${d.day}`) : undefined;
};

describe('parseDate', () => {
  it('accepts every form of SPEC §2', () => {
    expect(iso('2014-03-31')).toBe('2014-3-31');
    expect(iso('2014/3/31')).toBe('2014-3-31');
    expect(iso('2014.3.31')).toBe('2014-3-31');
    expect(iso('2014年3月31日')).toBe('2014-3-31');
    expect(iso('2014年3月')).toBe('2014-3-31');
    expect(iso('2014年2月底')).toBe('2014-2-28');
    expect(iso('2016年2月')).toBe('2016-2-29');
    expect(iso(41729)).toBe('2014-3-31');
    expect(iso('41729')).toBe('2014-3-31');
    expect(iso(' 2014 年 3 月 31 日 ')).toBe('2014-3-31');
  });
  it('takes 长期坚持 only where a deadline may be ongoing', () => {
    expect(iso('长期坚持', true)).toBe('ongoing');
    expect(iso('长期', true)).toBe('ongoing');
    expect(iso('长期坚持', false)).toBeUndefined();
  });
  it('rejects impossible dates and words', () => {
    for (const bad of ['2014-13-01', '2014-02-30', '2014年13月45日', '明年', '', 'abc', '0', -5]) expect(iso(bad)).toBeUndefined();
  });
  it('prints dates with Arabic numerals and no padding (GB/T 9704 §7.3.5)', () => {
    expect(formatDateZh({ kind: 'date', year: 2014, month: 3, day: 1 })).toBe('2014年3月1日');
    expect(formatDateZh({ kind: 'ongoing' })).toBe('长期坚持');
  });
});
