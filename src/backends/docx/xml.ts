// WordprocessingML written as text: the paragraph, run and table property elements
// gongwen uses, each in the order the schema requires (CT_PPr, CT_RPr, CT_TblPr …).

export type Jc = 'left' | 'center' | 'right' | 'both';

export interface ParaProps {
  keepNext?: boolean;
  keepLines?: boolean;
  pageBreakBefore?: boolean;
  /** A bottom border: the red rule under the 版头. */
  borderBottom?: { size: number; color: string; space: number };
  /** A right-aligned tab stop at this position (twips). */
  rightTab?: number;
  /** A left-aligned tab stop at this position (twips). */
  leftTab?: number;
  /** Space before (twips) and exact line height (twips). */
  before?: number;
  line: number;
  ind?: { left?: number; right?: number; hanging?: number; firstLine?: number; firstLineChars?: number };
  jc?: Jc;
  /** The section this paragraph ends (a sectPr element, written last in the properties). */
  sectPr?: string;
}

function pPr(p: ParaProps): string {
  let x = '';
  if (p.keepNext) x += '<w:keepNext/>';
  if (p.keepLines) x += '<w:keepLines/>';
  if (p.pageBreakBefore) x += '<w:pageBreakBefore/>';
  if (p.borderBottom) x += `<w:pBdr><w:bottom w:val="single" w:color="${p.borderBottom.color}" w:sz="${p.borderBottom.size}" w:space="${p.borderBottom.space}"/></w:pBdr>`;
  if (p.rightTab !== undefined || p.leftTab !== undefined) {
    x += `<w:tabs>${p.leftTab !== undefined ? `<w:tab w:val="left" w:pos="${p.leftTab}"/>` : ''}${p.rightTab !== undefined ? `<w:tab w:val="right" w:pos="${p.rightTab}"/>` : ''}</w:tabs>`;
  }
  x += `<w:spacing${p.before !== undefined ? ` w:before="${p.before}"` : ''} w:line="${p.line}" w:lineRule="exact"/>`;
  if (p.ind) {
    const i = p.ind;
    x += `<w:ind${i.left !== undefined ? ` w:left="${i.left}"` : ''}${i.right !== undefined ? ` w:right="${i.right}"` : ''}${i.hanging !== undefined ? ` w:hanging="${i.hanging}"` : ''}${i.firstLine !== undefined ? ` w:firstLine="${i.firstLine}"` : ''}${i.firstLineChars !== undefined ? ` w:firstLineChars="${i.firstLineChars}"` : ''}/>`;
  }
  if (p.jc) x += `<w:jc w:val="${p.jc}"/>`;
  if (p.sectPr) x += p.sectPr;
  return `<w:pPr>${x}</w:pPr>`;
}

/** A paragraph with its properties and already-written runs. */
export function paragraph(p: ParaProps, runs: string): string {
  return `<w:p>${pPr(p)}${runs}</w:p>`;
}

export interface Border {
  val: 'single' | 'none';
  size: number;
  color: string;
}
const border = (tag: string, b: Border) => `<w:${tag} w:val="${b.val}" w:color="${b.color}" w:sz="${b.size}"/>`;

export interface TableProps {
  width: number;
  columns: number[];
  /** Centred between the margins. */
  jc?: 'center';
  borders: { top: Border; left: Border; bottom: Border; right: Border; insideH: Border; insideV: Border };
}

export interface CellProps {
  width: number;
  /** A cell merged with the ones below it (restart) or into the one above (continue). */
  vMerge?: 'restart' | 'continue';
  margins?: { top: number; left: number; bottom: number; right: number };
  vCenter?: boolean;
}

export interface RowProps {
  header?: boolean;
  cantSplit?: boolean;
  /** Minimum row height in twips. */
  minHeight?: number;
}

export function cell(c: CellProps, paragraphs: string): string {
  let x = `<w:tcW w:type="dxa" w:w="${c.width}"/>`;
  if (c.vMerge) x += c.vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : '<w:vMerge/>';
  if (c.margins) {
    const m = c.margins;
    x += `<w:tcMar><w:top w:type="dxa" w:w="${m.top}"/><w:left w:type="dxa" w:w="${m.left}"/><w:bottom w:type="dxa" w:w="${m.bottom}"/><w:right w:type="dxa" w:w="${m.right}"/></w:tcMar>`;
  }
  if (c.vCenter) x += '<w:vAlign w:val="center"/>';
  return `<w:tc><w:tcPr>${x}</w:tcPr>${paragraphs}</w:tc>`;
}

export function row(r: RowProps, cells: string): string {
  let x = '';
  if (r.cantSplit) x += '<w:cantSplit/>';
  if (r.header) x += '<w:tblHeader/>';
  if (r.minHeight !== undefined) x += `<w:trHeight w:val="${r.minHeight}" w:hRule="atLeast"/>`;
  return `<w:tr>${x ? `<w:trPr>${x}</w:trPr>` : ''}${cells}</w:tr>`;
}

export function table(t: TableProps, rows: string): string {
  let x = `<w:tblW w:type="dxa" w:w="${t.width}"/>`;
  if (t.jc) x += `<w:jc w:val="${t.jc}"/>`;
  const b = t.borders;
  x += `<w:tblBorders>${border('top', b.top)}${border('left', b.left)}${border('bottom', b.bottom)}${border('right', b.right)}${border('insideH', b.insideH)}${border('insideV', b.insideV)}</w:tblBorders>`;
  x += '<w:tblLayout w:type="fixed"/>';
  return `<w:tbl><w:tblPr>${x}</w:tblPr><w:tblGrid>${t.columns.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>${rows}</w:tbl>`;
}
