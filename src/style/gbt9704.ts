// The GB/T 9704-2012 profile: page, margins, grid, font roles and sizes, in points (DESIGN §3).
// Millimetres appear only here, as the standard's source numbers.

export const MM = 72 / 25.4;
export const mm = (v: number): number => v * MM;

/** 号 → pt (practice, gbt9704.md §1). */
export const SIZE = { chu: 42, xiaochu: 36, yi: 26, xiaoyi: 24, er: 22, xiaoer: 18, san: 16, xiaosan: 15, si: 14, xiaosi: 12, wu: 10.5, xiaowu: 9 } as const;

export type FontRole = 'title' | 'body' | 'heading1' | 'heading2' | 'pageNumber' | 'heading3';

/** Font family names per role as Word/WPS users have them (DOCX names these; PDF embeds its own files). */
export const FONT_NAMES: Record<FontRole, string> = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  heading3: '仿宋_GB2312',
  pageNumber: '宋体',
};

export const PAGE = {
  /** A4, §5.1 */
  width: mm(210),
  height: mm(297),
  /** 天头 37 mm, 订口 28 mm (§5.2.1); bottom and right follow from the 156 × 225 mm 版心. */
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
} as const;

export const TEXT_BLOCK = { width: mm(156), height: mm(225) } as const;

export const GRID = {
  /** §5.2.3: 22 lines of 28 characters. */
  linesPerPage: 22,
  charsPerLine: 28,
  /** 579 twip = 28.95 pt: the largest whole-twip pitch at which 22 lines fit 225 mm. */
  linePitch: 28.95,
  /** 156 mm / 28 characters. */
  charPitch: mm(156) / 28,
  /** §5.2.2: 3号 body. */
  bodySize: SIZE.san,
  /** Run spacing so 28 characters of 16 pt fit 442.2 pt: 28 × 15.75 = 441 (DESIGN §3, docx-notes problem 2). */
  charSpacing: -0.25,
} as const;

/** Width of one body character cell as laid out (16 pt + spacing). */
export const BODY_CELL = GRID.bodySize + GRID.charSpacing;

export const TITLE = { size: SIZE.er, role: 'title' as FontRole };

/** 发文机关标志: red, centred, top edge 35 mm below the 版心 top (§7.2.4); size chosen to fit. */
export const ISSUER_MARK = { maxSize: 42, minSize: 22, topFromBlock: mm(35), color: 'FF0000' as const };

/** Red rule under the 发文字号, 4 mm below it (§7.2.7). */
export const RED_RULE = { gap: mm(4), thickness: 1, color: 'FF0000' as const };

/**
 * 信函格式 (§10.1): the organ's name 30 mm below the paper's top edge; a red double line (thick over
 * thin) 4 mm below it and one (thin over thick) 20 mm above the bottom edge, both 170 mm long and
 * centred; the elements under the first line 7/8 of a 3号 character below it. Line widths as offices
 * set them (1.5 pt and 0.75 pt).
 */
export const LETTER = { markTop: mm(30), lineGap: mm(4), bottomLine: mm(20), lineLength: mm(170), thick: 1.5, thin: 0.75, between: 0.75, below: (SIZE.san * 7) / 8 } as const;

/** 版记 rules: first and last 0.35 mm, middle 0.25 mm (§7.4.1); 4号 text (§7.4.2). */
export const COLOPHON = { thick: mm(0.35), thin: mm(0.25), size: SIZE.si };

/** Page numbers: 4号 宋体, 一字线 either side, 7 mm below the 版心, outside, one character in (§7.5). */
export const PAGE_NUMBER = { size: SIZE.si, below: mm(7), inset: SIZE.si, dash: '\u2014' } as const;

/** Tables: 仿宋 4号, 小四 from 6 columns, 五号 from 8 (台账 in landscape); header row in 黑体. */
export const TABLE = { size: SIZE.si, lineFactor: 1.3, cellPadding: mm(1.5), manyColumns: 7 } as const;

export function tableFontSize(columns: number): number {
  return columns >= 8 ? SIZE.wu : columns >= 6 ? SIZE.xiaosi : SIZE.si;
}

/** Heading levels (§7.3.3): font role and weight. */
export const HEADINGS: Record<1 | 2 | 3 | 4, { role: FontRole; bold: boolean }> = {
  1: { role: 'heading1', bold: false },
  2: { role: 'heading2', bold: false },
  3: { role: 'heading3', bold: true },
  4: { role: 'body', bold: false },
};
