// A laid-out page as a PDF content stream: text runs at their baselines with the font size,
// character spacing (Tc, the 28-per-line grid), horizontal scale and faux bold they carry, and
// rules as stroked lines. Text state is tracked so an operator is written only when it changes.
import type { Face } from '../../fonts/font-book.js';
import type { LaidPage, Rgb } from '../../layout/types.js';
import type { EmbeddedFont, FontUse } from './embed-font.js';
import { numText as num } from './pdf-file.js';

/** Records every glyph `pages` draw, per face, with the code point that asked for it. */
export function collectGlyphs(pages: readonly LaidPage[], uses: Map<Face, FontUse>): void {
  for (const p of pages) {
    for (const it of p.items) {
      if (it.kind !== 'text') continue;
      let use = uses.get(it.face);
      if (!use) uses.set(it.face, (use = { face: it.face, glyphs: new Map() }));
      let k = 0;
      for (const ch of it.text) {
        const g = it.glyphs[k++]!;
        if (g && !use.glyphs.has(g)) use.glyphs.set(g, ch.codePointAt(0)!);
      }
    }
  }
}

const color = (c: Rgb): string => c.map(num).join(' ');

/** The content stream of one page; `fonts` gives each face's resource name and codes. */
export function pageContent(page: LaidPage, fonts: Map<Face, { resource: string; font: EmbeddedFont }>): string {
  const H = page.geometry.height;
  const out: string[] = [];
  let inText = false;
  // Text state lives in the graphics state and outlasts BT/ET: track it across text objects.
  let tf = '';
  let fill = '';
  let tc = '0';
  let tz = '100';
  let tr = 0;
  let stroke = '';
  for (const it of page.items) {
    if (it.kind === 'rule') {
      if (inText) (out.push('ET'), (inText = false));
      out.push(`q ${num(it.width)} w 0 J ${color(it.color)} RG ${num(it.x1)} ${num(H - it.y1)} m ${num(it.x2)} ${num(H - it.y2)} l S Q`);
      continue;
    }
    if (!inText) (out.push('BT'), (inText = true));
    const f = fonts.get(it.face)!;
    const font = `/${f.resource} ${num(it.size)} Tf`;
    if (font !== tf) out.push((tf = font));
    const rg = color(it.color);
    if (rg !== fill) out.push(`${(fill = rg)} rg`);
    const spacing = num(it.spacing);
    if (spacing !== tc) out.push(`${(tc = spacing)} Tc`);
    const scale = num(it.scale ?? 100);
    if (scale !== tz) out.push(`${(tz = scale)} Tz`);
    if (it.bold) {
      // Faux bold as Word draws it for fonts with no bold face: fill and stroke.
      if (tr !== 2) (out.push('2 Tr'), (tr = 2));
      const st = `${num(it.size * 0.03)} w ${rg} RG`;
      if (st !== stroke) out.push((stroke = st));
    } else if (tr !== 0) (out.push('0 Tr'), (tr = 0));
    let hex = '';
    for (const g of it.glyphs) if (g) hex += f.font.code.get(g)!;
    // A turned item runs down the page (text x-axis (0, −1) in PDF space), glyph tops to the right.
    out.push(`${it.rotated ? '0 -1 1 0' : '1 0 0 1'} ${num(it.x)} ${num(H - it.y)} Tm <${hex}> Tj`);
  }
  if (inText) out.push('ET');
  return out.join('\n');
}
