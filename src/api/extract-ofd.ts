// `gongwen extract` for an .ofd: the files a package carries as attachments (GB/T 33190 §20 —
// the packet's source data and its scanned attachments), found through OFD.xml → Document.xml →
// Attachments.xml, read with JSZip. Paths inside the package are resolved as the standard says
// (relative to the file that names them, `/` for the package root) and never leave it.
import * as path from 'node:path';
import { error, type Diagnostic } from '../diag/diagnostic.js';
import { MAX_EMBEDDED_BYTES, TooLarge, boundedInflate } from './bounded-inflate.js';
import type { ExtractedFile } from './extract.js';
import { NameRegistry, safeFileName } from './file-names.js';

const unescape = (s: string) =>
  s.replace(
    /&(lt|gt|quot|apos|amp|#x?[0-9a-fA-F]+);/g,
    (m, e: string) =>
      ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] ??
      (e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : m),
  );

/** The text of the first element named `local` (any prefix). */
const elementText = (xml: string, local: string): string | undefined => new RegExp(`<(?:[\\w.-]+:)?${local}\\b[^>]*>([^<]*)<`).exec(xml)?.[1]?.trim();

/** A location inside the package, from the folder of the part that names it. */
function resolve(from: string, loc: string): string | undefined {
  const p = loc.startsWith('/') ? path.posix.normalize(loc.slice(1)) : path.posix.normalize(path.posix.join(path.posix.dirname(from), loc));
  return p.startsWith('..') || path.posix.isAbsolute(p) ? undefined : p;
}

export async function extractOfd(bytes: Uint8Array, file: string): Promise<{ files: ExtractedFile[]; diagnostics: Diagnostic[] }> {
  const at = { file, line: 1, column: 1 };
  const fail = (msg: string) => ({ files: [], diagnostics: [error('E_OFD', `${file}：${msg}`, at)] });
  const { default: JSZip } = await import('jszip');
  let zip: InstanceType<typeof JSZip>;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    return fail(`不是可读取的 OFD（${(e as Error).message}）`);
  }
  const read = async (name: string | undefined) => (name ? zip.file(name)?.async('string') : undefined);
  const ofd = await read('OFD.xml');
  if (!ofd) return fail('不是 OFD 文件（没有 OFD.xml）');
  const docRoot = elementText(ofd, 'DocRoot');
  const docFile = docRoot && resolve('OFD.xml', unescape(docRoot));
  const doc = await read(docFile);
  if (!doc) return fail('找不到文档根（DocRoot）');
  const attachLoc = elementText(doc, 'Attachments');
  const attachFile = attachLoc && resolve(docFile!, unescape(attachLoc));
  const list = attachFile ? await read(attachFile) : undefined;
  const files: ExtractedFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const registry = new NameRegistry();
  for (const m of (list ?? '').matchAll(/<(?:[\w.-]+:)?Attachment\b([^>]*)>([\s\S]*?)<\/(?:[\w.-]+:)?Attachment>/g)) {
    const name = unescape(/\bName="([^"]*)"/.exec(m[1]!)?.[1] ?? '');
    const loc = elementText(m[2]!, 'FileLoc');
    const inside = loc && resolve(attachFile!, unescape(loc));
    const entry = inside ? zip.file(inside) : null;
    if (!entry) {
      diagnostics.push(error('E_OFD', `${file} 中的附件“${name}”没有内容`, at));
      continue;
    }
    const parts = name
      .split(/[/\\]+/)
      .filter((p) => p && p !== '.' && p !== '..')
      .map((p) => safeFileName(p));
    let bytes: Uint8Array;
    try {
      bytes = await boundedEntry(entry);
    } catch (e) {
      diagnostics.push(error('E_OFD', `${file} 中的附件“${name}”无法解压：${(e as Error).message}`, at));
      continue;
    }
    files.push({ name, path: registry.claim((parts.length ? parts : ['未命名']).join('/')), bytes });
  }
  if (!files.length && !diagnostics.length) diagnostics.push(error('E_OFD', `${file} 中没有附件`, at, '由 gongwen 生成的“备案材料.ofd”带有单位数据；单个文档的 OFD 不带'));
  return { files, diagnostics };
}

/**
 * An entry's bytes, unpacked with a bound: its compressed data inflated by zlib with a ceiling (the
 * sizes a zip directory states may lie); JSZip's own reading where its internals are not as expected.
 */
async function boundedEntry(entry: { async(t: 'uint8array'): Promise<Uint8Array> }): Promise<Uint8Array> {
  const data = (entry as unknown as { _data?: { compressedContent?: Uint8Array; compression?: { magic?: string } } })._data;
  const magic = data?.compression?.magic;
  if (data?.compressedContent && magic === '\x08\x00') return boundedInflate(data.compressedContent, true);
  if (data?.compressedContent && magic === '\x00\x00') return data.compressedContent;
  const bytes = await entry.async('uint8array');
  if (bytes.length > MAX_EMBEDDED_BYTES) throw new TooLarge(`解压后超过 ${MAX_EMBEDDED_BYTES / 1048576} MB`);
  return bytes;
}
