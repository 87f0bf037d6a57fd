// Date forms people type in sheets (SPEC §2): ISO, slashes, dots, 年月日, 年月(底), Excel serials, 长期坚持.

export type DateValue =
  | { kind: 'date'; year: number; month: number; day: number }
  | { kind: 'ongoing' };

export const ONGOING_WORDS = ['长期坚持', '长期'];

/** Excel's day 1 is 1900-01-01 and it counts a 1900-02-29 that never was; serial 60 is that day. */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function make(year: number, month: number, day: number | 'end'): DateValue | undefined {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) return undefined;
  if (!Number.isInteger(month) || month < 1 || month > 12) return undefined;
  const last = daysInMonth(year, month);
  const d = day === 'end' ? last : day;
  if (!Number.isInteger(d) || d < 1 || d > last) return undefined;
  return { kind: 'date', year, month, day: d };
}

/** Parses one cell; `allowOngoing` accepts 长期坚持 for deadlines. */
export function parseDate(raw: string | number, allowOngoing = false): DateValue | undefined {
  if (typeof raw === 'number') return fromExcelSerial(raw);
  const s = raw.trim().replace(/\s+/g, '');
  if (s === '') return undefined;
  if (ONGOING_WORDS.includes(s)) return allowOngoing ? { kind: 'ongoing' } : undefined;
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:T[\d:.]+Z?)?$/.exec(s);
  if (m) return make(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/.exec(s);
  if (m) return make(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{4})年(\d{1,2})月(?:底|末)?$/.exec(s);
  if (m) return make(+m[1]!, +m[2]!, 'end');
  m = /^(\d{4})[-/.](\d{1,2})$/.exec(s);
  if (m) return make(+m[1]!, +m[2]!, 'end');
  m = /^(\d{4})年(?:底|末)$/.exec(s);
  if (m) return make(+m[1]!, 12, 31);
  if (/^\d{4,6}(\.\d+)?$/.test(s)) return fromExcelSerial(Number(s));
  return undefined;
}

export function fromExcelSerial(n: number): DateValue | undefined {
  // Serials from 1 (1900-01-01) to 2958465 (9999-12-31); real plans sit in 1900–2200.
  if (!Number.isFinite(n) || n < 1 || n > 120000) return undefined;
  const whole = Math.floor(n);
  const ms = EXCEL_EPOCH_UTC + whole * 86400000;
  const d = new Date(ms);
  return make(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** 2014年3月31日 with Arabic numerals, no zero padding (GB/T 9704 §7.3.5). */
export function formatDateZh(d: DateValue): string {
  return d.kind === 'ongoing' ? '长期坚持' : `${d.year}年${d.month}月${d.day}日`;
}

export function formatDateIso(d: DateValue): string {
  if (d.kind === 'ongoing') return '长期坚持';
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Sort key; ongoing sorts after every date. */
export function dateKey(d: DateValue): number {
  return d.kind === 'ongoing' ? Number.MAX_SAFE_INTEGER : d.year * 10000 + d.month * 100 + d.day;
}

export function compareDates(a: DateValue, b: DateValue): number {
  return dateKey(a) - dateKey(b);
}
