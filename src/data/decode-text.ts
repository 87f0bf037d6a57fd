// Bytes of a text file → text: UTF-8 (with or without BOM), else GB18030 as Chinese Excel and old
// editors save, with a warning; a file that is neither (binary, broken) is a positioned error.
import { error, warning, type Diagnostic } from '../diag/diagnostic.js';

export interface DecodedText {
  text?: string;
  encoding?: 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';
  diagnostics: Diagnostic[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true });

/** Line and column (1-based, in characters of the decoded prefix) of byte offset `at`. */
function positionOf(bytes: Uint8Array, at: number, decoder: InstanceType<typeof TextDecoder>): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  let column = 1;
  try {
    column = [...decoder.decode(bytes.subarray(lineStart, at))].length + 1;
  } catch {
    column = at - lineStart + 1;
  }
  return { line, column };
}

/** The first byte that no text file holds: NUL and C0 controls other than tab, LF, CR, FF. */
function firstBinaryByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) return i;
  }
  return -1;
}

/** The offset of the first byte where `decoder` fails (binary search on prefixes; a sequence may straddle). */
function firstBadByte(bytes: Uint8Array, decoder: InstanceType<typeof TextDecoder>): number {
  let lo = 0;
  let hi = bytes.length;
  const ok = (n: number) => {
    try {
      decoder.decode(bytes.subarray(0, n), { stream: true });
      decoder.decode();
      return true;
    } catch {
      return false;
    }
  };
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ok(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  // UTF-16 with its BOM (Windows Notepad's “Unicode”): decoded, with a word on what it was.
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  if (le || (bytes[0] === 0xfe && bytes[1] === 0xff)) return decodeUtf16(bytes, file, le ? 'utf-16le' : 'utf-16be');
  const bin = firstBinaryByte(bytes);
  if (bin >= 0) {
    const pos = positionOf(bytes, bin, new TextDecoder('utf-8'));
    return { diagnostics: [error('E_ENCODING', `文件不是文本文件：第 ${bin + 1} 个字节是控制字符 0x${bytes[bin]!.toString(16).padStart(2, '0')}（可能是二进制文件或损坏的文件）`, { file, ...pos })] };
  }
  try {
    let text = utf8.decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text, encoding: 'utf-8', diagnostics: [] };
  } catch {
    // not UTF-8: try the encoding Chinese Windows saves in
  }
  try {
    const text = gb18030.decode(bytes);
    return {
      text,
      encoding: 'gb18030',
      diagnostics: [
        warning(
          'W_ENCODING',
          '文件不是 UTF-8 编码，已按 GB18030（GBK）读取',
          { file, line: 1, column: 1 },
          '建议另存为 UTF-8：在记事本或 WPS 中“另存为”时选择编码“UTF-8”；在 Excel 中选择“CSV UTF-8（逗号分隔）”',
        ),
      ],
    };
  } catch {
    const at = firstBadByte(bytes, utf8);
    const pos = positionOf(bytes, at, new TextDecoder('utf-8'));
    return {
      diagnostics: [
        error(
          'E_ENCODING',
          `文件既不是 UTF-8 也不是 GB18030 编码：第 ${at + 1} 个字节（0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')}）无法解码`,
          { file, ...pos },
          '请用文本编辑器把文件另存为 UTF-8 编码',
        ),
      ],
    };
  }
}

function decodeUtf16(bytes: Uint8Array, file: string, encoding: 'utf-16le' | 'utf-16be'): DecodedText {
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(2));
    const bin = /[\u0000-\u0008\u000B\u000E-\u001F]/.exec(text);
    if (bin) {
      const before = text.slice(0, bin.index);
      const line = before.split('\n').length;
      return {
        diagnostics: [
          error('E_ENCODING', `文件（UTF-16 编码）中有控制字符 U+${bin[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}（可能是损坏的文件）`, {
            file,
            line,
            column: [...before.slice(before.lastIndexOf('\n') + 1)].length + 1,
          }),
        ],
      };
    }
    return {
      text,
      encoding,
      diagnostics: [warning('W_ENCODING', `文件是 UTF-16 编码（${encoding === 'utf-16le' ? '小端' : '大端'}，记事本的“Unicode”），已按 UTF-16 读取`, { file, line: 1, column: 1 }, '建议另存为 UTF-8')],
    };
  } catch {
    return { diagnostics: [error('E_ENCODING', '文件以 UTF-16 的字节顺序标记开头，但内容不是有效的 UTF-16', { file, line: 1, column: 1 }, '请用文本编辑器把文件另存为 UTF-8 编码')] };
  }
}
