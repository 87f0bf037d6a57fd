// Reads what poppler sees in a PDF: page sizes, text lines with boxes, fonts.
import { execFileSync } from 'node:child_process';

export interface TextLine {
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

export function pageCount(pdf: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
}

/** Width × height in points of every page. */
export function pageSizes(pdf: string): { w: number; h: number }[] {
  const out = execFileSync('pdfinfo', ['-f', '1', '-l', String(pageCount(pdf)), pdf], { encoding: 'utf8' });
  return [...out.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => ({ w: Number(m[1]), h: Number(m[2]) }));
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** Text lines as poppler groups them, with their boxes, page by page. */
export function textLines(pdf: string): TextLine[] {
  const html = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const out: TextLine[] = [];
  let page = 0;
  for (const m of html.matchAll(/<page [^>]*>|<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^]*?)<\/line>/g)) {
    if (m[0].startsWith('<page')) {
      page++;
      continue;
    }
    const words = [...m[5]!.matchAll(/>([^<]*)<\/word>/g)].map((w) => unescape(w[1]!));
    out.push({ page, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: words.join('') });
  }
  return out;
}

export interface Word {
  /** 1-based page. */
  page: number;
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** Words with their boxes (pdftotext -bbox), of every page or of pages first..last. */
export function words(pdf: string, first?: number, last = first): Word[] {
  const range = first ? ['-f', String(first), '-l', String(last)] : [];
  const html = execFileSync('pdftotext', ['-bbox', ...range, pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const out: Word[] = [];
  html.split('<page ').slice(1).forEach((pg, i) => {
    for (const m of pg.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) out.push({ page: (first ?? 1) + i, text: unescape(m[5]!), xMin: +m[1]!, yMin: +m[2]!, xMax: +m[3]!, yMax: +m[4]! });
  });
  return out;
}

export function fonts(pdf: string): { name: string; embedded: boolean; subset: boolean; unicode: boolean }[] {
  const out = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return out.map((l) => {
    const cols = l.trim().split(/\s+/);
    const n = cols.length;
    return { name: cols[0]!, embedded: cols[n - 5] === 'yes', subset: cols[n - 4] === 'yes', unicode: cols[n - 3] === 'yes' };
  });
}
