// The parts of a .docx that are the same for every document — styles, settings, footers with the
// page number, fonts, theme, relationships — compiled by `docx` once per process and reused. Only
// the body (document.xml) and the core properties change from one document to the next; those are
// written as text (write-docx.ts): building docx's object tree for the body was ≈80% of the time.
import { AlignmentType, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import { FONT_NAMES, GRID, PAGE_NUMBER, type FontRole } from '../../style/gbt9704.js';
import { halfPt, twip } from './units.js';

/** The parts of a package by path, as docx's compiler returns them. */
export type Parts = Map<string, string | Uint8Array | ArrayBuffer>;

export interface Skeleton {
  parts: Parts;
  /** `<w:document …>` with docx's namespace declarations. */
  documentOpen: string;
  /** The footer references every section carries (empty without page numbers). */
  footerRefs: string;
}

function fontSlots(role: FontRole, hint: boolean) {
  const name = FONT_NAMES[role];
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name, ...(hint ? { hint: 'eastAsia' } : {}) };
}

function pageNumberFooter(align: 'odd' | 'even'): Footer {
  const size = halfPt(PAGE_NUMBER.size);
  const dash = (text: string) => new TextRun({ text, font: fontSlots('pageNumber', true), size, sizeComplexScript: size });
  return new Footer({
    children: [
      new Paragraph({
        alignment: align === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: align === 'odd' ? { right: twip(PAGE_NUMBER.inset) } : { left: twip(PAGE_NUMBER.inset) },
        children: [dash(`${PAGE_NUMBER.dash} `), new TextRun({ children: [PageNumber.CURRENT], font: fontSlots('pageNumber', false), size }), dash(` ${PAGE_NUMBER.dash}`)],
      }),
    ],
  });
}

function compile(pageNumbers: boolean): Skeleton {
  const bodyFont = fontSlots('body', false);
  const document = new Document({
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
    sections: [{ ...(pageNumbers ? { footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') } } : {}), children: [] }],
  });
  const parts = (Packer as unknown as { compiler: { compile(d: Document, p?: unknown, o?: unknown[]): Parts } }).compiler.compile(document, undefined, []);
  const xml = String(parts.get('word/document.xml'));
  const documentOpen = /<w:document[^>]*>/.exec(xml)![0];
  const footerRefs = (xml.match(/<w:footerReference [^>]*\/>/g) ?? []).join('');
  return { parts, documentOpen, footerRefs };
}

const cache = new Map<boolean, Skeleton>();

/** The shared parts for documents with or without page numbers. */
export function skeleton(pageNumbers: boolean): Skeleton {
  let s = cache.get(pageNumbers);
  if (!s) cache.set(pageNumbers, (s = compile(pageNumbers)));
  return s;
}
