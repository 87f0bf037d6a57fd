// File and folder names that are safe on Windows, macOS and Linux, readable, and unique per run.

const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
/** Characters no OS accepts in a name, mapped to their full-width look-alikes so names stay readable. */
const MAP: Record<string, string> = { '/': '／', '\\': '＼', ':': '：', '*': '＊', '?': '？', '"': '＂', '<': '＜', '>': '＞', '|': '｜' };
const MAX_BYTES = 180;

export function safeFileName(raw: string, fallback = '未命名'): string {
  let s = raw
    .normalize('NFC')
    .replace(/[\u0000-\u001F\u007F\u200B-\u200F\u2028-\u202E\u2060-\u2064\uFEFF\uE000-\uF8FF]/g, '')
    .replace(/[/\\:*?"<>|]/g, (c) => MAP[c]!)
    .replace(/\s+/g, ' ')
    .trim();
  // No leading dots (hidden files, `..`) and no trailing dots or spaces (Windows strips them).
  s = s.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if (RESERVED.test(s)) s = `_${s}`;
  // Keep well under the 255-byte limit of common file systems, cutting on a character boundary.
  const enc = new TextEncoder();
  if (enc.encode(s).length > MAX_BYTES) {
    let out = '';
    for (const ch of s) {
      if (enc.encode(out + ch).length > MAX_BYTES - 3) break;
      out += ch;
    }
    s = out + '…';
  }
  return s || fallback;
}

/** Hands out names, adding （2）, （3） … when a name is taken (case-insensitively, as on macOS and Windows). */
export class NameRegistry {
  private taken = new Set<string>();
  claim(name: string): string {
    let n = name;
    for (let k = 2; this.taken.has(n.toLowerCase()); k++) n = `${name}（${k}）`;
    this.taken.add(n.toLowerCase());
    return n;
  }
}
