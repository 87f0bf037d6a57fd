// The PDF file structure through pdf-lib: we hand it finished objects (dictionaries built with its
// context, streams deflated by Node's zlib and registered as raw streams) and let it write the
// object streams, the cross-reference stream and the trailer. Font programs deflate on the thread pool while the pages are
// built. The trailer /ID is a hash of what identifies the document (its text, not the time).
import { createHash, type Hash } from 'node:crypto';
import { deflate, deflateSync, type ZlibOptions } from 'node:zlib';
import { PDFDocument, PDFFlateStream, PDFHexString, PDFName, PDFObject, PDFPageLeaf, PDFStream, PDFString, type PDFContext, type PDFDict, type PDFRef } from 'pdf-lib';

/**
 * pdf-lib deflates the object streams and the cross-reference stream it writes with pako, zlib in
 * JavaScript; Node's zlib makes the same kind of stream several times faster, and as
 * deterministically. Set once for the process, for every flate stream pdf-lib builds.
 */
const deflated = new WeakMap<object, Uint8Array>();
const flate = PDFFlateStream.prototype as unknown as { getContents(): Uint8Array; getContentsSize(): number };
flate.getContents = function (this: { encode: boolean; getUnencodedContents(): Uint8Array }) {
  let b = deflated.get(this);
  if (!b) deflated.set(this, (b = this.encode ? deflateSync(this.getUnencodedContents()) : this.getUnencodedContents()));
  return b;
};
flate.getContentsSize = function (this: { getContents(): Uint8Array }) {
  return this.getContents().length;
};

/**
 * A stream whose bytes are final (deflated by us). pdf-lib's raw stream copies its contents into the
 * file one byte at a time in JavaScript; this one copies them in one `set`, which for a document's
 * font programs is most of the save.
 */
class FinishedStream extends PDFStream {
  constructor(
    dict: PDFDict,
    private readonly bytes: Uint8Array,
  ) {
    super(dict);
  }
  override clone(ctx?: PDFContext): FinishedStream {
    return new FinishedStream(this.dict.clone(ctx), this.bytes);
  }
  override getContents(): Uint8Array {
    return this.bytes;
  }
  override getContentsSize(): number {
    return this.bytes.length;
  }
  override getContentsString(): string {
    return Buffer.from(this.bytes).toString('latin1');
  }
  override copyBytesInto(buffer: Uint8Array, offset: number): number {
    this.updateDict();
    const start = offset;
    offset += this.dict.copyBytesInto(buffer, offset);
    buffer.set(STREAM, offset);
    offset += STREAM.length;
    buffer.set(this.bytes, offset);
    offset += this.bytes.length;
    buffer.set(ENDSTREAM, offset);
    return offset + ENDSTREAM.length - start;
  }
}
const STREAM = Buffer.from('\nstream\n', 'latin1');
const ENDSTREAM = Buffer.from('\nendstream', 'latin1');

/**
 * PDF syntax we have already written as text (a font's /W array: hundreds of numbers that pdf-lib
 * would otherwise hold as objects, each formatted on creation). ASCII only.
 */
class PdfSyntax extends PDFObject {
  constructor(private readonly source: string) {
    super();
  }
  override clone(): PdfSyntax {
    return this;
  }
  override toString(): string {
    return this.source;
  }
  override sizeInBytes(): number {
    return this.source.length;
  }
  override copyBytesInto(buffer: Uint8Array, offset: number): number {
    return Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength).write(this.source, offset, 'latin1');
  }
}

/** Already written PDF syntax as an object (ASCII). */
export const syntax = (source: string): PDFObject => new PdfSyntax(source);

/** Deflate on libuv's thread pool in one piece (the default 16 KB chunks cost a thread hop each). */
const deflateAway = (data: Uint8Array, level: number): Promise<Uint8Array> =>
  new Promise((resolve, reject) => deflate(data, { level, chunkSize: Math.max(16384, data.length + 1024) } as ZlibOptions, (e, out) => (e ? reject(e) : resolve(out))));

/** A value as pdf-lib's `context.obj` takes it: strings become names, objects dictionaries. */
export type Literal = string | number | boolean | null | undefined | PDFObject | Literal[] | { [key: string]: Literal };

export class PdfFile {
  private readonly pending: Promise<void>[] = [];
  private readonly id: Hash = createHash('md5');
  private pages = 0;

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

  /**
   * Appends a page of `size` points drawn by stream `content`. The page dictionary is made whole
   * here and put in the page tree directly: `PDFDocument.addPage` would build a default page first
   * (A4 box, empty resources) and then replace its entries.
   */
  addPage(size: [number, number], resources: PDFRef, content: PDFRef): PDFRef {
    const entries = new Map<PDFName, PDFObject>([
      [PDFName.of('Type'), PDFName.of('Page')],
      [PDFName.of('MediaBox'), this.obj([0, 0, ...size])],
      [PDFName.of('Resources'), resources],
      [PDFName.of('Contents'), content],
    ]);
    const leaf = PDFPageLeaf.fromMapWithContext(entries, this.ctx, false);
    const ref = this.ctx.register(leaf);
    this.appendPage(ref, leaf);
    return ref;
  }

  /** Appends a page already in this file (one copied from another PDF) to the page tree. */
  appendPage(ref: PDFRef, leaf: PDFPageLeaf): void {
    // Our own count: PDFDocument caches its page count, and pages added here bypass it.
    leaf.setParent(this.doc.catalog.insertLeafNode(ref, this.pages++));
  }

  /** Adds `bytes` to what the /ID is computed from. */
  identify(bytes: Uint8Array | string): void {
    this.id.update(bytes);
  }

  /**
   * Writes a stream object; `dict` without /Length and /Filter (pdf-lib sets /Length). A font
   * program is left out of the /ID hash (`identifies: false`): it follows from the text, which is
   * hashed. `background` deflates on another thread while the rest of the file is built; `deflated`: the
   * data is FlateDecode already.
   */
  putStream(ref: PDFRef, dict: Record<string, Literal>, data: Uint8Array | string, { level = 6, identifies = true, background = false, deflated = false } = {}): void {
    const raw = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
    if (identifies) this.identify(raw);
    const full = level > 0 || deflated ? { ...dict, Filter: 'FlateDecode' } : dict;
    if (deflated) level = 0;
    const assign = (bytes: Uint8Array) => this.ctx.assign(ref, new FinishedStream(this.obj(full) as PDFDict, bytes));
    // Handing a small stream to another thread costs more than deflating it here (below ≈8 KB,
    // measured: a font program of 9–28 KB deflates on the pool while the pages are drawn, 5 % of a
    // 10-page document).
    if (level > 0 && background && raw.length > 8192) this.pending.push(deflateAway(raw, level).then(assign));
    else assign(level > 0 ? deflateSync(raw, { level }) : raw);
  }

  /** The finished file, with /ID from everything identified so far. */
  async finish(): Promise<Uint8Array> {
    await Promise.all(this.pending);
    const hex = this.id.digest('hex').toUpperCase();
    this.ctx.trailerInfo.ID = this.ctx.obj([PDFHexString.of(hex), PDFHexString.of(hex)]);
    // Object streams (PDF/A-2 and 3 allow them): the file's dictionaries compressed, PDFs no
    // larger than LibreOffice's. objectsPerTick: no yield every 50 objects.
    return this.doc.save({ useObjectStreams: true, objectsPerTick: Infinity, addDefaultPage: false, updateFieldAppearances: false });
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
