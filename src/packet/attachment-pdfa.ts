// Whether a scanned or signed PDF filed with the packet keeps the packet PDF/A: its pages are copied
// as they are, so a font it does not embed, or colours in DeviceCMYK without an output intent for
// them, would make a packet labelled PDF/A-3b a false promise (PDFBox Preflight finds them).
import { PDFArray, PDFDict, PDFName, PDFRef, PDFStream, type PDFDocument, type PDFObject } from 'pdf-lib';

const lookup = (doc: PDFDocument, o: PDFObject | undefined): PDFObject | undefined => (o instanceof PDFRef ? doc.context.lookup(o) : o);

function dictOf(doc: PDFDocument, o: PDFObject | undefined): PDFDict | undefined {
  const v = lookup(doc, o);
  return v instanceof PDFDict ? v : v instanceof PDFStream ? v.dict : undefined;
}

/** Whether a font dictionary carries its program (Type3 fonts draw with their own procedures). */
function embedded(doc: PDFDocument, font: PDFDict): boolean {
  const subtype = font.get(PDFName.of('Subtype'));
  if (subtype === PDFName.of('Type3')) return true;
  if (subtype === PDFName.of('Type0')) {
    const kids = lookup(doc, font.get(PDFName.of('DescendantFonts')));
    const first = kids instanceof PDFArray ? dictOf(doc, kids.get(0)) : undefined;
    return !!first && embedded(doc, first);
  }
  const fd = dictOf(doc, font.get(PDFName.of('FontDescriptor')));
  return !!fd && ['FontFile', 'FontFile2', 'FontFile3'].some((k) => fd.get(PDFName.of(k)) !== undefined);
}

/** Why the PDF's pages would not be PDF/A in the packet, or undefined when they would. */
export function pdfaProblem(doc: PDFDocument): string | undefined {
  const seen = new Set<PDFDict>();
  const visit = (resources: PDFDict | undefined, depth: number): string | undefined => {
    if (!resources || seen.has(resources) || depth > 8) return undefined;
    seen.add(resources);
    const fonts = dictOf(doc, resources.get(PDFName.of('Font')));
    for (const [name, ref] of fonts?.entries() ?? []) {
      const font = dictOf(doc, ref);
      if (font && !embedded(doc, font)) {
        const base = font.get(PDFName.of('BaseFont'));
        return `字体 ${base instanceof PDFName ? base.decodeText() : name.decodeText()} 没有嵌入`;
      }
    }
    const xobjects = dictOf(doc, resources.get(PDFName.of('XObject')));
    for (const [, ref] of xobjects?.entries() ?? []) {
      const x = dictOf(doc, ref);
      if (!x) continue;
      if (x.get(PDFName.of('ColorSpace')) === PDFName.of('DeviceCMYK')) return '图像使用 DeviceCMYK 颜色（没有对应的输出意图）';
      const inner = visit(dictOf(doc, x.get(PDFName.of('Resources'))), depth + 1);
      if (inner) return inner;
    }
    return undefined;
  };
  for (const page of doc.getPages()) {
    const why = visit(page.node.Resources(), 0);
    if (why) return why;
  }
  return undefined;
}
