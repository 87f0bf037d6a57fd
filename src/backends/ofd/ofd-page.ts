// A laid-out page as an OFD page (Content.xml): one Layer; a TextObject per text item (Boundary
// around its glyphs, TextCode at the baseline, exactly n−1 DeltaX advances with `g` runs) and a
// PathObject per rule. Positions are the layout's, converted to millimetres: the same page as the PDF.
import type { Face } from '../../fonts/font-book.js';
import type { DocElement, LaidPage, RuleItem, TextItem } from '../../layout/types.js';
import { esc } from '../xml-escape.js';
import { XML_DECL, len, num, rgb, root } from './ofd-xml.js';

/** Hands out the document's unit IDs (one ID space for fonts, pages, layers and objects). */
export interface Ids {
  next(): number;
}

/** An object that belongs to a 公文 element, for the custom tags. */
export interface TaggedObject {
  element: DocElement;
  object: number;
  text?: string;
}

const isBlack = (c: readonly number[]) => c[0] === 0 && c[1] === 0 && c[2] === 0;

/** DeltaX as OFD writes it: `g N v` where an advance repeats, values in millimetres. */
export function deltaX(steps: number[]): string {
  const vals = steps.map(len);
  const out: string[] = [];
  for (let i = 0; i < vals.length;) {
    let j = i + 1;
    while (j < vals.length && vals[j] === vals[i]) j++;
    if (j - i >= 3) out.push(`g ${j - i} ${vals[i]}`);
    else for (let k = i; k < j; k++) out.push(vals[k]!);
    i = j;
  }
  return out.join(' ');
}

/** A character drawn, and where the next one starts (points from the item's x). */
interface Placed {
  ch: string;
  x: number;
}

/**
 * The characters of a text item that draw a glyph, with their positions: what the PDF draws (glyph
 * 0 never is), each advance plus the character spacing, scaled as the PDF's Tz scales both.
 */
function placeChars(it: TextItem): { chars: Placed[]; width: number } {
  const scale = (it.scale ?? 100) / 100;
  const chars: Placed[] = [];
  let x = 0;
  let k = 0;
  for (const ch of it.text) {
    const i = k++;
    if (!it.glyphs[i]) continue;
    chars.push({ ch, x });
    x += (it.advances[i]! + it.spacing) * scale;
  }
  return { chars, width: x - it.spacing * scale };
}

/**
 * TextCode runs: spaces at either end are left out (XML readers trim them, which would shift every
 * advance after), and a character beyond the BMP stands in a TextCode of its own (readers that
 * count UTF-16 units would otherwise apply the advances to the wrong characters).
 */
function textCodes(chars: Placed[], baseline: number): { xml: string; text: string }[] {
  const runs: Placed[][] = [];
  let cur: Placed[] = [];
  for (const c of chars) {
    const wide = c.ch.length > 1;
    if (wide && cur.length) (runs.push(cur), (cur = []));
    cur.push(c);
    if (wide) (runs.push(cur), (cur = []));
  }
  if (cur.length) runs.push(cur);
  const out: { xml: string; text: string }[] = [];
  for (const run of runs) {
    let a = 0;
    let b = run.length;
    while (a < b && /\s/.test(run[a]!.ch)) a++;
    while (b > a && /\s/.test(run[b - 1]!.ch)) b--;
    const r = run.slice(a, b);
    if (!r.length) continue;
    const steps = r.slice(1).map((c, i) => c.x - r[i]!.x);
    const dx = steps.length ? ` DeltaX="${deltaX(steps)}"` : '';
    const text = r.map((c) => c.ch).join('');
    out.push({ xml: `<ofd:TextCode X="${len(r[0]!.x)}" Y="${len(baseline)}"${dx}>${esc(text)}</ofd:TextCode>`, text });
  }
  return out;
}

function textObject(it: TextItem, ids: Ids, font: number): { id: number; xml: string; text: string } | undefined {
  const { chars, width } = placeChars(it);
  const ascent = Math.max(it.face.ascent(it.size), it.size * 0.88);
  const descent = Math.max(it.face.descent(it.size), it.size * 0.12);
  const codes = textCodes(chars, ascent);
  if (!codes.length) return undefined;
  const id = ids.next();
  // A turned item (§8 page number): the object is set unturned at the origin of its Boundary and
  // turned by its CTM (x → down the page, glyph tops → right), the Boundary covering the turned box.
  const box = it.rotated
    ? `${len(it.x - descent)} ${len(it.y)} ${len(ascent + descent)} ${len(Math.max(width, 0.01))}`
    : `${len(it.x)} ${len(it.y - ascent)} ${len(Math.max(width, 0.01))} ${len(ascent + descent)}`;
  const attrs = [`ID="${id}"`, `Boundary="${box}"`, `Font="${font}"`, `Size="${len(it.size)}"`];
  if (it.rotated) attrs.push(`CTM="0 1 -1 0 ${len(ascent + descent)} 0"`);
  if (it.scale && it.scale !== 100) attrs.push(`HScale="${num(it.scale / 100)}"`);
  // Bold as a weight: a reader that substitutes system fonts picks the bold face; the PDF strokes instead.
  if (it.bold) attrs.push('Weight="700"');
  const fill = isBlack(it.color) ? '' : `<ofd:FillColor Value="${rgb(it.color)}"/>`;
  return { id, xml: `<ofd:TextObject ${attrs.join(' ')}>${fill}${codes.map((c) => c.xml).join('')}</ofd:TextObject>`, text: codes.map((c) => c.text).join('') };
}

function pathObject(it: RuleItem, id: number): string {
  const pad = it.width / 2;
  const x0 = Math.min(it.x1, it.x2) - pad;
  const y0 = Math.min(it.y1, it.y2) - pad;
  const w = Math.abs(it.x2 - it.x1) + it.width;
  const h = Math.abs(it.y2 - it.y1) + it.width;
  const path = `M ${len(it.x1 - x0)} ${len(it.y1 - y0)} L ${len(it.x2 - x0)} ${len(it.y2 - y0)}`;
  return `<ofd:PathObject ID="${id}" Boundary="${len(x0)} ${len(y0)} ${len(w)} ${len(h)}" LineWidth="${len(it.width)}"><ofd:StrokeColor Value="${rgb(it.color)}"/><ofd:AbbreviatedData>${path}</ofd:AbbreviatedData></ofd:PathObject>`;
}

/** The Content.xml of one page; objects that belong to a 公文 element are reported to `tag`. */
export function pageXml(page: LaidPage, fonts: ReadonlyMap<Face, number>, ids: Ids, tag: (t: TaggedObject) => void): string {
  const g = page.geometry;
  const objects: string[] = [];
  const layer = ids.next();
  for (const it of page.items) {
    if (it.kind === 'rule') {
      const id = ids.next();
      objects.push(pathObject(it, id));
      if (it.element) tag({ element: it.element, object: id });
      continue;
    }
    const made = textObject(it, ids, fonts.get(it.face)!);
    if (!made) continue;
    objects.push(made.xml);
    if (it.element) tag({ element: it.element, object: made.id, text: made.text });
  }
  return `${XML_DECL}${root('Page')}<ofd:Area><ofd:PhysicalBox>0 0 ${len(g.width)} ${len(g.height)}</ofd:PhysicalBox></ofd:Area><ofd:Content><ofd:Layer ID="${layer}" Type="Body">${objects.join('\n')}</ofd:Layer></ofd:Content></ofd:Page>\n`;
}
