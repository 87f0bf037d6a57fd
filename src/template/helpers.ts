// Handlebars helpers for the built-in and user templates: dates, numerals, grouping, filtering.
import type { HelperDelegate } from 'handlebars';
import { untag } from './markers.js';
import { chineseNumeral } from './numerals.js';
import { DateView } from './view.js';

type Opts = { hash?: Record<string, unknown>; fn?: unknown };

/** Strips Handlebars' trailing options argument. */
function args(a: unknown[]): unknown[] {
  const last = a[a.length - 1] as Opts | undefined;
  return last && typeof last === 'object' && 'hash' in last ? a.slice(0, -1) : a;
}

function plain(v: unknown): unknown {
  if (typeof v === 'string') return untag(v);
  if (v instanceof DateView) return v.iso;
  return v;
}

function get(item: unknown, field: string): unknown {
  if (item && typeof item === 'object' && Object.prototype.hasOwnProperty.call(item, field)) return (item as Record<string, unknown>)[field];
  return undefined;
}

function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function matches(item: unknown, field: string, value: unknown): boolean {
  const v = get(item, field);
  if (Array.isArray(v)) return v.map(plain).includes(plain(value));
  return plain(v) === plain(value);
}

export const helpers: Record<string, HelperDelegate> = {
  /** {{cn 3}} → 三 */
  cn: (...a: unknown[]) => chineseNumeral(Number(args(a)[0])),
  /** {{formatDate d}} → 2014年3月31日; "iso" → 2014-03-31, "ym" → 2014年3月, "md" → 3月31日 */
  formatDate: (...a: unknown[]) => {
    const [d, fmt] = args(a);
    if (!(d instanceof DateView)) return d == null ? '' : String(d);
    if (d.ongoing || d.words || d.year === null) return d.zh;
    switch (fmt) {
      case 'iso':
        return d.iso;
      case 'ym':
        return `${d.year}年${d.month}月`;
      case 'md':
        return `${d.month}月${d.day}日`;
      default:
        return d.zh;
    }
  },
  /**
   * {{dateRange from to}} → 2013年12月16日至2014年1月31日, 2014年2月1日至3月31日: the year on the first
   * date, and on the second only when it differs; a third argument replaces 至 (“—” in a table).
   */
  dateRange: (...a: unknown[]) => {
    const [from, to, sep] = args(a);
    const zh = (d: unknown) => (d instanceof DateView ? d.zh : d == null ? '' : String(d));
    if (!(from instanceof DateView) || !(to instanceof DateView)) return [zh(from), zh(to)].filter(Boolean).join(typeof sep === 'string' ? sep : '至');
    const sameYear = !to.words && !to.ongoing && to.year !== null && to.year === from.year && to.month !== null;
    const end = sameYear ? `${to.month}月${to.day === null ? '' : `${to.day}日`}` : to.zh;
    return `${from.zh}${typeof sep === 'string' ? sep : '至'}${end}`;
  },
  inc: (...a: unknown[]) => Number(args(a)[0]) + 1,
  add: (...a: unknown[]) => args(a).reduce((s: number, x) => s + Number(x), 0),
  eq: (...a: unknown[]) => {
    const [x, y] = args(a);
    return plain(x) === plain(y);
  },
  ne: (...a: unknown[]) => {
    const [x, y] = args(a);
    return plain(x) !== plain(y);
  },
  gt: (...a: unknown[]) => Number(args(a)[0]) > Number(args(a)[1]),
  lt: (...a: unknown[]) => Number(args(a)[0]) < Number(args(a)[1]),
  and: (...a: unknown[]) => args(a).every(Boolean),
  or: (...a: unknown[]) => args(a).some(Boolean),
  not: (...a: unknown[]) => !args(a)[0],
  /** {{len list}} */
  len: (...a: unknown[]) => asList(args(a)[0]).length,
  /** {{countBy problems "wind" "formalism"}} → how many items have that value */
  countBy: (...a: unknown[]) => {
    const [list, field, value] = args(a);
    const l = asList(list);
    return field === undefined ? l.length : l.filter((it) => matches(it, String(field), value)).length;
  },
  /** {{#each (filter measures "public" true)}} */
  filter: (...a: unknown[]) => {
    const [list, field, value] = args(a);
    return asList(list).filter((it) => matches(it, String(field), value));
  },
  /** {{#each (groupBy problems "wind")}} {{label}} {{#each items}}…{{/each}} {{/each}} */
  groupBy: (...a: unknown[]) => {
    const [list, field] = args(a);
    const groups = new Map<unknown, { key: unknown; label: unknown; items: unknown[] }>();
    for (const it of asList(list)) {
      const k = plain(get(it, String(field)));
      let g = groups.get(k);
      if (!g) {
        g = { key: k, label: get(it, `${String(field)}_label`) ?? get(it, String(field)), items: [] };
        groups.set(k, g);
      }
      g.items.push(it);
    }
    return [...groups.values()];
  },
  /** {{join leaders "、" "name"}} */
  join: (...a: unknown[]) => {
    const [list, sep, field] = args(a);
    return asList(list)
      .map((it) => (field === undefined ? it : get(it, String(field))))
      .filter((x) => x != null && x !== '')
      .map((x) => String(x))
      .join(sep === undefined ? '、' : String(sep));
  },
  /** {{end text}} → the text with a closing 。 unless it already ends a sentence */
  end: (...a: unknown[]) => {
    const [v] = args(a);
    if (v == null || v === '') return '';
    const s = String(v);
    return /[。！？；…”’）)!?.;]$/.test(untag(s)) ? s : s + '。';
  },
  /**
   * {{clauses "责任领导" leader "责任部门" department "完成时限" deadline}} → 责任领导：张三；责任部门：办公室；完成时限：2025年7月31日。
   * Pairs whose value is empty are left out (a kind that does not require the field); '' when all are.
   */
  clauses: (...a: unknown[]) => {
    const xs = args(a);
    const parts: string[] = [];
    for (let i = 0; i + 1 < xs.length; i += 2) {
      const v = xs[i + 1];
      if (v == null || v === '' || (Array.isArray(v) && !v.length)) continue;
      parts.push(`${String(xs[i])}：${String(v)}`);
    }
    return parts.length ? parts.join('；') + '。' : '';
  },
  /** {{default value "无"}} */
  default: (...a: unknown[]) => {
    const [v, d] = args(a);
    return v == null || v === '' ? d : v;
  },
};
