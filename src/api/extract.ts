// `gongwen extract`: the files embedded in a PDF (a packet's source data, or any PDF's
// attachments), read with pdf-lib from the EmbeddedFiles name tree, names made safe for the disk.
import { MAX_EMBEDDED_BYTES, TooLarge, boundedInflate } from './bounded-inflate.js';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString, decodePDFRawStream, type PDFObject } from 'pdf-lib';
import { error, type Diagnostic } from '../diag/diagnostic.js';
import { NameRegistry, safeFileName } from './file-names.js';

export interface ExtractedFile {
  /** The name the PDF gives the file. */
  name: string;
  /** Where it goes below the target folder: each part made safe, never `..`, never absolute. */
  path: string;
  bytes: Uint8Array;
}

const textOf = (o: PDFObject | undefined): string | undefined => (o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : undefined);

/** Name-tree leaves ([name spec name spec …]) of a tree that may have /Kids, in order. */
function leaves(node: PDFDict, seen = new Set<PDFDict>()): [string, PDFDict][] {
  if (seen.has(node)) return []; // a looping tree in a hostile file
  seen.add(node);
  const out: [string, PDFDict][] = [];
  const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
  for (let i = 0; names && i + 1 < names.size(); i += 2) {
    const spec = names.lookup(i + 1);
    if (spec instanceof PDFDict) out.push([textOf(names.lookup(i)) ?? '', spec]);
  }
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  for (let i = 0; kids && i < kids.size(); i++) {
    const kid = kids.lookup(i);
    if (kid instanceof PDFDict) out.push(...leaves(kid, seen));
  }
  return out;
}

/** The embedded files of `bytes` (a PDF named `file` in messages). */
export async function extractEmbedded(bytes: Uint8Array, file: string): Promise<{ files: ExtractedFile[]; diagnostics: Diagnostic[] }> {
  const at = { file, line: 1, column: 1 };
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
  } catch (e) {
    const why = (e as Error).name === 'EncryptedPDFError' ? '文件已加密' : `无法读取：${(e as Error).message}`;
    return { files: [], diagnostics: [error('E_PDF', `${file} 不是可读取的 PDF（${why}）`, at)] };
  }
  const tree = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  const files: ExtractedFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const registry = new NameRegistry();
  for (const [key, spec] of tree ? leaves(tree) : []) {
    const name = textOf(spec.lookup(PDFName.of('UF'))) ?? textOf(spec.lookup(PDFName.of('F'))) ?? key;
    const stream = spec.lookupMaybe(PDFName.of('EF'), PDFDict)?.lookup(PDFName.of('F'));
    if (!(stream instanceof PDFRawStream)) {
      diagnostics.push(error('E_PDF', `${file} 中的嵌入文件“${name}”没有内容`, at));
      continue;
    }
    let data: Uint8Array;
    try {
      // Flate (what every writer uses for embedded files) unpacked with a bound; other filters as pdf-lib decodes them.
      const filter = stream.dict.lookup(PDFName.of('Filter'));
      data = filter === undefined ? stream.contents : filter === PDFName.of('FlateDecode') ? boundedInflate(stream.contents, false) : decodePDFRawStream(stream).decode();
      if (data.length > MAX_EMBEDDED_BYTES) throw new TooLarge(`解压后超过 ${MAX_EMBEDDED_BYTES / 1048576} MB`);
    } catch (e) {
      diagnostics.push(error('E_PDF', `${file} 中的嵌入文件“${name}”无法解码：${(e as Error).message}`, at));
      continue;
    }
    // Folders in the name are kept (unit/problems.yaml), each part a safe name of its own.
    const parts = name
      .split(/[/\\]+/)
      .filter((p) => p && p !== '.' && p !== '..')
      .map((p) => safeFileName(p));
    files.push({ name, path: registry.claim((parts.length ? parts : ['未命名']).join('/')), bytes: data });
  }
  if (!files.length && !diagnostics.length) diagnostics.push(error('E_PDF', `${file} 中没有嵌入的文件`, at, '由 gongwen 生成的“备案材料.pdf”带有单位数据；单个文档的 PDF 不带'));
  return { files, diagnostics };
}
