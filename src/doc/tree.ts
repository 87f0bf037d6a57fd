// The document tree: what a rendered template means, independent of DOCX or PDF. Every node is spanned.
import type { Span } from '../diag/diagnostic.js';
import type { MetaLineKey } from './meta-lines.js';

/** Where a piece of text came from: a template line, and the data field when it is data. */
export interface Source {
  span?: Span;
  /** Data path (`problems.3.text`) when the text is a data value. */
  field?: string;
  /** Span of that data value in its YAML file. */
  fieldSpan?: Span;
}

export interface TextRun {
  type: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  source: Source;
}
export interface LineBreak {
  type: 'break';
}
export type Inline = TextRun | LineBreak;
/** A run of inlines: a title, a cell, a paragraph's content. */
export type Line = Inline[];

export interface HeadingNode {
  type: 'heading';
  level: 1 | 2 | 3 | 4;
  /** 一、 / （一） / 1. / （1）, automatic or as written. */
  number: string;
  inlines: Line;
  span: Span;
}
export interface ParagraphNode {
  type: 'paragraph';
  inlines: Line;
  /** Body paragraphs are indented two characters; list items carry their own marker. */
  indent: 'first-line' | 'none';
  span: Span;
}
export type CellAlign = 'left' | 'center' | 'right' | null;
/** A body cell's alignment: its own (cellAlign) over its column's. */
export const alignOf = (t: { align: CellAlign[]; cellAlign?: CellAlign[][] }, r: number, c: number): CellAlign => t.cellAlign?.[r]?.[c] ?? t.align[c] ?? null;
export interface TableNode {
  type: 'table';
  header: Line[];
  rows: Line[][];
  align: CellAlign[];
  /**
   * Cells merged into the cell above (a ledger's problem over its measures): `^^` in the template's
   * cell. Such a cell's line is empty; absent when no cell is merged.
   */
  merged?: boolean[][];
  /** A body cell's own alignment over its column's (`>>` opening the template's cell: flush right). */
  cellAlign?: CellAlign[][];
  /** The text size in pt when a document is fitted to one page (layout/fit-page.ts); else by its columns. */
  size?: number;
  span: Span;
}
export interface PageBreakNode {
  type: 'pagebreak';
  span: Span;
}
/** A bar chart (```chart in a template): one bar a line, its label and its value in per cent. */
export interface ChartNode {
  type: 'chart';
  bars: { label: Line; value: number; text: string }[];
  span: Span;
}
export type Block = HeadingNode | ParagraphNode | TableNode | PageBreakNode | ChartNode;

export type Orientation = 'portrait' | 'landscape';

/** The 公文 elements of GB/T 9704 §7 that are not body text, from the front matter. */
/** The line elements (份号 … 印发日期), one field each (doc/meta-lines.ts). */
type MetaLines = { [K in MetaLineKey]?: Line };

export interface DocMeta extends MetaLines {
  /** 附件说明, one line per attachment (§7.3.4). */
  attachments: Line[];
  /**
   * The attachments that are documents of the unit, made and bound after the text (§7.3.7): the
   * index into `attachments` and the document id or name the template named.
   */
  attachmentDocs?: AttachmentRef[];
  orientation: Orientation;
  /** 信函格式 (§10.1) instead of the 文件 format. */
  format?: 'letter';
  /** The document is stamped with the organ's seal: 署名 and 成文日期 set for it (§7.3.5.1). */
  sealed?: boolean;
  /**
   * An attachment bound separately (§7.3.7): line 1 flush left holds the 发文字号 of the document it
   * belongs to and “附件N” (3号黑体), its title on line 3.
   */
  annexOf?: { docNumber?: Line; label: string };
  pageNumbers: boolean;
  /** Set on one page whatever its content (the 备案表): its tables' type is made smaller until it fits. */
  onePage?: boolean;
  /** A 上行文 (a report to a higher organ): it carries 版头, 发文字号 and 签发人 when the unit gives them (§7.2.6). */
  upward?: boolean;
  /** Document metadata (PDF info / DOCX core properties). */
  author?: string;
  subject?: string;
}

export interface AttachmentRef {
  /** Index into DocMeta.attachments (its 附件说明 line, filled with the document's title when empty). */
  index: number;
  /** Document id (`rectification-plan`) or name (`整改方案`). */
  document: string;
  /**
   * Bound after the text (default), only named in the 附件说明 (filed beside it, as in a packet), or
   * bound separately: a file of its own headed “发文字号附件N” (§7.3.7).
   */
  binding: 'bound' | 'listed' | 'separate';
  span: Span;
}

/** A document bound after the text as an attachment: “附件2” top left, its title on line 3 (§7.3.7). */
export interface Annex {
  /** 附件 or 附件N, as the 附件说明 numbers it. */
  label: string;
  doc: DocTree;
  /** The document's name (问题清单), for the file of an attachment bound separately. */
  name: string;
  /** Bound separately: not after the text but in a file of its own (unit-document.ts, separateAnnex). */
  separate?: boolean;
}

export interface DocTree {
  type: 'document';
  /** Document id (rectification-plan, …). */
  id: string;
  meta: DocMeta;
  blocks: Block[];
  /** Documents bound after the text, each from its own page (§7.3.7). */
  annexes?: Annex[];
  /** The template it came from. */
  template: string;
}

/** Plain text of a line (breaks as newlines). */
export function lineText(line: Line | undefined): string {
  if (!line) return '';
  return line.map((i) => (i.type === 'text' ? i.text : '\n')).join('');
}

/** Every text of the document in reading order, for text comparisons with the outputs. */
export function documentTexts(doc: DocTree): string[] {
  const out: string[] = [];
  const m = doc.meta;
  for (const l of [m.copyNumber, m.secrecy, m.urgency, m.issuerMark, m.docNumber, m.signer, m.title, m.subtitle, m.recipients]) if (l) out.push(lineText(l));
  for (const b of doc.blocks) {
    if (b.type === 'heading') out.push(b.number + lineText(b.inlines));
    else if (b.type === 'paragraph') out.push(lineText(b.inlines));
    else if (b.type === 'chart') for (const bar of b.bars) out.push(lineText(bar.label), bar.text);
    else if (b.type === 'table') {
      out.push(...b.header.map(lineText));
      for (const r of b.rows) out.push(...r.map(lineText));
    }
  }
  for (const a of m.attachments) out.push(lineText(a));
  for (const l of [m.signature, m.date, m.note]) if (l) out.push(lineText(l));
  for (const a of doc.annexes ?? []) out.push(a.label, ...documentTexts(a.doc));
  for (const l of [m.cc, m.printer, m.printDate]) if (l) out.push(lineText(l));
  return out;
}
