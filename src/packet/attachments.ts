// The unit's attachments: PDFs gongwen did not make (a scanned, stamped 备案表, a 会议记录, a
// signed 整改方案), filed in the packet as they are. Paths and patterns are relative to the data
// file that lists them; each problem is a diagnostic at that line, and the unit renders without
// the attachment.
import * as path from 'node:path';
import type { PDFDocument } from 'pdf-lib';
import { error, warning, type Diagnostic, type Span } from '../diag/diagnostic.js';
import { expandPattern, isPattern, projectRootOf } from '../data/patterns.js';
import type { UnitData } from '../data/types.js';
import type { World } from '../world/world.js';

/** One attachment file, found. */
export interface FoundAttachment {
  title: string;
  file: string;
  /** The document (name or id) it follows in the packet; at the end when absent. */
  after?: string;
  span: Span;
  afterSpan?: Span;
}

/** One attachment file, read: its pages are copied into the packet. */
export interface LoadedAttachment extends FoundAttachment {
  bytes: Uint8Array;
  pdf: PDFDocument;
  /** Why its pages would keep a packet from being PDF/A (attachment-pdfa.ts), if they would. */
  notPdfa?: string;
}

const stem = (f: string) => path.basename(f).replace(/\.pdf$/i, '');
const HEAD = 1024;
const TAIL = 2048;
const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');

/** Runs `f` with console.warn silenced: pdf-lib's lenient parser warns on every bad object. */
async function quietly<T>(f: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  console.warn = () => {};
  try {
    return await f();
  } finally {
    console.warn = warn;
  }
}

/** The files the attachments name, patterns expanded; missing and out-of-project paths reported. */
export function findAttachments(world: World, data: UnitData): { found: FoundAttachment[]; diagnostics: Diagnostic[] } {
  const found: FoundAttachment[] = [];
  const diagnostics: Diagnostic[] = [];
  data.attachments.forEach((a, i) => {
    const span = data.spans.get(`attachments.${i}.file`) ?? data.spans.get(`attachments.${i}`) ?? { file: data.sources[0] ?? '.', line: 1, column: 1 };
    const afterSpan = data.spans.get(`attachments.${i}.after`);
    // Relative to the data file, inside its project (the unit's own folder when it is outside the current one).
    const root = projectRootOf(world, span.file);
    const { paths, escaped } = expandPattern(world, a.file, path.dirname(span.file), { root });
    if (escaped) diagnostics.push(error('E_ATTACHMENT', `附件“${a.file}”指向项目文件夹之外`, span, '把附件放进项目文件夹（指向项目之外的链接同样不行），或写成绝对路径'));
    else if (!paths.length)
      diagnostics.push(error('E_ATTACHMENT', isPattern(a.file) ? `附件“${a.file}”没有匹配到任何文件` : `找不到附件文件“${a.file}”`, span, `路径相对于 ${path.basename(span.file)} 所在的文件夹`));
    // Several files from one pattern: each is its own attachment, named by its file.
    const many = paths.length > 1 || (isPattern(a.file) && !a.title);
    for (const file of paths) {
      const title = many ? (a.title ? `${a.title}（${stem(file)}）` : stem(file)) : (a.title ?? stem(file));
      found.push({ title, file, ...(a.after ? { after: a.after } : {}), span, ...(afterSpan ? { afterSpan } : {}) });
    }
  });
  return { found, diagnostics };
}

/** Why a file cannot be filed as a PDF, judged from its first and last bytes; undefined if it may. */
function sniffPdf(head: Uint8Array, tail: Uint8Array): string | undefined {
  if (!latin1(head).includes('%PDF-')) return '不是 PDF 文件';
  if (!latin1(tail).includes('%%EOF')) return '文件不完整（缺少结尾，可能是复制或下载中断）';
  // The trailer (or the cross-reference stream) at the end names the encryption.
  if (/\/Encrypt\b/.test(latin1(tail))) return '文件已加密';
  return undefined;
}

/** The diagnostic for an attachment that cannot go into the packet, at its data line. */
function cannotFile(a: FoundAttachment, why: string, hint?: string): Diagnostic {
  return error('E_ATTACHMENT', `附件“${a.title}”（${a.file}）无法放入备案材料：${why}`, a.span, hint);
}

/**
 * For `check`: each found attachment's header and end, read without reading the rest (a scan may
 * be many megabytes); render reads them in full and leaves out one it cannot file.
 */
export function sniffAttachments(world: World, found: FoundAttachment[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const a of found) {
    const why = sniffPdfFile(world, a.file);
    if (why) out.push(cannotFile(a, why));
  }
  return out;
}

/** Why a PDF file cannot be filed (or stand as evidence), from its first and last bytes only; undefined if it may. */
export function sniffPdfFile(world: World, file: string): string | undefined {
  try {
    const size = world.stat(file)?.size ?? 0;
    return sniffPdf(world.readRange(file, 0, HEAD), world.readRange(file, Math.max(0, size - TAIL), TAIL));
  } catch (e) {
    return `无法读取（${(e as Error).message}）`;
  }
}

/** Reads every found attachment with pdf-lib; the ones that cannot be filed give a diagnostic. */
export async function loadAttachments(world: World, found: FoundAttachment[]): Promise<{ loaded: LoadedAttachment[]; diagnostics: Diagnostic[] }> {
  const loaded: LoadedAttachment[] = [];
  const diagnostics: Diagnostic[] = [];
  if (!found.length) return { loaded, diagnostics };
  // Loaded here, not at the top: `check` and the preview use this file and need not pay for pdf-lib.
  const [{ PDFDocument }, { pdfaProblem }] = await Promise.all([import('pdf-lib'), import('./attachment-pdfa.js')]);
  for (const a of found) {
    const fail = (why: string, hint?: string) => diagnostics.push(cannotFile(a, why, hint));
    let bytes: Uint8Array;
    try {
      bytes = world.readBytes(a.file);
    } catch (e) {
      fail(`无法读取（${(e as Error).message}）`);
      continue;
    }
    const sniffed = sniffPdf(bytes.subarray(0, HEAD), bytes.subarray(Math.max(0, bytes.length - TAIL)));
    if (sniffed) {
      fail(sniffed, sniffed === '不是 PDF 文件' ? '扫描件请先另存为 PDF' : undefined);
      continue;
    }
    let pdf: PDFDocument;
    try {
      // Lenient, as scanners' PDFs often have a stray bad object; a file with no readable page
      // is refused below.
      pdf = await quietly(() => PDFDocument.load(bytes, { updateMetadata: false }));
    } catch (e) {
      // An encrypted file often fails to parse before pdf-lib sees its /Encrypt (its object
      // streams are ciphertext): a lenient second look tells the two apart.
      const encrypted =
        (e as Error).name === 'EncryptedPDFError' ||
        (await quietly(() =>
          PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true }).then(
            (d) => d.isEncrypted,
            () => false,
          ),
        ));
      if (encrypted) fail('文件已加密', '请用原文件或去掉密码后另存的 PDF');
      else fail(`文件已损坏（${(e as Error).message}）`);
      continue;
    }
    if (pdf.isEncrypted) {
      fail('文件已加密', '请用原文件或去掉密码后另存的 PDF');
      continue;
    }
    let pages = 0;
    try {
      pages = pdf.getPageCount();
    } catch {
      // A page tree that does not parse: no pages to file.
    }
    if (!pages) {
      fail('文件已损坏（没有可读的页面）');
      continue;
    }
    loaded.push({ ...a, bytes, pdf, notPdfa: pdfaProblem(pdf) });
  }
  return { loaded, diagnostics };
}

/** A packet member: one of our documents, or an attachment. */
export interface Member<D, A> {
  doc?: D;
  attachment?: A;
}

/**
 * The packet's order: our documents as given, each attachment after the document it names (by
 * name or id, after attachments already placed there) or at the end. An unknown name is a warning
 * and the attachment goes to the end. The 印发通知 stands for the 整改方案 it carries (`aka`).
 */
export function placeAttachments<D extends { name: string; id: string; aka?: string[] }, A extends FoundAttachment>(docs: D[], attachments: A[]): { order: Member<D, A>[]; diagnostics: Diagnostic[] } {
  const order: Member<D, A>[] = docs.map((doc) => ({ doc }));
  const diagnostics: Diagnostic[] = [];
  const atEnd: A[] = [];
  for (const a of attachments) {
    const want = a.after?.trim();
    const at = want ? order.findIndex((m) => m.doc && (m.doc.name === want || m.doc.id === want || !!m.doc.aka?.includes(want))) : -1;
    if (want && at < 0)
      diagnostics.push(
        warning('W_ATTACHMENT_PLACE', `附件“${a.title}”要放在“${want}”之后，但备案材料中没有这个文档，已放在末尾`, a.afterSpan ?? a.span, `可用：${docs.map((d) => d.name).join('、')}`),
      );
    if (at < 0) {
      atEnd.push(a);
      continue;
    }
    let i = at + 1;
    while (i < order.length && order[i]!.attachment) i++;
    order.splice(i, 0, { attachment: a });
  }
  return { order: [...order, ...atEnd.map((attachment) => ({ attachment }))], diagnostics };
}
