// Bundles the compiled CLI (dist/) into dist/bundle/ with esbuild: one module graph per command
// instead of hundreds of files to resolve and load at every start (DESIGN: cold start, issue 14).
// Dynamic imports stay lazy chunks (a PDF-only run still loads no DOCX, XLSX or preview code); the
// worker of --jobs N is an entry of its own next to the chunk that starts it. piscina keeps its
// own files (it starts workers from them). bin/gongwen.js runs the bundle when it is there.
import { build } from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/**
 * fontkit imports brotli's decoder for WOFF2 fonts, and brotli builds its 120 KB dictionary when it is
 * loaded: 20 ms of every cold start that opens a font, for a format the bundled and most installed
 * fonts are not in. This stands in for it and loads it on the first WOFF2 font.
 */
const lazyBrotli = {
  name: 'lazy-brotli',
  setup(b) {
    b.onResolve({ filter: /^brotli\/decompress(\.js)?$/ }, (args) =>
      args.namespace === 'lazy-brotli' ? { path: 'brotli/decompress.js', external: true } : { path: 'brotli-decompress', namespace: 'lazy-brotli' },
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-brotli' }, () => ({
      contents: "let real; export default function decompress(...args) { real ??= require('brotli/decompress.js'); return real(...args); }",
      loader: 'js',
    }));
  },
};
const out = path.join(ROOT, 'dist/bundle');
fs.rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: { main: path.join(ROOT, 'dist/cli/main.js'), 'render-worker': path.join(ROOT, 'dist/api/render-worker.js') },
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['piscina'],
  // ES builds first (pdf-lib's): a chunk made from a CommonJS package exports only its default, so
  // `const { PDFDocument } = await import('pdf-lib')` would find nothing in a CommonJS build.
  mainFields: ['module', 'main'],
  // CommonJS dependencies bundled into ESM still call require() for Node's own modules.
  banner: { js: "import { createRequire as __gongwenRequire } from 'node:module'; const require = __gongwenRequire(import.meta.url);" },
  chunkNames: 'chunk-[hash]',
  legalComments: 'linked',
  // Less text to parse at every start (identifiers kept: stack traces stay readable).
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  plugins: [lazyBrotli],
});
