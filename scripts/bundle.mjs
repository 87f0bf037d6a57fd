// Bundles the compiled CLI (dist/) into dist/bundle/ with esbuild: one module graph per command
// instead of hundreds of files to resolve and load at every start (DESIGN: cold start, issue 14).
// Dynamic imports stay lazy chunks (a PDF-only run still loads no DOCX, XLSX or preview code); the
// worker of --jobs N is an entry of its own next to the chunk that starts it. piscina keeps its
// own files (it starts workers from them). bin/gongwen.js runs the bundle when it is there.
import { build } from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

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
/**
 * fontkit, unicode-properties and linebreak each build their Unicode tables (unicode-trie) when they
 * are loaded, inflating them twice with tiny-inflate, zlib in JavaScript not yet compiled: ≈25 ms of
 * every start that lays out text. The tables are inflated here, once, and the bundle carries them
 * ready (base64 of the trie's 32-bit words, which unicode-trie takes as its pre-parsed form).
 */
const require = createRequire(import.meta.url);
const UnicodeTrie = require('unicode-trie');
const TRIE_PACKAGES = /[\\/]node_modules[\\/](fontkit|unicode-properties|linebreak)[\\/]dist[\\/]module\.mjs$/;
const READY_TRIE = `function __gongwenTrie(words, highStart, errorValue) {
  const data = new Uint32Array(new Uint8Array(Buffer.from(words, 'base64')).buffer);
  if (new Uint8Array(Uint32Array.of(1).buffer)[0] !== 1) for (let i = 0; i < data.length; i++) data[i] = ((data[i] & 0xff) << 24) | ((data[i] & 0xff00) << 8) | ((data[i] >>> 8) & 0xff00) | (data[i] >>> 24);
  return { data, highStart, errorValue };
}
`;
const inflatedTries = {
  name: 'inflated-tries',
  setup(b) {
    b.onLoad({ filter: TRIE_PACKAGES }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      let n = 0;
      // The packed table as each package decodes it: base64 → bytes → new UnicodeTrie(bytes).
      const contents = source.replace(/(?:\(0, \$[\w$]+\)(?:\.toByteArray)?|\$[\w$]+\.toByteArray)\("([A-Za-z0-9+/=]{500,})"\)/g, (_m, b64) => {
        const trie = new UnicodeTrie(new Uint8Array(Buffer.from(b64, 'base64')));
        const le = Buffer.alloc(trie.data.length * 4);
        trie.data.forEach((w, i) => le.writeUInt32LE(w, i * 4));
        n++;
        return `__gongwenTrie("${le.toString('base64')}", ${trie.highStart}, ${trie.errorValue})`;
      });
      // A new version of a package that packs its tables otherwise: fail the build, not the start.
      if (!n) throw new Error(`inflated-tries: no packed Unicode table found in ${args.path}`);
      return { contents: READY_TRIE + contents, loader: 'js' };
    });
  },
};
/**
 * pdf-lib's standard-font encodings are inflated (pako) and parsed when pdf-lib is loaded, ≈9 ms a
 * start for tables we never use (our fonts are embedded): the bundle carries them inflated.
 */
const inflatedEncodings = {
  name: 'inflated-encodings',
  setup(b) {
    b.onLoad({ filter: /[\\/]@pdf-lib[\\/]standard-fonts[\\/]es[\\/]Encoding\.js$/ }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      const { decompressJson } = require('@pdf-lib/standard-fonts/lib/utils.js');
      const packed = JSON.parse(await fs.promises.readFile(path.join(path.dirname(args.path), 'all-encodings.compressed.json'), 'utf8'));
      const call = 'decompressJson(AllEncodingsCompressed)';
      if (!source.includes(call)) throw new Error(`inflated-encodings: ${call} not found in ${args.path}`);
      return { contents: source.replace(call, JSON.stringify(decompressJson(packed))), loader: 'js', resolveDir: path.dirname(args.path) };
    });
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
  plugins: [lazyBrotli, inflatedTries, inflatedEncodings],
});

// The build's identity: a hash of every chunk, so what a run compiles from our own code and keeps in
// the user's cache folder (the DOCX skeleton) is read back only by the same build (world/template-cache.ts).
{
  const { createHash } = await import('node:crypto');
  const h = createHash('sha1');
  for (const f of fs.readdirSync(out).filter((f) => f.endsWith('.js')).sort()) h.update(f).update('\0').update(fs.readFileSync(path.join(out, f)));
  fs.writeFileSync(path.join(out, 'build-id.txt'), h.digest('hex') + '\n');
}
