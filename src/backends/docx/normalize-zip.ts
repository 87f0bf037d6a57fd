// Makes a .docx byte-identical for identical input: fixed core-property dates and zip entry times.
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

export function normalizeDocx(buf: Uint8Array, date: Date): Uint8Array {
  const files = unzipSync(buf);
  const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const core = files['docProps/core.xml'];
  if (core) {
    files['docProps/core.xml'] = strToU8(
      strFromU8(core).replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${iso}$3`),
    );
  }
  // Zip stores local time with 2-second resolution from 1980; keep within range.
  const mtime = new Date(Math.max(date.getTime(), Date.UTC(1980, 0, 2)));
  const entries: Zippable = {};
  for (const [name, data] of Object.entries(files)) entries[name] = [data, { mtime, level: 6 }];
  return zipSync(entries);
}
