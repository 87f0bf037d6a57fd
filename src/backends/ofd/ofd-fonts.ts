// The fonts of an OFD document: every face the pages draw with, as a standalone subset holding
// exactly the characters drawn, named by its real family so that a reader which substitutes
// system fonts (ofd.js, and by report some desktop readers) keeps the style: 仿宋 stays 仿宋.
import type { Face } from '../../fonts/font-book.js';
import { standaloneSubset } from '../../fonts/standalone-subset.js';
import type { LaidPage } from '../../layout/types.js';
import { esc } from '../xml-escape.js';
import { XML_DECL, root } from './ofd-xml.js';

export interface OfdFonts {
  /** Font resource ID of each face. */
  ids: Map<Face, number>;
  /** PublicRes.xml. */
  resXml: string;
  /** Font files, relative to the document folder. */
  files: { name: string; data: Uint8Array }[];
}

/** The characters each face draws in `pages` (code point → glyph), in order of first use. */
export function charsByFace(pages: readonly LaidPage[]): Map<Face, Map<number, number>> {
  const out = new Map<Face, Map<number, number>>();
  for (const p of pages) {
    for (const it of p.items) {
      if (it.kind !== 'text') continue;
      let m = out.get(it.face);
      if (!m) out.set(it.face, (m = new Map()));
      let k = 0;
      for (const ch of it.text) {
        const cp = ch.codePointAt(0)!;
        const g = it.glyphs[k++]!;
        if (g && !m.has(cp)) m.set(cp, g);
      }
    }
  }
  return out;
}

/** The family a face calls itself: the name the user's font was chosen by, else its own. */
function familyOf(face: Face): string {
  return face.source.family ?? face.font.familyName ?? face.postscriptName;
}

/** Subsets and PublicRes entries for the faces of `pages`; IDs come from `nextId`. */
export function ofdFonts(pages: readonly LaidPage[], nextId: () => number): OfdFonts {
  const ids = new Map<Face, number>();
  const entries: string[] = [];
  const files: OfdFonts['files'] = [];
  for (const [face, chars] of charsByFace(pages)) {
    const id = nextId();
    ids.set(face, id);
    if (!chars.size) {
      // Only spaces or nothing drawable: no program to embed, the name alone.
      entries.push(`<ofd:Font ID="${id}" FontName="${esc(face.font.fullName ?? familyOf(face))}" FamilyName="${esc(familyOf(face))}"/>`);
      continue;
    }
    const sub = standaloneSubset(face, chars);
    const file = `font_${id}.${sub.ext}`;
    files.push({ name: `Res/${file}`, data: sub.bytes });
    entries.push(`<ofd:Font ID="${id}" FontName="${esc(face.font.fullName ?? familyOf(face))}" FamilyName="${esc(familyOf(face))}"><ofd:FontFile>${file}</ofd:FontFile></ofd:Font>`);
  }
  const fonts = entries.length ? `<ofd:Fonts>${entries.join('')}</ofd:Fonts>` : '';
  const resXml = `${XML_DECL}${root('Res', ' BaseLoc="Res"')}${fonts}</ofd:Res>\n`;
  return { ids, resXml, files };
}
