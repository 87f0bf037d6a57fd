// Measures page craft in a PDF as a 文秘 sees it (issue 30), with poppler's boxes against the grid:
// stretched lines (a justified line holding fewer than 26 characters' worth across the full width)
// and short pages (a page whose text ends more than 3 grid lines above the block's foot while the
// next page does not have to start fresh).
import { BLOCK, PAGE_NO, isBodyLine } from './grid-check.js';
import { pageSizes, textLines, type TextLine } from './poppler.js';

const PITCH = 28.95;
const EM = 16;
const ASCII = /[\x21-\x7e]/;
/** A line's natural width in em: CJK and full-width forms one, ASCII half, and the 2/9 em autospace between Han and ASCII. */
function ems(text: string): number {
  const cs = [...text.replace(/\s+/g, '')];
  const han = (c: string) => /\p{Script=Han}/u.test(c);
  let n = 0;
  cs.forEach((c, i) => {
    n += ASCII.test(c) ? 0.5 : 1;
    const b = cs[i + 1];
    if (b && ((han(c) && ASCII.test(b) && /\w/.test(b)) || (ASCII.test(c) && /\w/.test(c) && han(b)))) n += 2 / 9;
  });
  return n;
}

export interface Craft {
  /** "pN: line text", each with the text of the line after it. */
  stretched: { line: string; next: string }[];
  /** "page N: K lines short". */
  short: string[];
  pages: number;
}

/** A body line set across the whole measure (to the right edge) with fewer than 26 ems of text where 28 fit. */
function stretched(lines: TextLine[]): { line: string; next: string }[] {
  return lines
    .filter((l) => isBodyLine(l) && !PAGE_NO.test(l.text) && l.xMin > BLOCK.left - 2 && l.xMin < BLOCK.left + 2 * EM + 2)
    .filter((l) => l.xMax > BLOCK.right - 3 && l.xMax < BLOCK.right + EM)
    .filter((l) => {
      const room = (BLOCK.right - l.xMin) / EM;
      const hang = /[，。、；：！？）”]$/.test(l.text) && l.xMax > BLOCK.right + 2 ? 1 : 0;
      return ems(l.text) - hang < room - 2;
    })
    .map((l) => ({ line: `p${l.page}: ${l.text}`, next: lines.find((n) => n.page >= l.page && n.yMin > (n.page === l.page ? l.yMax - 1 : -1) && !PAGE_NO.test(n.text))?.text ?? '' }));
}

/**
 * Pages that end short. A page may end short before a page that starts fresh: an attachment (its
 * “附件N” label), a landscape page, the 版记's page, a blank page, or the document's last text page.
 */
function shortPages(lines: TextLine[], sizes: { w: number; h: number }[]): string[] {
  const body = lines.filter((l) => !PAGE_NO.test(l.text));
  const onPage = (p: number) => body.filter((l) => l.page === p);
  const colophonOnly = (p: number) => onPage(p).every((l) => /^抄送|印发$|^\S*\d+年\d+月\d+日印发$/.test(l.text) || l.yMin > BLOCK.bottom - 4 * PITCH);
  const textPages = [...new Set(body.map((l) => l.page))].sort((a, b) => a - b);
  const lastText = Math.max(...textPages.filter((p) => !colophonOnly(p)));
  const out: string[] = [];
  for (let p = 1; p < lastText; p++) {
    const here = onPage(p);
    const next = onPage(p + 1);
    if (!here.length) continue;
    const landscape = (q: number) => (sizes[q - 1]?.w ?? 0) > (sizes[q - 1]?.h ?? 0);
    if (!next.length || landscape(p) || landscape(p + 1) || colophonOnly(p + 1)) continue;
    const first = [...next].sort((a, b) => a.yMin - b.yMin)[0]!;
    if (/^附件\s*\d*$/.test(first.text)) continue;
    // A new document of a packet starts with its 版头 or title in larger type, below the block's top.
    if (first.yMax - first.yMin > 26 || first.yMin > BLOCK.top + 2 * PITCH) continue;
    const bottom = Math.max(...here.map((l) => l.yMax));
    const lines = (BLOCK.bottom - bottom) / PITCH;
    if (lines > 3.2) out.push(`p${p}: ${lines.toFixed(1)} lines short`);
  }
  return out;
}

export function measureCraft(pdf: string): Craft {
  const lines = textLines(pdf);
  const sizes = pageSizes(pdf);
  return { stretched: stretched(lines), short: shortPages(lines, sizes), pages: sizes.length };
}
