// Rasterises PDF pages with pdftoppm (grey PGM) and compares ink, so blank or wrong glyphs fail.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface Gray {
  width: number;
  height: number;
  data: Uint8Array;
}

function readPgm(file: string): Gray {
  const buf = fs.readFileSync(file);
  // P5\n<w> <h>\n255\n<bytes>
  let pos = 0;
  const tokens: string[] = [];
  while (tokens.length < 4) {
    while (/\s/.test(String.fromCharCode(buf[pos]!))) pos++;
    let t = '';
    while (!/\s/.test(String.fromCharCode(buf[pos]!))) t += String.fromCharCode(buf[pos++]!);
    tokens.push(t);
  }
  pos++;
  return { width: Number(tokens[1]), height: Number(tokens[2]), data: new Uint8Array(buf.subarray(pos)) };
}

export function rasterize(pdf: string, dpi: number, page?: number): Gray[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-ras-'));
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  execFileSync('pdftoppm', ['-r', String(dpi), '-gray', ...range, pdf, path.join(dir, 'p')]);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.pgm')).sort();
  const out = files.map((f) => readPgm(path.join(dir, f)));
  fs.rmSync(dir, { recursive: true, force: true });
  return out;
}

/** Sum of darkness (255 − grey) in a rectangle given in points. */
export function ink(img: Gray, dpi: number, x0: number, y0: number, x1: number, y1: number): number {
  const s = dpi / 72;
  let sum = 0;
  for (let y = Math.max(0, Math.floor(y0 * s)); y < Math.min(img.height, Math.ceil(y1 * s)); y++) {
    for (let x = Math.max(0, Math.floor(x0 * s)); x < Math.min(img.width, Math.ceil(x1 * s)); x++) sum += 255 - img.data[y * img.width + x]!;
  }
  return sum;
}

/** Rows (in points) where more than `share` of the pixels between x0 and x1 are dark. */
export function darkRows(img: Gray, dpi: number, x0: number, x1: number, share = 0.8): number[] {
  const s = dpi / 72;
  const out: number[] = [];
  for (let y = 0; y < img.height; y++) {
    let dark = 0;
    const a = Math.floor(x0 * s);
    const b = Math.ceil(x1 * s);
    for (let x = a; x < b; x++) if (img.data[y * img.width + x]! < 128) dark++;
    if (dark > (b - a) * share) out.push(y / s);
  }
  return out;
}
