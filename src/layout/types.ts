// PagedLayout: positioned text and rules, page by page, in points from the page's top-left corner.
// The layout engine makes it; the PDF backend only draws it (DESIGN §1).
import type { Squeezed, Tightenings } from '../compose/squeeze.js';
import type { Source } from '../doc/tree.js';
import type { Face } from '../fonts/font-book.js';

export type Rgb = readonly [number, number, number];
export const BLACK: Rgb = [0, 0, 0];
export const RED: Rgb = [1, 0, 0];

export type { DocElement } from '../compose/plan.js';
import type { DocElement } from '../compose/plan.js';

/** A run of glyphs drawn with one font, size and character spacing from (x, baseline). */
export interface TextItem {
  kind: 'text';
  x: number;
  y: number;
  text: string;
  /**
   * The glyph of each character of `text`, in order (0: the character draws nothing), and its
   * advance in points without character spacing: writers draw these, they measure nothing.
   */
  glyphs: readonly number[];
  advances: readonly number[];
  face: Face;
  size: number;
  /** Character spacing (PDF Tc) in points, after every glyph. */
  spacing: number;
  color: Rgb;
  /** Synthetic bold (fill + stroke), as Word does for fonts without a bold face. */
  bold?: boolean;
  /** Horizontal scale in percent (a long 发文机关标志). */
  scale?: number;
  /**
   * Turned 90° clockwise about (x, y): the text runs down the page, glyph tops to the right (the
   * page number of a landscape page, set where it is on the portrait sheet, GB/T 9704 §8).
   */
  rotated?: boolean;
  source?: Source;
  element?: DocElement;
}

export interface RuleItem {
  kind: 'rule';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  color: Rgb;
  element?: DocElement;
}

export type PageItem = TextItem | RuleItem;

export interface PageGeometry {
  width: number;
  height: number;
  /** The 版心 (text block). */
  block: { x: number; y: number; width: number; height: number };
  landscape: boolean;
}

export interface LaidPage {
  geometry: PageGeometry;
  items: PageItem[];
  /** The printed page number, or undefined for a page that shows none. */
  number?: number;
}

export interface OutlineEntry {
  title: string;
  level: number;
  page: number;
  y: number;
}

export interface PagedLayout {
  pages: LaidPage[];
  outline: OutlineEntry[];
  /**
   * Pages begun after the text to put the 版记 on an even last page: 0 (on the text's last page),
   * 1 (the next page) or 2 (a blank page, then the 版记's). The DOCX asks Word and LibreOffice for the same.
   */
  colophonBreaks?: number;
  /** Elements set tighter to keep a page from ending short (compose/squeeze.ts): the DOCX sets them so too. */
  squeezed?: Squeezed;
  /** Paragraphs with lines set tighter to take a group in rather than stretch (layout/break-lines.ts). */
  tightened?: Tightenings;
}
