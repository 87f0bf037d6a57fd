// One part of a filing packet as the PDF and OFD writers receive it: a document we laid out, or a
// scanned attachment (its PDF pages copied as they are into the PDF; a file of its own in the OFD).
import type { PDFDocument } from 'pdf-lib';
import type { PagedLayout } from '../layout/types.js';

export type PacketPart = { name: string; layout: PagedLayout } | { name: string; scan: { pdf: PDFDocument; bytes: Uint8Array; fileName: string } };

export const partPages = (p: PacketPart): number => ('layout' in p ? p.layout.pages.length : p.scan.pdf.getPageCount());
