// The element plan: what a 公文 shows, in order, each element with its role, font, alignment,
// indents, gaps and keep rules — decided once here, then set into lines and pages by layout/ and
// into paragraphs by backends/docx/. Lengths are points; x from the 版心's left edge.
import type { ChartNode, Line, TableNode } from '../doc/tree.js';
import type { FontRole } from '../style/gbt9704.js';
import type { ChartGeometry } from './chart-geometry.js';
import type { LetterHead } from './letter-head.js';

/**
 * The 公文 elements (GB/T 9704 §7) a piece of text or a rule belongs to, in the order §7 places them:
 * the name OFD's tag file gives each (GB/T 33190 §18), and whether it repeats the element's text (a
 * line or two, not the body). Body text, its headings and tables are `body`; `attachment` is an
 * attachment bound after the text (§7.3.7): its 附件N label, title and body.
 */
export const ELEMENTS = {
  copyNumber: { tag: 'CopyNumber', value: true },
  secrecy: { tag: 'Secrecy', value: true },
  urgency: { tag: 'Urgency', value: true },
  issuerMark: { tag: 'IssuerMark', value: true },
  docNumber: { tag: 'DocNumber', value: true },
  signer: { tag: 'Signer', value: true },
  separator: { tag: 'SeparatorLine', value: false },
  title: { tag: 'Title', value: true },
  subtitle: { tag: 'Subtitle', value: true },
  recipients: { tag: 'Recipients', value: true },
  body: { tag: 'Body', value: false },
  attachmentNote: { tag: 'AttachmentNote', value: false },
  signature: { tag: 'Signature', value: true },
  date: { tag: 'Date', value: true },
  note: { tag: 'Note', value: false },
  attachment: { tag: 'Attachment', value: false },
  colophon: { tag: 'Colophon', value: false },
  pageNumber: { tag: 'PageNumber', value: false },
} as const satisfies Record<string, { tag: string; value: boolean }>;

export type DocElement = keyof typeof ELEMENTS;

export type Align = 'justify' | 'left' | 'center' | 'right';
export type Ink = 'black' | 'red';

export interface FontSpec {
  role: FontRole;
  size: number;
  /** Character spacing in points after every glyph (the 28-per-line squeeze of 3号 text). */
  spacing?: number;
  color?: Ink;
  bold?: boolean;
  /** Horizontal scale in percent (a long 发文机关标志). */
  scale?: number;
}

/** A paragraph: one or more lines of one font. */
/** Slots [from, to) of a paragraph set `by` points a character tighter than its font's spacing (layout/break-lines.ts). */
export interface Tightened {
  from: number;
  to: number;
  by: number;
}

export interface ParaPlan {
  kind: 'para';
  element: DocElement;
  line: Line;
  font: FontSpec;
  align: Align;
  /** First-line indent, relative to `left`. */
  firstIndent?: number;
  left?: number;
  right?: number;
  /** Lines after the first start this much further left than `left` would put the first. */
  hanging?: number;
  /** Text set before the line at `at` (the “附件：1.” of a 附件说明; a tab in the DOCX). */
  prefix?: { text: string; at: number };
  before?: number;
  lineHeight: number;
  keepNext?: boolean;
  keepLines?: boolean;
  pageBreakBefore?: boolean;
  outline?: { title: string; level: number };
  /** Stretches of the line's characters the layout set tighter (compose/squeeze.ts). */
  tight?: readonly Tightened[];
}

/** An empty line of the grid. */
export interface BlankPlan {
  kind: 'blank';
  keepNext?: boolean;
  /** A blank line set tighter (compose/squeeze.ts); else the grid's pitch. */
  lineHeight?: number;
}

/**
 * 签发人 (§7.2.5–7.2.6): “签发人：” and the names right-aligned to `end`, two names a line, wrapped
 * lines starting at `namesAt`; the 发文字号 at `docNumberAt` on the line of the last names.
 */
export interface SignerPlan {
  kind: 'signer';
  label: string;
  rows: Line[][];
  /** Space between two names on a line. */
  gap: number;
  namesAt: number;
  end: number;
  docNumber?: Line;
  docNumberAt: number;
  before: number;
}

/** The 信函格式 head (§10.1): the name and double lines by geometry, then the elements' lines. */
export interface LetterHeadPlan {
  kind: 'letterHead';
  mark?: { line: Line; size: number; scale: number };
  geometry: LetterHead;
  /** 份号, 密级, 紧急程度 flush left, one a line from `geometry.firstLine`. */
  rows: { line: Line; role: FontRole; element: DocElement }[];
  /** Flush right on the first row's line. */
  docNumber?: Line;
}

/** An attachment's first line (§7.3.7): [发文字号] “附件N” in 黑体 flush left. */
export interface AnnexLabelPlan {
  kind: 'annexLabel';
  docNumber?: Line;
  label: string;
  pageBreakBefore: boolean;
}

export interface PageBreakPlan {
  kind: 'pagebreak';
}

export interface TablePlan {
  kind: 'table';
  node: TableNode;
  size: number;
  /** Each column's share of the width. */
  fractions: number[];
}

export interface ChartPlan {
  kind: 'chart';
  node: ChartNode;
  geometry: ChartGeometry;
  thickness: number;
}

export type HeadPlan = ParaPlan | BlankPlan | SignerPlan | LetterHeadPlan | AnnexLabelPlan;
export type BlockPlan = ParaPlan | PageBreakPlan | TablePlan | ChartPlan;

/** Elements with the page orientation they are set on. */
export interface Placed<T> {
  landscape: boolean;
  width: number;
  plan: T;
}

/** 版记 (§7.4): 抄送 and 印发 lines; a letter's is the 抄送 alone, without rules (§10.1). */
export interface ColophonPlan {
  size: number;
  ruled: boolean;
  /** “抄送：…。”, wrapped lines after the colon. */
  cc?: Line;
  printer?: Line;
  /** “…印发”. */
  printDate?: Line;
}

export interface ComposedAnnex {
  head: Placed<HeadPlan>[];
  blocks: Placed<BlockPlan>[];
  label: string;
}

export interface ComposedDocument {
  landscape: boolean;
  /** 版头, title, 主送. */
  head: Placed<HeadPlan>[];
  blocks: Placed<BlockPlan>[];
  /** 附件说明, 署名, 成文日期, 附注. */
  tail: Placed<HeadPlan>[];
  /** The last line of text goes with the 署名 (no 此页无正文, §7.3.5). */
  keepTextWithTail: boolean;
  /** The red rule under the 版头 goes below this head element (§7.2.7). */
  ruleAfter?: number;
  annexes: ComposedAnnex[];
  colophon?: ColophonPlan;
  letter: boolean;
}

/** How wide a line of body-size text is, as the writer will set it. */
export type Measure = (line: Line, role: FontRole) => number;
