// A scanned page as offices make them: a page image wrapped in a PDF (an attachment of the packet).
import { PDFDocument } from 'pdf-lib';

export async function scannedPdf(png: Uint8Array, pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const img = await doc.embedPng(png);
  for (let i = 0; i < pages; i++) doc.addPage([595.28, 841.89]).drawImage(img, { x: 0, y: 0, width: 595.28, height: 841.89 });
  return doc.save();
}
