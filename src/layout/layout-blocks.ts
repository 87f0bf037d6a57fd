// DocTree → boxes: the 版头, title, 主送, body blocks, 附件说明, 署名/日期 and 附注, each line a box
// on the 28.95 pt grid, with the same spacing the DOCX backend asks Word and LibreOffice for.
import type { Diagnostic } from '../diag/diagnostic.js';
import { columnWidths, tableKeeps } from '../doc/column-widths.js';
import { wordPieces } from '../doc/keep-whole.js';
import { issuerMarkFit } from '../doc/issuer-mark.js';
import { signatureGap, signaturePlace, signerNames } from '../doc/signature.js';
import { titleLines } from '../doc/title-lines.js';
import { lineText, type Block, type ChartNode, type DocMeta, type Line, type TableNode } from '../doc/tree.js';
import { CHART, chartGeometry } from '../doc/chart-geometry.js';
import { attachmentNoteItems } from '../doc/attachment-note.js';
import { letterElements, letterHead } from '../doc/letter-head.js';
import type { FontBook } from '../fonts/font-book.js';
import { BODY_CELL, GRID, HEADINGS, ISSUER_MARK, LETTER, RED_RULE, TABLE, TEXT_BLOCK, TITLE, tableFontSize, type FontRole } from '../style/gbt9704.js';
import { moveItems, type Box } from './boxes.js';
import { breakLines, type BrokenLine } from './break-lines.js';
import { lineItems } from './lines-to-items.js';
import { shapeLine, type TextStyle } from './shape-text.js';
import { BLACK, RED, type DocElement, type PageItem, type Rgb } from './types.js';

const PITCH = GRID.linePitch;
/** Baseline of a glyph of `size` centred in a line box of `height` (CJK em box: 0.88 above the baseline). */
export const baselineIn = (height: number, size: number): number => (height - size) / 2 + size * 0.88;

export interface BlockContext {
  book: FontBook;
  diagnostics: Diagnostic[];
  /** Text block width for portrait and landscape pages. */
  width: { portrait: number; landscape: number };
  landscapeDoc: boolean;
}

type Align = 'justify' | 'left' | 'center' | 'right';

interface ParaSpec {
  line: Line;
  style: TextStyle;
  align: Align;
  /** Indents in points. */
  firstIndent?: number;
  left?: number;
  right?: number;
  /** Hanging indent: lines after the first start this much further left than `left`. */
  hanging?: number;
  lineHeight?: number;
  before?: number;
  keepLines?: boolean;
  keepNext?: boolean;
  landscape: boolean;
  width: number;
  outline?: { title: string; level: number };
  scale?: number;
  element?: DocElement;
}

/** A paragraph as line boxes; the first carries the space before it. */
export function paragraphBoxes(p: ParaSpec, ctx: BlockContext): Box[] {
  const slots = shapeLine(p.line, p.style, ctx.book, ctx.diagnostics);
  const left = p.left ?? 0;
  const right = p.right ?? 0;
  const hanging = p.hanging ?? 0;
  const first = p.firstIndent ?? 0;
  const avail = p.width - left - right;
  const scale = (p.scale ?? 100) / 100;
  if (scale !== 1) for (const s of slots) s.advance *= scale;
  // The first line starts at left + first − hanging; the others at left.
  const lines = breakLines(slots, { width: avail, firstIndent: first - hanging, justify: p.align === 'justify' });
  const h = p.lineHeight ?? PITCH;
  const n = lines.length;
  return lines.map((line, i) => {
    const lineLeft = i === 0 ? left + first - hanging : left;
    const lineAvail = p.width - right - lineLeft;
    let x = lineLeft;
    if (p.align === 'center') x = lineLeft + (lineAvail - line.width) / 2;
    else if (p.align === 'right') x = p.width - right - line.width;
    const before = i === 0 ? (p.before ?? 0) : 0;
    const items = lineItems(line, x, before + baselineIn(h, p.style.size)).map((it) => ({ ...it, ...(scale !== 1 ? { scale: scale * 100 } : {}), ...(p.element ? { element: p.element } : {}) }));
    // Orphans and widows: the first two and the last two lines of a paragraph stay together.
    const keep = p.keepLines || (n >= 2 && (i === 0 || i >= n - 2)) || (i === n - 1 && !!p.keepNext);
    const box: Box = { height: before + h, items, keepWithNext: keep && !(i === n - 1 && !p.keepNext), landscape: p.landscape };
    if (i === 0 && p.outline) box.outline = p.outline;
    return box;
  });
}

const body = (role: FontRole = 'body', bold = false, color: Rgb = BLACK): TextStyle => ({ role, size: GRID.bodySize, spacing: GRID.charSpacing, color, bold });
const text = (t: string): Line => [{ type: 'text', text: t, source: {} }];

/** The 版头 and the title block of page 1 (GB/T 9704 §7.2, §7.3.1–7.3.2). */
export function headBoxes(meta: DocMeta, ctx: BlockContext): Box[] {
  const landscape = ctx.landscapeDoc;
  const width = landscape ? ctx.width.landscape : ctx.width.portrait;
  const out: Box[] = [];
  const para = (p: Omit<ParaSpec, 'landscape' | 'width'>) => out.push(...paragraphBoxes({ ...p, landscape, width }, ctx));
  let linesAbove = 0;
  if (meta.annexOf) {
    // An attachment (§7.3.7): [发文字号] “附件N” in 3号黑体 flush left on line 1, the title on line 3.
    const items: PageItem[] = [];
    let x = 0;
    for (const [line, role] of [[meta.annexOf.docNumber, 'body'], [text(meta.annexOf.label), 'heading1']] as const) {
      if (!line) continue;
      const n = natural(line, body(role), ctx);
      items.push(...lineItems(n, x, baselineIn(PITCH, GRID.bodySize)));
      x += n.width;
    }
    out.push({ height: PITCH, items, keepWithNext: true, landscape }, { height: PITCH, items: [], keepWithNext: true, landscape });
  } else if (meta.format === 'letter') out.push(letterHeadBox(meta, width, landscape, ctx));
  else {
    if (meta.copyNumber) (para({ line: meta.copyNumber, style: body(), align: 'left', element: 'copyNumber' }), linesAbove++);
    if (meta.secrecy) (para({ line: meta.secrecy, style: body('heading1'), align: 'left', element: 'secrecy' }), linesAbove++);
    if (meta.urgency) (para({ line: meta.urgency, style: body('heading1'), align: 'left', element: 'urgency' }), linesAbove++);
    if (meta.issuerMark) {
      const { size, scale } = issuerMarkFit(lineText(meta.issuerMark), width);
      // Top edge of the mark 35 mm below the 版心 top (§7.2.4).
      const before = Math.max(0, ISSUER_MARK.topFromBlock - linesAbove * PITCH - size * 0.1);
      para({ line: meta.issuerMark, style: { role: 'title', size, color: RED }, align: 'center', before, lineHeight: size * 1.2, scale, element: 'issuerMark' });
      if (meta.signer) out.push(...signerBoxes(meta, width, landscape, ctx));
      else if (meta.docNumber) para({ line: meta.docNumber, style: body(), align: 'center', before: 2 * PITCH, element: 'docNumber' });
      // Red rule 4 mm below the 发文字号 (or the mark), as wide as the 版心 (§7.2.7).
      const last = out[out.length - 1]!;
      const glyphBottom = last.height - (PITCH - GRID.bodySize) / 2;
      const y = glyphBottom + RED_RULE.gap;
      last.items.push({ kind: 'rule', x1: 0, x2: width, y1: y, y2: y, width: RED_RULE.thickness, color: RED, element: 'separator' });
      last.height = y + RED_RULE.thickness;
    } else if (meta.docNumber) {
      para({ line: meta.docNumber, style: body(), align: 'right', element: 'docNumber' });
    }
  }
  if (meta.title) {
    const lines = titleLines(meta.title, Math.floor(width / TITLE.size));
    const joined: Line = lines.flatMap((l, i) => (i ? [{ type: 'break' as const }, ...l] : l));
    para({ line: joined, style: { role: TITLE.role, size: TITLE.size, color: BLACK }, align: 'center', before: meta.issuerMark || meta.format === 'letter' ? 2 * PITCH : 0, lineHeight: PITCH * 1.2, keepNext: true, keepLines: true, outline: { title: lineText(meta.title).replace(/\n/g, ''), level: 0 }, element: 'title' });
  }
  if (meta.subtitle) para({ line: meta.subtitle, style: body('heading2'), align: 'center', keepNext: true, element: 'subtitle' });
  if (meta.recipients) {
    const t = lineText(meta.recipients);
    const line = /[：:]$/.test(t) ? meta.recipients : [...meta.recipients, ...text('：')];
    para({ line, style: body(), align: 'justify', before: PITCH, element: 'recipients' });
  } else if (meta.title) {
    out.push({ height: PITCH, items: [], landscape });
  }
  return out;
}

/**
 * The 信函格式 head (§10.1), one box from the 版心 top: the organ's name 30 mm below the paper's top
 * edge (above the 版心), the red double line 4 mm below it, 份号/密级/紧急程度 flush left and the
 * 发文字号 flush right 7/8 of a 3号 character under it (doc/letter-head.ts); and the second double
 * line 20 mm above the paper's bottom edge, on page 1 only. The title follows two lines below.
 */
function letterHeadBox(meta: DocMeta, width: number, landscape: boolean, ctx: BlockContext): Box {
  const items: PageItem[] = [];
  const mark = meta.issuerMark ? issuerMarkFit(lineText(meta.issuerMark), width) : undefined;
  const g = letterHead(mark?.size);
  if (meta.issuerMark && mark) {
    // A line box as high as the type: its em box from the top, the name's top edge at 30 mm.
    const [b] = paragraphBoxes({ line: meta.issuerMark, style: { role: 'title', size: mark.size, color: RED }, align: 'center', lineHeight: mark.size, scale: mark.scale, element: 'issuerMark', landscape, width }, ctx);
    items.push(...moveItems(b!.items, 0, g.markTop));
  }
  const x1 = (width - LETTER.lineLength) / 2;
  const rule = (at: number, w: number): PageItem => ({ kind: 'rule', x1, x2: width - x1, y1: at, y2: at, width: w, color: RED, element: 'separator' });
  // Thick over thin under the name; thin over thick at the foot.
  items.push(rule(g.lineTop + LETTER.thick / 2, LETTER.thick), rule(g.lineEnd - LETTER.thin / 2, LETTER.thin));
  items.push(rule(g.footEnd - LETTER.thick / 2, LETTER.thick), rule(g.footEnd - LETTER.thick - LETTER.between - LETTER.thin / 2, LETTER.thin));
  const left = letterElements(meta);
  const lines = Math.max(left.length, meta.docNumber ? 1 : 0);
  left.forEach((e, k) => {
    const [b] = paragraphBoxes({ line: e.line, style: body(e.role), align: 'left', element: e.element, landscape, width }, ctx);
    items.push(...moveItems(b!.items, 0, g.firstLine + k * PITCH));
  });
  if (meta.docNumber) {
    const [b] = paragraphBoxes({ line: meta.docNumber, style: body(), align: 'right', element: 'docNumber', landscape, width }, ctx);
    items.push(...moveItems(b!.items, 0, g.firstLine));
  }
  return { height: lines ? g.firstLine + lines * PITCH : g.lineEnd, items, keepWithNext: true, landscape };
}

/** A line set on one line at its natural width (a name, a label), for placing by hand. */
function natural(line: Line, style: TextStyle, ctx: BlockContext): BrokenLine {
  return breakLines(shapeLine(line, style, ctx.book, ctx.diagnostics), { width: 1e9, justify: false })[0]!;
}

/**
 * 签发人 of a 上行文 (§7.2.5–7.2.6): two blank lines below the 发文机关标志, “签发人：” in 3号仿宋 and
 * the names in 3号楷体, right-aligned one character in, two names a line, wrapped lines aligned
 * with the first name; the 发文字号 one character in from the left on the line of the last name.
 */
function signerBoxes(meta: DocMeta, width: number, landscape: boolean, ctx: BlockContext): Box[] {
  const label = natural(text('签发人：'), body(), ctx);
  const names = signerNames(meta.signer!).map((n) => natural(n, body('heading2'), ctx));
  const gap = BODY_CELL;
  const rows: BrokenLine[][] = [];
  for (let i = 0; i < names.length; i += 2) rows.push(names.slice(i, i + 2));
  const rowWidth = (r: BrokenLine[]) => r.reduce((w, n) => w + n.width, 0) + gap * Math.max(0, r.length - 1);
  const first = rows[0] ?? [];
  const start = width - BODY_CELL - rowWidth(first) - label.width;
  const namesAt = start + label.width;
  const baseline = baselineIn(PITCH, GRID.bodySize);
  return rows.map((row, r) => {
    const before = r === 0 ? 2 * PITCH : 0;
    const items: PageItem[] = [];
    if (r === 0) items.push(...lineItems(label, start, before + baseline).map((it) => ({ ...it, element: 'signer' as const })));
    let x = namesAt;
    for (const n of row) {
      items.push(...lineItems(n, x, before + baseline).map((it) => ({ ...it, element: 'signer' as const })));
      x += n.width + gap;
    }
    if (r === rows.length - 1 && meta.docNumber) {
      items.push(...lineItems(natural(meta.docNumber, body(), ctx), BODY_CELL, before + baseline).map((it) => ({ ...it, element: 'docNumber' as const })));
    }
    return { height: before + PITCH, items, keepWithNext: true, landscape };
  });
}

export function blockBoxes(b: Block, ctx: BlockContext): Box[] {
  const landscape = ctx.landscapeDoc || (b.type === 'table' && b.header.length >= TABLE.manyColumns);
  const width = landscape ? ctx.width.landscape : ctx.width.portrait;
  switch (b.type) {
    case 'heading': {
      const h = HEADINGS[b.level];
      const line: Line = [...text(b.number), ...b.inlines];
      const outline = b.level <= 2 ? { title: lineText(line), level: b.level } : undefined;
      return paragraphBoxes({ line, style: body(h.role, h.bold), align: 'justify', firstIndent: 2 * BODY_CELL, keepLines: true, keepNext: true, landscape, width, element: 'body', ...(outline ? { outline } : {}) }, ctx);
    }
    case 'paragraph':
      return paragraphBoxes({ line: b.inlines, style: body(), align: 'justify', firstIndent: b.indent === 'first-line' ? 2 * BODY_CELL : 0, landscape, width, element: 'body' }, ctx);
    case 'pagebreak':
      return [{ height: 0, items: [], pageBreakBefore: true, landscape }];
    case 'table':
      return [...tableBoxes(b, width, landscape, ctx), { height: PITCH / 2, items: [], landscape }];
    case 'chart':
      return chartBoxes(b, width, landscape, ctx);
  }
}

/** A bar chart: a line per bar, its label at the left, the bar from a common start, the value at the right edge. */
function chartBoxes(c: ChartNode, width: number, landscape: boolean, ctx: BlockContext): Box[] {
  const style = body();
  const labels = c.bars.map((bar) => natural(bar.label, style, ctx));
  const g = chartGeometry(Math.max(0, ...labels.map((l) => l.width)), BODY_CELL, width);
  const thickness = PITCH * CHART.barShare;
  return c.bars.map((bar, i) => {
    const label = labels[i]!;
    // A label longer than its column is set narrower rather than run into the bar.
    const room = g.barX - BODY_CELL;
    const scale = label.width > room ? room / label.width : 1;
    const items: PageItem[] = lineItems(label, 0, baselineIn(PITCH, style.size)).map((it) => ({ ...it, element: 'body' as const, ...(scale < 1 ? { scale: scale * 100 } : {}) }));
    const value = natural(text(bar.text), style, ctx);
    items.push(...lineItems(value, g.valueRight - value.width, baselineIn(PITCH, style.size)).map((it) => ({ ...it, element: 'body' as const })));
    if (bar.value > 0) items.push({ kind: 'rule', x1: g.barX, x2: g.barX + (g.barWidth * bar.value) / 100, y1: PITCH / 2, y2: PITCH / 2, width: thickness, color: CHART.color, element: 'body' });
    return { height: PITCH, items, keepWithNext: i < c.bars.length - 1 && c.bars.length <= 6, landscape };
  });
}

/**
 * Table rows as boxes; the header row repeats on every page (§ tables). A row that fits a page is
 * never split; one taller than a page (a 1,500-character problem) continues on the next pages, its
 * cells' lines carried on under the repeated header, so no text is ever cut.
 */
export function tableBoxes(t: TableNode, width: number, landscape: boolean, ctx: BlockContext): Box[] {
  const size = tableFontSize(t.header.length);
  const widths = columnWidths(t, width / size).map((f) => f * width);
  const keeps = tableKeeps(t);
  const pad = TABLE.cellPadding;
  const lineH = size * TABLE.lineFactor;
  const borderW = 0.5;
  // A row's slice of lines fits what a page holds under the header (and the table's top border).
  const blockHeight = landscape ? TEXT_BLOCK.width : TEXT_BLOCK.height;
  const row = (cells: Line[], header: boolean, headerHeight = 0): Box[] => {
    const laid: { lines: BrokenLine[]; x: number; w: number; align: Align }[] = [];
    let x = 0;
    cells.forEach((cell, c) => {
      const w = widths[c]!;
      const style: TextStyle = { role: header ? 'heading1' : 'body', size, color: BLACK };
      const slots = shapeLine(cell, style, ctx.book, ctx.diagnostics);
      const align: Align = header || t.align[c] === 'center' ? 'center' : t.align[c] === 'right' ? 'right' : 'left';
      // Headers keep their words and items; body cells by their column's rule.
      laid.push({ lines: breakLines(slots, { width: w - 2 * pad, justify: false, keep: header ? wordPieces : keeps[c]! }), x, w, align });
      x += w;
    });
    const most = Math.max(...laid.map((l) => l.lines.length), 1);
    const perPage = Math.max(1, Math.floor((blockHeight - headerHeight - 4 - 1) / lineH));
    const slices = header || most <= perPage ? [{ from: 0, to: most, centred: true }] : Array.from({ length: Math.ceil(most / perPage) }, (_v, i) => ({ from: i * perPage, to: Math.min(most, (i + 1) * perPage), centred: false }));
    return slices.map(({ from, to, centred }) => {
      const contentH = Math.max((to - from) * lineH, lineH);
      const height = Math.max(contentH + 4, size * 2);
      const items: PageItem[] = [];
      for (const cell of laid) {
        const lines = cell.lines.slice(from, to);
        // A whole row is centred in its cell; the slices of a row carried over pages start at the top.
        let y = centred ? (height - lines.length * lineH) / 2 : 2;
        for (const line of lines) {
          const inner = cell.w - 2 * pad;
          const dx = cell.align === 'center' ? (inner - line.width) / 2 : cell.align === 'right' ? inner - line.width : 0;
          items.push(...lineItems(line, cell.x + pad + dx, y + baselineIn(lineH, size)).map((it) => ({ ...it, element: 'body' as const })));
          y += lineH;
        }
      }
      // Borders: top, bottom, and every vertical line.
      const rule = (x1: number, y1: number, x2: number, y2: number): PageItem => ({ kind: 'rule', x1, y1, x2, y2, width: borderW, color: BLACK, element: 'body' });
      items.push(rule(0, 0, width, 0), rule(0, height, width, height));
      let vx = 0;
      for (let c = 0; c <= widths.length; c++) {
        items.push(rule(vx, 0, vx, height));
        vx += widths[c] ?? 0;
      }
      return { height, items, landscape };
    });
  };
  const header = row(t.header, true)[0]!;
  const rows = t.rows.flatMap((r) => row(r, false, header.height).map((b) => ({ ...b, repeatHeader: [header] })));
  // The header stays with the first row.
  return [{ ...header, keepWithNext: true }, ...rows];
}

/** 附件说明, 署名 and 成文日期, 附注 (§7.3.4–7.3.6). */
export function tailBoxes(meta: DocMeta, ctx: BlockContext): Box[] {
  const landscape = ctx.landscapeDoc;
  const width = landscape ? ctx.width.landscape : ctx.width.portrait;
  const out: Box[] = [];
  const para = (p: Omit<ParaSpec, 'landscape' | 'width'>) => {
    const boxes = paragraphBoxes({ ...p, landscape, width }, ctx);
    out.push(...boxes);
    return boxes;
  };
  // The 附件说明 is part of the text the 署名 stays with (no 此页无正文).
  const signed = !!(meta.signature || meta.date);
  const items = attachmentNoteItems(meta);
  items.forEach((it, i) => {
    const before = i === 0 ? PITCH : 0;
    // The name and its wrapped lines from the name's place; the prefix drawn before it on line 1.
    const [first] = para({ keepNext: signed || i < items.length - 1, line: it.name, style: body(), align: 'left', left: it.nameAt * BODY_CELL, before, element: 'attachmentNote' });
    if (first) first.items.unshift(...lineItems(natural(text(it.prefix), body(), ctx), it.start * BODY_CELL, before + baselineIn(PITCH, GRID.bodySize)).map((x) => ({ ...x, element: 'attachmentNote' as const })));
  });
  if (meta.signature || meta.date) {
    const widthOf = (l: Line | undefined) => (l ? natural(l, body(), ctx).width : 0);
    const at = signaturePlace({ signature: widthOf(meta.signature), date: widthOf(meta.date), width, cell: BODY_CELL, sealed: meta.sealed });
    // Blank lines, the 署名, the date: kept together, and with the last line of text above (no 此页无正文).
    for (let k = 0; k < signatureGap(meta.sealed); k++) out.push({ height: PITCH, items: [], keepWithNext: true, landscape });
    if (meta.signature) para({ line: meta.signature, style: body(), align: 'left', left: at.signature, keepNext: !!meta.date, element: 'signature' });
    if (meta.date) para({ line: meta.date, style: body(), align: 'left', left: at.date, keepNext: !!meta.note, element: 'date' });
  }
  if (meta.note) {
    const t = lineText(meta.note);
    const line = /^[（(]/.test(t) ? meta.note : [...text('（'), ...meta.note, ...text('）')];
    para({ line, style: body(), align: 'left', firstIndent: 2 * BODY_CELL, element: 'note' });
  }
  return out;
}

