// PagedLayout → one SVG per page, drawn with the same fonts as the PDF (served by the preview):
// crisp at any zoom, and its text is real text the browser can select and search.
import type { Face } from '../fonts/font-book.js';
import type { PagedLayout } from '../layout/types.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (v: number) => (Math.round(v * 100) / 100).toString();
const rgb = (c: readonly number[]) => `rgb(${c.map((x) => Math.round(x * 255)).join(',')})`;

/** `fontId` names the face as the page's @font-face rules do. */
export function layoutToSvg(layout: PagedLayout, fontId: (f: Face) => string): string[] {
  return layout.pages.map((p) => {
    const parts: string[] = [];
    for (const it of p.items) {
      if (it.kind === 'rule') {
        parts.push(`<line x1="${n(it.x1)}" y1="${n(it.y1)}" x2="${n(it.x2)}" y2="${n(it.y2)}" stroke="${rgb(it.color)}" stroke-width="${n(it.width)}"/>`);
        continue;
      }
      const scale = it.scale && it.scale !== 100 ? it.scale / 100 : 1;
      const attrs = [
        `x="${n(scale === 1 ? it.x : it.x / scale)}"`,
        `y="${n(it.y)}"`,
        `font-family="${fontId(it.face)}"`,
        `font-size="${n(it.size)}"`,
        `letter-spacing="${n(it.spacing)}"`,
        `fill="${rgb(it.color)}"`,
        ...(it.bold ? [`stroke="${rgb(it.color)}"`, `stroke-width="${n(it.size * 0.03)}"`] : []),
        ...(scale !== 1 ? [`transform="scale(${n(scale)} 1)"`] : []),
        ...(it.rotated ? [`transform="rotate(90 ${n(it.x)} ${n(it.y)})"`] : []),
      ];
      parts.push(`<text ${attrs.join(' ')} xml:space="preserve">${esc(it.text)}</text>`);
    }
    const { width, height } = p.geometry;
    return `<svg xmlns="http://www.w3.org/2000/svg" class="page" viewBox="0 0 ${n(width)} ${n(height)}" data-number="${p.number ?? ''}"><rect width="100%" height="100%" fill="#fff"/>${parts.join('')}</svg>`;
  });
}
