// One face of a document as a PDF composite font (Type0, Identity-H): the glyphs the document drew,
// as a TrueType subset (our byte-copying subsetter) or, for CFF-flavoured fonts, a CFF subset from
// fontkit; widths, a descriptor and a ToUnicode CMap so text can be searched and copied.
import { createHash } from 'node:crypto';
import type { Face } from '../../fonts/font-book.js';
import { cffSubset, fontkitSubset } from '../../fonts/cff-subset.js';
import { glyfSource, subsetGlyf } from '../../fonts/truetype-subset.js';
import type { PDFRef } from 'pdf-lib';
import { ascii, num, numText, syntax, type PdfFile } from './pdf-file.js';

/** How one face's characters are written in content streams once its subset is made. */
export interface FontUse {
  face: Face;
  /** Original glyph ids drawn, with the first code point seen for each (for ToUnicode). */
  glyphs: Map<number, number>;
}

export interface EmbeddedFont {
  /** Original glyph id → the 4-hex-digit code written in a content string. */
  code: Map<number, string>;
}

/** A stable six-letter subset tag (ABCDEF+Name), so pdffonts shows the subsets and bytes repeat. */
function subsetTag(face: Face): string {
  const h = createHash('sha1').update(face.key).digest();
  return Array.from(h.subarray(0, 6), (b) => String.fromCharCode(65 + (b % 26))).join('');
}

const hex4 = (n: number): string => n.toString(16).padStart(4, '0').toUpperCase();

/** Hex of a code point as UTF-16BE. */
function utf16(cp: number): string {
  if (cp < 0x10000) return hex4(cp);
  const v = cp - 0x10000;
  return hex4(0xd800 + (v >> 10)) + hex4(0xdc00 + (v & 0x3ff));
}

/** A CIDSet stream for CIDs 0 … n−1: one bit per CID, high bit first. */
function denseCidSet(n: number): Uint8Array {
  const bits = new Uint8Array(Math.ceil(n / 8));
  bits.fill(0xff, 0, n >> 3);
  if (n & 7) bits[n >> 3] = (0xff << (8 - (n & 7))) & 0xff;
  return bits;
}

function toUnicodeCMap(pairs: [number, number][]): string {
  const blocks: string[] = [];
  for (let i = 0; i < pairs.length; i += 100) {
    const chunk = pairs.slice(i, i + 100);
    blocks.push(`${chunk.length} beginbfchar\n${chunk.map(([code, cp]) => `<${hex4(code)}> <${utf16(cp)}>`).join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

/**
 * Writes the font objects of `use` into `pdf` as object `id`. `full` embeds every glyph of the
 * font (tests compare it with the subset's rendering).
 */
export function embedFont(pdf: PdfFile, id: PDFRef, use: FontUse, full = false): EmbeddedFont {
  const { face } = use;
  const font = face.font as unknown as {
    numGlyphs: number;
    bbox: { minX: number; minY: number; maxX: number; maxY: number };
    italicAngle: number;
    ascent: number;
    descent: number;
    capHeight: number;
    xHeight: number;
    directory: { tables: Record<string, unknown> };
  };
  const wanted = full ? Array.from({ length: font.numGlyphs }, (_v, i) => i) : [...use.glyphs.keys()];
  const src = glyfSource(face);
  const cff = !!font.directory.tables['CFF '];
  let program: Uint8Array;
  let oldIds: number[];
  let newId: Map<number, number>;
  if (src) {
    ({ bytes: program, oldIds, newId } = subsetGlyf(src, wanted));
  } else if (cff) {
    // CFF outlines: a CID-keyed font with CID = new glyph id, its subroutines inlined (fonts/cff-subset.ts).
    ({ bytes: program, oldIds, newId } = cffSubset(face, wanted));
  } else {
    // A TrueType font our subsetter declines: fontkit's own subset.
    ({ bytes: program, oldIds, newId } = fontkitSubset(face, wanted));
  }
  const code = new Map<number, string>();
  for (const [g, n] of newId) code.set(g, hex4(n));

  const k = 1000 / face.unitsPerEm;
  const widths = oldIds.map((g) => numText(face.glyphAdvance(g) * k));
  const cmap = [...use.glyphs].map(([g, cp]): [number, number] => [newId.get(g)!, cp]).sort((a, b) => a[0] - b[0]);
  const base = full ? face.postscriptName : `${subsetTag(face)}+${face.postscriptName}`;

  const [cid, desc, file, toUni, cidSet] = [pdf.alloc(), pdf.alloc(), pdf.alloc(), pdf.alloc(), pdf.alloc()];
  pdf.put(id, { Type: 'Font', Subtype: 'Type0', BaseFont: base, Encoding: 'Identity-H', DescendantFonts: [cid], ToUnicode: toUni });
  pdf.put(cid, {
    Type: 'Font',
    Subtype: cff ? 'CIDFontType0' : 'CIDFontType2',
    BaseFont: base,
    CIDSystemInfo: { Registry: ascii('Adobe'), Ordering: ascii('Identity'), Supplement: 0 },
    FontDescriptor: desc,
    // As text: pdf-lib would hold each width as an object and format it on creation.
    W: syntax(widthArray(widths)),
    ...(cff ? {} : { CIDToGIDMap: 'Identity' }),
  });
  const b = font.bbox;
  pdf.put(desc, {
    Type: 'FontDescriptor',
    FontName: base,
    Flags: 4,
    FontBBox: [b.minX, b.minY, b.maxX, b.maxY].map((v) => num(v * k)),
    ItalicAngle: num(face.italicAngle),
    Ascent: num(font.ascent * k),
    Descent: num(font.descent * k),
    CapHeight: num((font.capHeight || font.ascent) * k),
    XHeight: num((font.xHeight || 0) * k),
    StemV: 0,
    [cff ? 'FontFile3' : 'FontFile2']: file,
    // A subset (its name has the ABCDEF+ tag) lists the CIDs it holds: all of 0 … n−1, as our
    // subsets number glyphs densely. Optional in PDF/A-2, required complete by PDF/A-1.
    ...(full ? {} : { CIDSet: cidSet }),
  });
  // Glyph outlines deflate poorly (−32 % at level 1, −34 % at level 6 for Noto Serif SC): level 1
  // gets nearly all of it in two thirds of the time.
  pdf.putStream(file, cff ? { Subtype: 'CIDFontType0C' } : { Length1: program.length }, program, { level: 1, identifies: false, background: true });
  pdf.putStream(toUni, {}, toUnicodeCMap(cmap));
  if (!full) pdf.putStream(cidSet, {}, denseCidSet(oldIds.length), { identifies: false });
  return { code };
}

/**
 * /W with runs of equal widths as `first last w` (a CJK face's glyphs are mostly one em wide) and
 * the rest listed: `[0 [w w] 2 40 1000 41 [w]]`.
 */
export function widthArray(widths: readonly string[]): string {
  const out: string[] = [];
  let list: string[] = [];
  let listStart = 0;
  const flush = () => {
    if (list.length) out.push(`${listStart} [${list.join(' ')}]`);
    list = [];
  };
  for (let i = 0; i < widths.length;) {
    let j = i;
    while (j + 1 < widths.length && widths[j + 1] === widths[i]) j++;
    if (j - i >= 3) {
      flush();
      out.push(`${i} ${j} ${widths[i]}`);
    } else {
      if (!list.length) listStart = i;
      list.push(...widths.slice(i, j + 1));
    }
    i = j + 1;
  }
  flush();
  return `[${out.join(' ')}]`;
}
