// The PDF file structure through pdf-lib: we hand it finished objects (dictionaries built with its
// context, streams deflated by Node's zlib and registered as raw streams) and let it write the
// cross-reference table and trailer. Font programs deflate on the thread pool while the pages are
// built. The trailer /ID is a hash of what identifies the document (its text, not the time).
import { createHash, type Hash } from 'node:crypto';
import { deflate, deflateSync, type ZlibOptions } from 'node:zlib';
import { PDFDocument, PDFHexString, PDFRawStream, PDFString, type PDFContext, type PDFDict, type PDFObject, type PDFRef } from 'pdf-lib';

/** Deflate on libuv's thread pool in one piece (the default 16 KB chunks cost a thread hop each). */
const deflateAway = (data: Uint8Array, level: number): Promise<Uint8Array> =>
  new Promise((resolve, reject) => deflate(data, { level, chunkSize: Math.max(16384, data.length + 1024) } as ZlibOptions, (e, out) => (e ? reject(e) : resolve(out))));

/** A value as pdf-lib's `context.obj` takes it: strings become names, objects dictionaries. */
export type Literal = string | number | boolean | null | undefined | PDFObject | Literal[] | { [key: string]: Literal };

export class PdfFile {
  private readonly pending: Promise<void>[] = [];
  private readonly id: Hash = createHash('md5');

  private constructor(
    readonly doc: PDFDocument,
    readonly ctx: PDFContext,
  ) {}

  static async create(): Promise<PdfFile> {
    // updateMetadata:false — pdf-lib would otherwise stamp its own Producer and the clock's time.
    const doc = await PDFDocument.create({ updateMetadata: false });
    return new PdfFile(doc, doc.context);
  }

  /** A new object reference, to point at before the object is written. */
  alloc(): PDFRef {
    return this.ctx.nextRef();
  }

  /** A PDF object from a literal (strings are names; use `text`/`ascii` for strings). */
  obj(value: Literal): PDFObject {
    return this.ctx.obj(value as never) as PDFObject;
  }

  /** Writes object `ref`. */
  put(ref: PDFRef, value: Literal): void {
    this.ctx.assign(ref, this.obj(value));
  }

  /** Writes a new object and returns its reference. */
  add(value: Literal): PDFRef {
    const ref = this.alloc();
    this.put(ref, value);
    return ref;
  }

  /** Adds `bytes` to what the /ID is computed from. */
  identify(bytes: Uint8Array | string): void {
    this.id.update(bytes);
  }

  /**
   * Writes a stream object; `dict` without /Length and /Filter (pdf-lib sets /Length). A font
   * program is left out of the /ID hash (`identifies: false`): it follows from the text, which is
   * hashed. `background` deflates on another thread while the rest of the file is built.
   */
  putStream(ref: PDFRef, dict: Record<string, Literal>, data: Uint8Array | string, { level = 6, identifies = true, background = false } = {}): void {
    const raw = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
    if (identifies) this.identify(raw);
    const full = level > 0 ? { ...dict, Filter: 'FlateDecode' } : dict;
    const assign = (bytes: Uint8Array) => this.ctx.assign(ref, PDFRawStream.of(this.obj(full) as PDFDict, bytes));
    // Handing a small stream to another thread costs more than deflating it here.
    if (level > 0 && background && raw.length > 32768) this.pending.push(deflateAway(raw, level).then(assign));
    else assign(level > 0 ? deflateSync(raw, { level }) : raw);
  }

  /** The finished file, with /ID from everything identified so far. */
  async finish(): Promise<Uint8Array> {
    await Promise.all(this.pending);
    const hex = this.id.digest('hex').toUpperCase();
    this.ctx.trailerInfo.ID = this.ctx.obj([PDFHexString.of(hex), PDFHexString.of(hex)]);
    // No object streams: a plain xref table is what PDF/A-1 readers and Preflight expect, and
    // saving without them is several times faster. objectsPerTick: no yield every 50 objects.
    return this.doc.save({ useObjectStreams: false, objectsPerTick: Infinity, addDefaultPage: false, updateFieldAppearances: false });
  }

  /** The hash the /ID will carry (for XMP's document id), as it stands now. */
  identity(): string {
    return this.id.copy().digest('hex');
  }
}

/** A number rounded as PDF writes ours: at most three decimals, no negative zero. */
export function num(n: number): number {
  const r = Math.round(n * 1000) / 1000;
  return r === 0 ? 0 : r;
}

/** The same number as content-stream text: no exponent. */
export function numText(n: number): string {
  return String(num(n));
}

/** A text string (title, bookmark, label) as UTF-16BE hex with its byte-order mark. */
export const text = (s: string): PDFHexString => PDFHexString.fromText(s);

/** A literal ASCII string: (zh-CN), (gongwen). */
export const ascii = (s: string): PDFString => PDFString.of(s);

/** A date as PDF writes it: D:YYYYMMDDHHmmSSZ (UTC), second precision like the XMP's. */
export function pdfDate(d: Date): PDFString {
  return PDFString.of(`D:${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`);
}
