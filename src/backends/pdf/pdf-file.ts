// The PDF file structure, written directly: numbered objects, streams deflated by Node's zlib, a
// cross-reference table and a trailer with a content-derived /ID. Objects are ASCII text (every
// string is written as hex), so a string's length is its byte length. Font programs deflate on
// the thread pool while the pages are written; small streams deflate in place.
import { createHash } from 'node:crypto';
import { deflate, deflateSync, type ZlibOptions } from 'node:zlib';

/** Deflate on libuv's thread pool in one piece (the default 16 KB chunks cost a thread hop each). */
const deflateAway = (data: Uint8Array, level: number): Promise<Uint8Array> =>
  new Promise((resolve, reject) => deflate(data, { level, chunkSize: Math.max(16384, data.length + 1024) } as ZlibOptions, (e, out) => (e ? reject(e) : resolve(out))));

/** An object as written: its number, and its bytes (a stream's once deflated). */
type Entry = { id: number; text: string } | { id: number; dict: string; data: Uint8Array | Promise<Uint8Array>; filter: boolean; identifies: boolean };

export class PdfFile {
  private entries: Entry[] = [];
  private count = 0;

  /** A new object number, to refer to before the object is written. */
  alloc(): number {
    return ++this.count;
  }

  /** Writes object `id` with `body` (a PDF object in text form). */
  put(id: number, body: string): void {
    this.entries.push({ id, text: `${id} 0 obj\n${body}\nendobj\n` });
  }

  /**
   * Writes a stream object; `dict` is the inside of its dictionary, without /Length and /Filter.
   * A font program is left out of the file's /ID hash: it follows from the text, which is hashed.
   * `background` deflates on another thread while the rest of the file is built (font programs:
   * the largest streams, and glyph data deflates slowly).
   */
  putStream(id: number, dict: string, data: Uint8Array | string, { level = 6, identifies = true, background = false } = {}): void {
    const raw = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
    // Handing a small stream to another thread costs more than deflating it here.
    const z = level === 0 ? raw : background && raw.length > 32768 ? deflateAway(raw, level) : deflateSync(raw, { level });
    this.entries.push({ id, dict, data: z, filter: level > 0, identifies });
  }

  /** The finished file: every allocated object must have been written. */
  async finish(root: number, info: number): Promise<Uint8Array> {
    const offsets = new Array<number>(this.count + 1).fill(-1);
    const chunks: Uint8Array[] = [];
    const hash = createHash('md5');
    let length = 0;
    const push = (b: Uint8Array | string, identifies = true) => {
      const bytes = typeof b === 'string' ? Buffer.from(b, 'latin1') : b;
      chunks.push(bytes);
      if (identifies) hash.update(bytes);
      length += bytes.length;
    };
    // The binary comment tells transfer programs the file is binary (ISO 32000-1 §7.5.2).
    push('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
    for (const e of this.entries) {
      offsets[e.id] = length;
      if ('text' in e) {
        push(e.text);
        continue;
      }
      const data = await e.data;
      push(`${e.id} 0 obj\n<<${e.dict}${e.filter ? ' /Filter /FlateDecode' : ''} /Length ${data.length}>>\nstream\n`);
      push(data, e.identifies);
      push('\nendstream\nendobj\n');
    }
    const missing = offsets.findIndex((o, i) => i > 0 && o < 0);
    if (missing > 0) throw new Error(`PDF object ${missing} was allocated but never written`);
    const hex = hash.digest('hex').toUpperCase();
    const xrefAt = length;
    const rows = offsets.map((o, i) => (i === 0 ? '0000000000 65535 f \n' : `${String(o).padStart(10, '0')} 00000 n \n`));
    push(`xref\n0 ${offsets.length}\n${rows.join('')}trailer\n<</Size ${offsets.length} /Root ${root} 0 R /Info ${info} 0 R /ID [<${hex}> <${hex}>]>>\nstartxref\n${xrefAt}\n%%EOF\n`, false);
    return Buffer.concat(chunks, length);
  }
}

/** A number as PDF writes it: at most three decimals, no exponent, no negative zero. */
export function num(n: number): string {
  const r = Math.round(n * 1000) / 1000;
  return r === 0 ? '0' : String(r);
}

/** `n 0 R` */
export const ref = (id: number): string => `${id} 0 R`;

/** A text string (title, bookmark, label) as UTF-16BE hex with its byte-order mark. */
export function textString(s: string): string {
  let hex = '<FEFF';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).padStart(4, '0');
  return hex + '>';
}

/** A name object; characters outside the regular ASCII range are written as #xx. */
export function name(s: string): string {
  return '/' + Array.from(Buffer.from(s, 'utf8'), (b) => (b > 0x20 && b < 0x7f && !'#()<>[]{}/%'.includes(String.fromCharCode(b)) ? String.fromCharCode(b) : '#' + b.toString(16).padStart(2, '0'))).join('');
}

/** A date as PDF writes it: D:YYYYMMDDHHmmSSZ (UTC). */
export function pdfDate(d: Date): string {
  return `(D:${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z)`;
}
