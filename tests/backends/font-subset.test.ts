// The byte-copying TrueType subsetter and the CFF path of the PDF font embedder, checked with
// fontkit (outlines and advances read back from the subset) and poppler (what a reader sees).
import { glyphRun } from '../../src/layout/lines-to-items.js';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { writePdf } from '../../src/backends/pdf/write-pdf.js';
import { Face } from '../../src/fonts/font-book.js';
import { glyfSource, subsetGlyf } from '../../src/fonts/truetype-subset.js';
import type { PagedLayout } from '../../src/layout/types.js';
import { ink, rasterize } from '../support/raster.js';

// Debian packages .ci/run installs: fonts-liberation (TrueType with composite glyphs), fonts-urw-base35 (CFF).
const LIBERATION = '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf';
const NIMBUS = '/usr/share/fonts/opentype/urw-base35/NimbusSans-Regular.otf';

function faceOf(file: string): Face {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const font = fontkit.create(bytes as Buffer) as Font;
  return new Face(file, { file, label: path.basename(file), licence: '' }, bytes, font);
}

const outline = (f: Font, gid: number) => f.getGlyph(gid).path.toSVG();

describe('TrueType subset', () => {
  const face = faceOf(LIBERATION);
  const src = glyfSource(face)!;
  const text = 'Aé Åñ fig 2014';
  const gids = [...text].map((ch) => face.glyphId(ch.codePointAt(0)!));

  it('keeps every outline and advance, composite glyphs re-pointed to their renumbered components', () => {
    const composite = gids.filter((g) => src.view.getInt16(src.loca[g]!) < 0);
    expect(composite.length).toBeGreaterThan(0); // é, Å, ñ are composites in Liberation Sans
    const sub = subsetGlyf(src, gids);
    const back = fontkit.create(Buffer.from(sub.bytes)) as Font;
    // .notdef, the glyphs asked for, and the components of the composites, nothing more.
    expect(back.numGlyphs).toBe(sub.oldIds.length);
    expect(back.numGlyphs).toBeGreaterThan(new Set(gids).size);
    expect(back.numGlyphs).toBeLessThan(40);
    for (const [i, g] of gids.entries()) {
      const n = sub.newId.get(g)!;
      expect(outline(back, n)).toBe(outline(face.font, g));
      if (text[i] !== ' ') expect(outline(back, n).length).toBeGreaterThan(0);
      expect(back.getGlyph(n).advanceWidth).toBe(face.font.getGlyph(g).advanceWidth);
    }
  });

  it('writes a valid sfnt: table checksums and the whole-file checksum adjustment', () => {
    const sub = subsetGlyf(src, gids);
    const v = new DataView(sub.bytes.buffer, sub.bytes.byteOffset, sub.bytes.byteLength);
    const sum = (from: number, len: number) => {
      let s = 0;
      for (let p = from; p < from + len; p += 4) s = (s + (p + 4 <= sub.bytes.length ? v.getUint32(p) : 0)) >>> 0;
      return s;
    };
    const tables = v.getUint16(4);
    for (let i = 0; i < tables; i++) {
      const rec = 12 + 16 * i;
      const tag = String.fromCharCode(...sub.bytes.subarray(rec, rec + 4));
      if (tag === 'head') continue;
      expect(v.getUint32(rec + 4), tag).toBe(sum(v.getUint32(rec + 8), v.getUint32(rec + 12)));
    }
    expect(sum(0, sub.bytes.length)).toBe(0xb1b0afba);
  });
});

describe('PDF fonts of both outline formats', () => {
  const layoutWith = (face: Face, text: string): PagedLayout => ({
    pages: [
      {
        geometry: { width: 300, height: 100, block: { x: 0, y: 0, width: 300, height: 100 }, landscape: false },
        items: [{ kind: 'text', x: 20, y: 60, text, ...glyphRun(face, 24, [...text].map((ch) => face.drawnGlyph(ch.codePointAt(0)!) ?? 0)), face, size: 24, spacing: 0, color: [0, 0, 0] }],
      },
    ],
    outline: [],
  });

  /** Liberation Sans claiming more glyphs than its loca table holds: our subsetter declines it. */
  const inconsistent = (): Face => {
    const bytes = new Uint8Array(fs.readFileSync(LIBERATION));
    const font = fontkit.create(Buffer.from(bytes)) as unknown as { directory: { tables: Record<string, { offset: number }> } };
    const v = new DataView(bytes.buffer);
    const at = font.directory.tables['maxp']!.offset + 4;
    v.setUint16(at, v.getUint16(at) + 100);
    const face = new Face('inconsistent', { file: LIBERATION, label: 'x', licence: '' }, bytes, fontkit.create(Buffer.from(bytes)) as Font);
    expect(glyfSource(face)).toBeNull();
    return face;
  };

  for (const [kind, face, type] of [
    ['TrueType', () => faceOf(LIBERATION), 'CID TrueType'],
    ['CFF', () => faceOf(NIMBUS), 'CID Type 0C'],
    ['TrueType (through fontkit)', inconsistent, 'CID TrueType'],
  ] as const) {
    it(`embeds a ${kind} subset that draws and extracts the text`, async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-fontpdf-'));
      const pdf = path.join(dir, 'f.pdf');
      const text = 'Subset Wörld 2014';
      fs.writeFileSync(pdf, await writePdf(layoutWith(face(), text), { title: kind, date: new Date(0) }));
      execFileSync('qpdf', ['--check', pdf]);
      const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n')[2]!;
      expect(fonts).toMatch(/^[A-Z]{6}\+/);
      expect(fonts).toContain(type);
      expect(fonts).toMatch(/yes\s+yes\s+yes/);
      expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).trim()).toBe(text);
      // Glyphs were drawn where the text is, and nowhere else.
      const [page] = rasterize(pdf, 72);
      expect(ink(page!, 72, 20, 35, 280, 66)).toBeGreaterThan(255 * 300);
      expect(ink(page!, 72, 0, 70, 300, 100)).toBe(0);
      fs.rmSync(dir, { recursive: true, force: true });
    });
  }
});
