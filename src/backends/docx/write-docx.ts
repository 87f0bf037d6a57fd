// DocTree → .docx bytes laid out to GB/T 9704: A4, 37/35/28/26 mm, 22 × 28 grid that holds in
// Word, WPS and LibreOffice (exact 28.95 pt lines, runs squeezed 0.25 pt, no character grid).
import { AlignmentType, Document, Footer, LineRuleType, Packer, PageNumber, PageOrientation, Paragraph, SectionType, Table, TextRun, type ISectionOptions } from 'docx';
import { lineText, type Block, type DocTree, type TableNode } from '../../doc/tree.js';
import { GRID, PAGE, PAGE_NUMBER, TABLE, TEXT_BLOCK, mm } from '../../style/gbt9704.js';
import { blockToDocx } from './blocks.js';
import { colophonTable, headParagraphs, tailParagraphs } from './elements.js';
import { zipDocx, type Parts } from './zip-docx.js';
import { fontSlots, textRun } from './runs.js';
import { halfPt, twip } from './units.js';

export interface DocxOptions {
  /** Fixed date for core properties and zip entries (byte-identical output). */
  date: Date;
}

const PORTRAIT_MARGIN = { top: twip(PAGE.margin.top), bottom: twip(PAGE.margin.bottom), left: twip(PAGE.margin.left), right: twip(PAGE.margin.right) };
/** Landscape pages turn the sheet so the table's top is on the binding side (§8). */
const LANDSCAPE_MARGIN = { top: twip(PAGE.margin.left), bottom: twip(PAGE.margin.right), left: twip(PAGE.margin.bottom), right: twip(PAGE.margin.top) };
/** Footer distance that puts the 一字线 7 mm below the 版心 (measured, docx-notes §8). */
const FOOTER_DISTANCE = twip(mm(28)) - twip(PAGE_NUMBER.inset) - 40;

function pageNumberFooter(align: 'odd' | 'even'): Footer {
  const run = { role: 'pageNumber' as const, size: PAGE_NUMBER.size };
  return new Footer({
    children: [
      new Paragraph({
        alignment: align === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: align === 'odd' ? { right: twip(PAGE_NUMBER.inset) } : { left: twip(PAGE_NUMBER.inset) },
        children: [
          textRun(`${PAGE_NUMBER.dash} `, run),
          new TextRun({ children: [PageNumber.CURRENT], font: fontSlots('pageNumber', false), size: halfPt(PAGE_NUMBER.size) }),
          textRun(` ${PAGE_NUMBER.dash}`, run),
        ],
      }),
    ],
  });
}

/** A table this wide goes on landscape pages of its own inside a portrait document. */
function needsLandscape(b: Block): b is TableNode {
  return b.type === 'table' && b.header.length >= TABLE.manyColumns;
}

export async function writeDocx(doc: DocTree, opts: DocxOptions): Promise<Uint8Array> {
  const landscapeDoc = doc.meta.orientation === 'landscape';
  const footers = doc.meta.pageNumbers ? { default: pageNumberFooter('odd'), even: pageNumberFooter('even') } : undefined;
  const page = (landscape: boolean) => ({
    size: { width: twip(PAGE.width), height: twip(PAGE.height), orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
    margin: { ...(landscape ? LANDSCAPE_MARGIN : PORTRAIT_MARGIN), footer: FOOTER_DISTANCE },
  });

  // Split the body into runs of blocks by orientation.
  type Part = { landscape: boolean; children: (Paragraph | Table)[] };
  const parts: Part[] = [{ landscape: landscapeDoc, children: headParagraphs(doc.meta, landscapeDoc ? TEXT_BLOCK.height : TEXT_BLOCK.width) }];
  for (const b of doc.blocks) {
    const wantLandscape = landscapeDoc || needsLandscape(b);
    let cur = parts[parts.length - 1]!;
    if (cur.landscape !== wantLandscape) {
      cur = { landscape: wantLandscape, children: [] };
      parts.push(cur);
    }
    cur.children.push(...blockToDocx(b, wantLandscape ? TEXT_BLOCK.height : TEXT_BLOCK.width));
  }
  let last = parts[parts.length - 1]!;
  const tail = tailParagraphs(doc.meta);
  if (tail.length && last.landscape !== landscapeDoc) {
    last = { landscape: landscapeDoc, children: [] };
    parts.push(last);
  }
  last.children.push(...tail);
  const colophon = colophonTable(doc.meta, last.landscape ? TEXT_BLOCK.height : TEXT_BLOCK.width);
  if (colophon) last.children.push(colophon, new Paragraph({ spacing: { line: twip(2), lineRule: LineRuleType.EXACT }, children: [] }));

  const sections: ISectionOptions[] = parts.map((p, i) => ({
    properties: { ...(i > 0 ? { type: SectionType.NEXT_PAGE } : {}), page: page(p.landscape) },
    ...(footers ? { footers } : {}),
    children: p.children.length ? p.children : [new Paragraph({ children: [] })],
  }));

  const bodyFont = fontSlots('body', false);
  const document = new Document({
    title: lineText(doc.meta.title).replace(/\n/g, ''),
    creator: doc.meta.author ?? 'gongwen',
    lastModifiedBy: doc.meta.author ?? 'gongwen',
    description: doc.id,
    ...(doc.meta.subject ? { subject: doc.meta.subject } : {}),
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: bodyFont, size: halfPt(GRID.bodySize), language: { value: 'en-US', eastAsia: 'zh-CN' } },
          paragraph: { spacing: { line: twip(GRID.linePitch), lineRule: LineRuleType.EXACT } },
        },
      },
      // LibreOffice reads the Normal style's size, not docDefaults' (docx-notes problem 1).
      paragraphStyles: [{ id: 'Normal', name: 'Normal', run: { font: bodyFont, size: halfPt(GRID.bodySize) } }],
    },
    sections,
  });
  // The compiled parts, zipped once by us (Packer would zip them only for us to unzip again).
  const compiled = (Packer as unknown as { compiler: { compile(d: Document, p?: unknown, o?: unknown[]): Parts } }).compiler.compile(document, undefined, []);
  return zipDocx(compiled, opts.date);
}
