// The DOCX skeleton compiled by `docx` (package-skeleton.ts keeps and stores it): styles, settings,
// footers with the page number, the turned number of landscape pages, theme and relationships.
// Loaded only when no skeleton is in memory or in the store — it is what loads the `docx` library.
import { AlignmentType, Document, Footer, ImportedXmlComponent, LineRuleType, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import { FONT_NAMES, GRID, PAGE, PAGE_NUMBER, TEXT_BLOCK, type FontRole } from '../../style/gbt9704.js';
import { ROLE_STYLES } from './role-styles.js';
import { textBoxParagraph } from './text-box.js';
import { halfPt, twip } from './units.js';
import { esc } from '../xml-escape.js';
import { fontTableXml } from './font-table.js';
import type { Parts, RoleNames, Skeleton } from './package-skeleton.js';

function fontSlots(names: RoleNames, role: FontRole, hint: boolean) {
  const name = names[role] || FONT_NAMES[role];
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name, ...(hint ? { hint: 'eastAsia' } : {}) };
}

function pageNumberFooter(names: RoleNames, align: 'odd' | 'even'): Footer {
  const size = halfPt(PAGE_NUMBER.size);
  const dash = (text: string) => new TextRun({ text, font: fontSlots(names, 'pageNumber', true), size, sizeComplexScript: size });
  return new Footer({
    children: [
      new Paragraph({
        alignment: align === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: align === 'odd' ? { right: twip(PAGE_NUMBER.inset) } : { left: twip(PAGE_NUMBER.inset) },
        children: [dash(`${PAGE_NUMBER.dash} `), new TextRun({ children: [PageNumber.CURRENT], font: fontSlots(names, 'pageNumber', false), size }), dash(` ${PAGE_NUMBER.dash}`)],
      }),
    ],
  });
}

/** The landscape footers: the turned number's text box, handed to docx as its own XML. */
function turnedFooter(names: RoleNames, align: 'odd' | 'even'): Footer {
  return new Footer({ children: [ImportedXmlComponent.fromXmlString(turnedNumberXml(names, align)) as unknown as Paragraph] });
}

/**
 * The page number of a landscape page (GB/T 9704 §8): the page is the portrait sheet turned so the
 * table's top is on its left edge, and the number stays where it is on the sheet — turned with it:
 * 28 mm from the page's left edge (7 mm below the portrait text block), running down the page,
 * ending one character in from the portrait block's right edge (odd) or starting one character in
 * from its left edge (even). A text box of vertical text anchored to the page, in the footer.
 */
function turnedNumberXml(names: RoleNames, align: 'odd' | 'even'): string {
  const size = PAGE_NUMBER.size;
  const sz = halfPt(size);
  const boxW = size * 1.6;
  const boxH = size * 6;
  const centreX = PAGE.height - (PAGE.margin.top + TEXT_BLOCK.height + PAGE_NUMBER.below);
  const top = align === 'odd' ? PAGE.margin.left + TEXT_BLOCK.width - PAGE_NUMBER.inset - boxH : PAGE.margin.left + PAGE_NUMBER.inset;
  const f = esc(names.pageNumber || FONT_NAMES.pageNumber);
  const rPr = `<w:rPr><w:rFonts w:ascii="${f}" w:cs="${f}" w:eastAsia="${f}" w:hAnsi="${f}" w:hint="eastAsia"/><w:sz w:val="${sz}"/><w:szCs w:val="${sz}"/></w:rPr>`;
  const run = (t: string) => `<w:r>${rPr}<w:t xml:space="preserve">${t}</w:t></w:r>`;
  const field = `<w:r>${rPr}<w:fldChar w:fldCharType="begin"/></w:r><w:r>${rPr}<w:instrText xml:space="preserve">PAGE</w:instrText></w:r><w:r>${rPr}<w:fldChar w:fldCharType="separate"/></w:r><w:r>${rPr}<w:t>1</w:t></w:r><w:r>${rPr}<w:fldChar w:fldCharType="end"/></w:r>`;
  const para = `<w:p><w:pPr><w:spacing w:line="${twip(size * 1.2)}" w:lineRule="exact"/><w:jc w:val="${align === 'odd' ? 'right' : 'left'}"/></w:pPr>${run(`${PAGE_NUMBER.dash} `)}${field}${run(` ${PAGE_NUMBER.dash}`)}</w:p>`;
  return textBoxParagraph({
    h: { fromPage: centreX - boxW / 2 },
    v: { fromPage: top },
    width: boxW,
    height: boxH,
    content: para,
    vertical: true,
    wrap: 'none',
    id: align === 'odd' ? 9101 : 9102,
    name: '页码',
  });
}

export function compileSkeleton(pageNumbers: boolean, names: RoleNames): Skeleton {
  const bodyFont = fontSlots(names, 'body', false);
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
      // One character style per font role: a run names its role's fonts by reference (runs.ts).
      characterStyles: (Object.keys(ROLE_STYLES) as FontRole[]).map((role) => ({ id: ROLE_STYLES[role].id, name: ROLE_STYLES[role].name, run: { font: fontSlots(names, role, false) } })),
    },
    sections: [
      { ...(pageNumbers ? { footers: { default: pageNumberFooter(names, 'odd'), even: pageNumberFooter(names, 'even') } } : {}), children: [] },
      { ...(pageNumbers ? { footers: { default: turnedFooter(names, 'odd'), even: turnedFooter(names, 'even') } } : {}), children: [] },
      { ...(pageNumbers ? { footers: { default: new Footer({ children: [new Paragraph({})] }), even: new Footer({ children: [new Paragraph({})] }) } } : {}), children: [] },
    ],
  });
  const parts = (Packer as unknown as { compiler: { compile(d: Document, p?: unknown, o?: unknown[]): Parts } }).compiler.compile(document, undefined, []);
  const xml = String(parts.get('word/document.xml'));
  const documentOpen = /<w:document[^>]*>/.exec(xml)![0];
  // One sectPr per section, in order: the refs of each.
  const refs = [...xml.matchAll(/<w:sectPr[^>]*>(.*?)<\/w:sectPr>/gs)].map((m) => (m[1]!.match(/<w:footerReference [^>]*\/>/g) ?? []).join(''));
  // The font table is ours: the roles' faces with their substitution facts (font-table.ts).
  parts.set('word/fontTable.xml', fontTableXml(names));
  const blank = refs[2] ?? '';
  const blankId = /<w:footerReference w:type="default" (r:id="[^"]+")\/>/.exec(blank)?.[1];
  return {
    parts,
    documentOpen,
    footerRefs: refs[0] ?? '',
    landscapeFooterRefs: refs[1] ?? '',
    blankFooterRefs: blank,
    blankFirstFooterRef: blankId ? `<w:footerReference w:type="first" ${blankId}/>` : '',
  };
}
