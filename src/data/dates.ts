// Date forms people type in sheets (SPEC §2): ISO, slashes, dots, 年月日, 年月(底), Excel serials, 长期坚持.

/**
 * A date, or a deadline as offices write it. `text` keeps the office's words where they say more
 * than a day (“2014年3月底前”, “2014年上半年”, “持续推进”): documents print them as written, the
 * date is the last day they can mean. 立行立改 is due on the plan's date (or a term after it).
 */
export type DateValue = { kind: 'date'; year: number; month: number; day: number; text?: string } | { kind: 'ongoing'; text?: string } | { kind: 'immediate'; text: string };

/** Work that never ends: never overdue. 长期坚持 and 长期 print as 长期坚持; the others as written. */
export const ONGOING_WORDS = ['长期坚持', '长期'];
const ONGOING_PHRASES = ['持续推进', '常态化', '长期整改', '持续整改', '常态长效', '长期推进', '持续深化'];
const IMMEDIATE_WORDS = ['立行立改', '立即整改', '即知即改', '立查立改'];
const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

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
  if (allowOngoing) {
    const words = deadlineWords(s);
    if (words !== null) return words;
  }
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

/** Deadline phrases (kinds.md “deadlines as offices write them”): null when `s` is none of them, undefined when it names no real day. */
function deadlineWords(s: string): DateValue | undefined | null {
  const text = s;
  if (ONGOING_PHRASES.includes(s)) return { kind: 'ongoing', text };
  if (IMMEDIATE_WORDS.includes(s)) return { kind: 'immediate', text };
  const dated = (d: DateValue | undefined): DateValue | undefined => (d && d.kind === 'date' ? { ...d, text } : undefined);
  const before = '(?:前|之前|以前|内|以内)';
  let m = new RegExp(`^(\\d{4})年(\\d{1,2})月(\\d{1,2})日?${before}$`).exec(s);
  if (m) return dated(make(+m[1]!, +m[2]!, +m[3]!));
  m = new RegExp(`^(\\d{4})年(\\d{1,2})月(?:底|末|份)?${before}$`).exec(s);
  if (m) return dated(make(+m[1]!, +m[2]!, 'end'));
  m = new RegExp(`^(\\d{4})年(\\d{1,2})月(上|中|下)旬(?:末)?${before}?$`).exec(s);
  if (m) return dated(make(+m[1]!, +m[2]!, m[3] === '上' ? 10 : m[3] === '中' ? 20 : 'end'));
  m = new RegExp(`^(\\d{4})年(上|下)半年(?:末|底)?${before}?$`).exec(s);
  if (m) return dated(make(+m[1]!, m[2] === '上' ? 6 : 12, 'end'));
  m = new RegExp(`^(\\d{4})年(?:第)?([一二三四1-4])季度(?:末|底)?${before}?$`).exec(s);
  if (m) return dated(make(+m[1]!, CN_DIGIT[m[2]!]! * 3, 'end'));
  m = new RegExp(`^(\\d{4})年(?:年)?(?:底|末)${before}$|^(\\d{4})年(?:年内|内|全年)$`).exec(s);
  if (m) return dated(make(+(m[1] ?? m[2])!, 12, 31));
  // A year and month past the calendar (2014年13月底前) is a date that names no day.
  if (/^\d{4}年\d{1,2}月/.test(s) && new RegExp(`${before}$|旬`).test(s)) return undefined;
  return null;
}

export function fromExcelSerial(n: number): DateValue | undefined {
  // Serials from 1 (1900-01-01) to 2958465 (9999-12-31); real plans sit in 1900–2200.
  if (!Number.isFinite(n) || n < 1 || n > 120000) return undefined;
  const whole = Math.floor(n);
  const ms = EXCEL_EPOCH_UTC + whole * 86400000;
  const d = new Date(ms);
  return make(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** 2014年3月31日 with Arabic numerals, no zero padding (GB/T 9704 §7.3.5); a deadline in words as written. */
export function formatDateZh(d: DateValue): string {
  if (d.text) return d.text;
  return d.kind === 'date' ? `${d.year}年${d.month}月${d.day}日` : '长期坚持';
}

/** The day itself (2014年3月31日), without the words it was written in. */
export function formatDayZh(d: DateValue & { kind: 'date' }): string {
  return `${d.year}年${d.month}月${d.day}日`;
}

export function formatDateIso(d: DateValue): string {
  if (d.kind === 'ongoing') return '长期坚持';
  if (d.kind === 'immediate') return d.text;
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Sort key; 立行立改 sorts before every date, ongoing after. */
export function dateKey(d: DateValue): number {
  return d.kind === 'ongoing' ? Number.MAX_SAFE_INTEGER : d.kind === 'immediate' ? 0 : d.year * 10000 + d.month * 100 + d.day;
}

/** Days from `a` to `b` (positive when b is later). */
export function daysBetween(a: DateValue & { kind: 'date' }, b: DateValue & { kind: 'date' }): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86400000);
}

export function compareDates(a: DateValue, b: DateValue): number {
  return dateKey(a) - dateKey(b);
}
