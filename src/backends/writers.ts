// The output formats as one table: each row says what the format is called, its extension and media
// type, what it draws from, and how it writes a document, a packet or the ledger. Render, the CLI's
// help and validation, the summary and the preview's downloads all read it; a new format is a
// writer module and a row here. Writers load on first use (a PDF-only run loads no DOCX code).
import type { UnitData } from '../data/types.js';
import type { EmbeddedFile, FileMeta } from '../doc/file-meta.js';
import type { DocTree } from '../doc/tree.js';
import type { PagedLayout } from '../layout/types.js';
import { partPages, type PacketPart } from '../packet/packet-part.js';
import type { FontRole } from '../style/gbt9704.js';

export type Format = 'docx' | 'pdf' | 'ofd' | 'xlsx';

export interface DocumentInput {
  doc: DocTree;
  /** The pages, for writers that draw them (and for the DOCX of a document with a 版记: its page). */
  layout?: PagedLayout;
  meta: FileMeta;
  /** Font family names per role where the PDF used the user's fonts (the DOCX names them). */
  fontNames?: Partial<Record<FontRole, string>>;
  pdfa?: boolean;
}

export interface PacketInput {
  parts: PacketPart[];
  meta: FileMeta;
  files: EmbeddedFile[];
  pdfa: boolean;
}

export interface Writer {
  format: Format;
  extension: string;
  mediaType: string;
  /** What it draws from: the laid-out pages, the document tree, or the unit's ledger. */
  takes: 'layout' | 'tree' | 'ledger';
  document?: (input: DocumentInput) => Promise<Uint8Array>;
  /** The filing packet in this format, and how many pages it shows. */
  packet?: { write: (input: PacketInput) => Promise<Uint8Array>; pages: (parts: readonly PacketPart[]) => number };
  ledger?: (data: UnitData, date: Date) => Promise<Uint8Array>;
}

/** The 版记's page decides where the DOCX puts it: a document with one is laid out for the DOCX too. */
export const hasColophon = (doc: DocTree): boolean => !!(doc.meta.cc || doc.meta.printer || doc.meta.printDate);

const pdf = () => import('./pdf/write-pdf.js');
const ofd = () => import('./ofd/write-ofd.js');

export const WRITERS: readonly Writer[] = [
  {
    format: 'docx',
    extension: 'docx',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    takes: 'tree',
    document: async ({ doc, layout, meta, fontNames }) =>
      (await import('./docx/write-docx.js')).writeDocx(doc, {
        date: meta.date,
        ...(meta.author ? { author: meta.author } : {}),
        ...(fontNames ? { fontNames } : {}),
        ...(layout?.colophonBreaks ? { colophonBreaks: layout.colophonBreaks } : {}),
        ...(layout?.squeezed ? { squeezed: layout.squeezed } : {}),
        ...(layout?.tightened ? { tightened: layout.tightened } : {}),
      }),
  },
  {
    format: 'pdf',
    extension: 'pdf',
    mediaType: 'application/pdf',
    takes: 'layout',
    document: async ({ layout, meta, pdfa }) => (await pdf()).writePdf(layout!, meta, pdfa === undefined ? {} : { pdfa }),
    packet: { write: async ({ parts, meta, files, pdfa }) => (await pdf()).writePdfParts(parts, meta, { pdfa, files }), pages: (parts) => parts.reduce((n, p) => n + partPages(p), 0) },
  },
  {
    format: 'ofd',
    extension: 'ofd',
    mediaType: 'application/ofd',
    takes: 'layout',
    document: async ({ layout, meta }) => (await ofd()).writeOfd(layout!, meta),
    // Scanned attachments travel as OFD attachments, not pages: they are PDF content.
    packet: {
      write: async ({ parts, meta, files }) => (await ofd()).writeOfdParts(parts, meta, { files }),
      pages: (parts) => parts.reduce((n, p) => n + ('layout' in p ? p.layout.pages.length : 0), 0),
    },
  },
  {
    format: 'xlsx',
    extension: 'xlsx',
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    takes: 'ledger',
    ledger: async (data, date) => (await import('./xlsx/write-ledger.js')).writeLedgerXlsx(data, date),
  },
];

export const FORMATS: readonly Format[] = WRITERS.map((w) => w.format);
export const isFormat = (f: string): f is Format => (FORMATS as readonly string[]).includes(f);
export const writerFor = (f: Format): Writer => WRITERS.find((w) => w.format === f)!;
/** The writers of documents among `formats`, in the table's order. */
export const documentWriters = (formats: readonly Format[]): Writer[] => WRITERS.filter((w) => w.document && formats.includes(w.format));
