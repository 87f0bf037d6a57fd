// pdf-lib compresses every content and font stream with pako, zlib written in JavaScript; the
// profile of a unit's PDFs put it first (≈40% of PDF writing). Node's own zlib does the same
// deflate natively, so pdf-lib's pako is pointed at it. Output stays deterministic.
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';

const require = createRequire(import.meta.url);
// pdf-lib calls `pako.deflate(bytes)` on the pako module object at write time.
const pdfLibRequire = createRequire(require.resolve('pdf-lib'));
const pako = pdfLibRequire('pako') as { deflate: (data: Uint8Array, opts?: unknown) => Uint8Array };

let installed = false;
export function useNativeDeflate(): void {
  if (installed) return;
  installed = true;
  pako.deflate = (data: Uint8Array) => {
    const out = deflateSync(data, { level: 6 });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  };
}
