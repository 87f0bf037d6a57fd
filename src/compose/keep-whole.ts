// Pieces of text a reader wants on one line, for the table column widths (a column as wide as its
// longest piece) and the title's line breaks (never inside a word): dates however the data writes them
// (2014年3月31日, 2014.3.31, 三月底) and numbers with their unit (15万元, 3个, 第2批, 20%); the 四风
// categories and the compounds these documents use (领导班子, 专项整治, 长期坚持 …), a short item of a
// list (a name, a 序号) and what the segmenter calls a word. Body lines break by the readers' rules
// (layout/break-lines.ts), not by these.

/** A piece as UTF-16 offsets [start, end). */
export type Piece = readonly [number, number];

/** Terms of the 教育实践活动 documents a reader never sees broken (also kept whole in titles). */
export const COMPOUNDS = [
  '形式主义',
  '官僚主义',
  '享乐主义',
  '奢靡之风',
  '四风',
  '领导班子',
  '班子成员',
  '领导干部',
  '教育实践活动',
  '群众路线',
  '专项整治',
  '主题教育',
  '民主生活会',
  '巡视反馈意见',
  '巡察反馈意见',
  '反馈意见',
  '整改方案',
  '整改措施',
  '整改落实',
  '整改任务',
  '整改台账',
  '问题清单',
  '责任领导',
  '责任部门',
  '责任单位',
  '责任人',
  '完成时限',
  '整改时限',
  '牵头部门',
  '配合部门',
  '回头看',
  '领导小组',
  '制度建设',
  '八项规定',
  '党组织',
  '党委',
  '党组',
  '备案',
  '序号',
  '备注',
  '主要负责人',
  '分管领导',
  '立行立改',
  '长期坚持',
  '持续推进',
  '持续整改',
  // Words ICU's dictionary splits (调|研, 走过|场).
  '调研',
  '调查研究',
  '走过场',
  '文山会海',
  '公务用车',
  '会风文风',
  '三公经费',
  '联系群众',
  '服务群众',
];

const CN_NUM = '〇零一二三四五六七八九十';
const DATE_PATTERNS = [
  // 2014年3月31日, 2014 年 3 月, 3月31日, 3月底, 2014年底, 2014年12月31日前
  String.raw`\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?(?:底|初|末|前|中旬|上旬|下旬|以前)?`,
  String.raw`\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?(?:底|初|末|前|中旬|上旬|下旬|以前)?`,
  // 二〇一四年三月三十一日
  `[${CN_NUM}]{2,4}年(?:[${CN_NUM}]{1,3}月(?:[${CN_NUM}]{1,3}日)?)?(?:底|前)?`,
  `[${CN_NUM}]{1,3}月(?:[${CN_NUM}]{1,3}日)?(?:底|前)?`,
  // 2014.3.31, 2014-03-31, 2014/3/31
  String.raw`\d{4}[.\-/．]\d{1,2}(?:[.\-/．]\d{1,2})?`,
];
const UNITS = '万元|亿元|千元|元|万人|人次|平方米|公里|千米|小时|分钟|%|％|‰|万|亿|个|项|次|人|名|条|件|份|场|家|天|周|处|所|批|篇|期|台|辆|米|吨|册|本|张|套|户|位|届|号|轮|类|种|座|间';
const NUMBER_PATTERN = String.raw`第?\d+(?:[.,]\d+)*\s*(?:${UNITS})|第\d+|第[${CN_NUM}]+[次批届轮期类项条]`;

const FIXED = new RegExp([...DATE_PATTERNS, NUMBER_PATTERN].join('|'), 'gu');
const COMPOUND = new RegExp(COMPOUNDS.map(escape).join('|'), 'gu');

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Pieces by text, remembered: a cell or a paragraph is asked for them by the column widths, the
 * line breaker and every writer (PDF, OFD, DOCX) of the same document. Bounded, and the results are
 * shared: callers never change them.
 */
function remembered(fn: (text: string) => Piece[]): (text: string) => Piece[] {
  const cache = new Map<string, Piece[]>();
  return (text) => {
    let r = cache.get(text);
    if (!r) {
      if (cache.size >= 4096) cache.clear();
      cache.set(text, (r = fn(text)));
    }
    return r;
  };
}

const matches = (re: RegExp, text: string): Piece[] => [...text.matchAll(re)].filter((m) => m[0].length > 1).map((m) => [m.index!, m.index! + m[0].length] as const);

/** Dates and numbers with units: kept whole everywhere, body text included. */
export const fixedPieces = remembered((text: string): Piece[] => {
  // Every pattern needs a digit, 年, 月 or 第: most lines have none, and the regex costs.
  if (!/[\d年月第]/.test(text)) return [];
  return matches(FIXED, text);
});

/** The compounds of COMPOUNDS in `text`. */
export function compoundPieces(text: string): Piece[] {
  return matches(COMPOUND, text);
}

/** One segmenter for the process: constructing one costs more than segmenting a cell. */
let segmenter: Intl.Segmenter | undefined;
/** An item of a cell's list this short stays whole: a name in 张三、李四, a department (党委办公室), a 序号. */
const SHORT_ITEM = 6;

/**
 * Pieces of a table cell or a title: the fixed ones, the compounds and the segmenter's words (so
 * 形式主义 or 责任领导 never become 形式主/义 or 责任领/导), and with `items` each short item between
 * separators (a name, a department, a 序号) — for columns of short entries, where a ragged line
 * costs nothing and a broken name reads wrong.
 */
function piecesOf(text: string, items: boolean): Piece[] {
  const out = [...fixedPieces(text), ...compoundPieces(text)];
  if (items) {
    for (const m of text.matchAll(/[^\s、，,；;／/：:。（）()“”‘’《》「」]+/gu)) {
      if ([...m[0]].length <= SHORT_ITEM && m[0].length > 1) out.push([m.index!, m.index! + m[0].length]);
    }
  }
  segmenter ??= new Intl.Segmenter('zh-Hans', { granularity: 'word' });
  for (const s of segmenter.segment(text)) if (s.isWordLike && s.segment.length > 1) out.push([s.index, s.index + s.segment.length]);
  return out;
}

export const wordPieces = remembered((text: string) => piecesOf(text, true));

/** Pieces of a cell of running text (no item rule: a long cell keeps its lines full). */
export const textPieces = remembered((text: string) => piecesOf(text, false));

/** A column whose every entry is this short holds names, dates, categories: items stay whole. */
const SHORT_COLUMN = 12;

/** The pieces rule of each column: items kept whole in columns of short entries only. */
export function columnKeeps(cells: readonly string[][], columns: number): ((text: string) => Piece[])[] {
  return Array.from({ length: columns }, (_v, c) => (cells.every((r) => [...(r[c] ?? '')].length <= SHORT_COLUMN) ? wordPieces : textPieces));
}

/** Offsets strictly inside some piece (where no line may break), as a set. */
export function insidePieces(pieces: readonly Piece[]): Set<number> {
  const inside = new Set<number>();
  for (const [a, b] of pieces) for (let i = a + 1; i < b; i++) inside.add(i);
  return inside;
}

/** The longest piece of `text` in character cells, a piece being a run between allowed breaks. */
export function longestPiece(text: string, cells: (s: string) => number, keep: (text: string) => Piece[] = wordPieces): number {
  const inside = insidePieces(keep(text));
  let best = 0;
  let start = 0;
  const chars = [...text];
  let off = 0;
  const flush = (end: number) => {
    best = Math.max(best, cells(text.slice(start, end)));
    start = end;
  };
  for (const ch of chars) {
    const next = off + ch.length;
    // A break is allowed after a CJK character or a separator unless inside a piece; Latin words and
    // numbers stay whole (as UAX #14 keeps them).
    const nextCh = text[next];
    const latinRun = /[A-Za-z0-9.]/.test(ch) && nextCh !== undefined && /[A-Za-z0-9.]/.test(nextCh);
    if (next < text.length && !inside.has(next) && !latinRun) flush(next);
    off = next;
  }
  flush(text.length);
  return best;
}
