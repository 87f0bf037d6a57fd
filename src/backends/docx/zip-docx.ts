// Finishes a .docx: the parts docx compiled, patched where its API falls short, zipped once with
// fixed dates so identical input gives identical bytes (docx-notes "Determinism").
import { strFromU8, strToU8, zipSync, type Zippable } from 'fflate';

/** The parts of a package by path, as docx's compiler returns them. */
export type Parts = Map<string, string | Uint8Array | ArrayBuffer>;

const bytesOf = (d: string | Uint8Array | ArrayBuffer): Uint8Array => (typeof d === 'string' ? strToU8(d) : d instanceof Uint8Array ? d : new Uint8Array(d));

export function zipDocx(parts: Parts, date: Date): Uint8Array {
  const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  // Zip stores local time with 2-second resolution from 1980; keep within range.
  const mtime = new Date(Math.max(date.getTime(), Date.UTC(1980, 0, 2)));
  const entries: Zippable = {};
  for (const [name, data] of parts) {
    let bytes = bytesOf(data);
    if (name === 'docProps/core.xml') {
      // docx always writes "now" here.
      bytes = strToU8(strFromU8(bytes).replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${iso}$3`));
    }
    entries[name] = [bytes, { mtime, level: 6 }];
  }
  return zipSync(entries);
}
