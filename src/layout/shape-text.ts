// Inlines → a flat list of glyph slots (one per code point) with face, size and advance:
// the input of the line breaker. Characters no font has are reported, never dropped silently.
import { error, warning, type Diagnostic } from '../diag/diagnostic.js';
import type { Line, Source } from '../doc/tree.js';
import { isIgnorable, type Face, type FontBook } from '../fonts/font-book.js';
import type { FontRole } from '../style/gbt9704.js';
import type { Rgb } from './types.js';
import { AUTOSPACE_EM, autospaced } from '../compose/measure-chars.js';

export interface Slot {
  ch: string;
  cp: number;
  face: Face;
  size: number;
  /** The glyph drawn (0: none — a character that draws nothing, or the hard break). */
  glyph: number;
  /** Advance in points, character spacing included. */
  advance: number;
  spacing: number;
  /** Extra room after the glyph between Chinese and Latin or digits (autospace), in points. */
  auto: number;
  color: Rgb;
  bold: boolean;
  source: Source | undefined;
  /** A forced line break (from a data newline or <br>). */
  hardBreak: boolean;
}

export interface TextStyle {
  role: FontRole;
  size: number;
  spacing?: number;
  color: Rgb;
  bold?: boolean;
}

/** XML-invalid controls never reach a document; the data stage warns about them. */
const isControl = (cp: number): boolean => (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) || cp === 0x7f;

export function shapeLine(line: Line, style: TextStyle, book: FontBook, diagnostics: Diagnostic[]): Slot[] {
  const out: Slot[] = [];
  const spacing = style.spacing ?? 0;
  for (const inl of line) {
    if (inl.type === 'break') {
      const prev = out[out.length - 1];
      out.push({
        ch: '\n',
        cp: 10,
        face: prev?.face ?? book.roles[style.role],
        size: style.size,
        glyph: 0,
        advance: 0,
        spacing: 0,
        auto: 0,
        color: style.color,
        bold: false,
        source: undefined,
        hardBreak: true,
      });
      continue;
    }
    const role: FontRole = inl.italic && style.role === 'body' ? 'heading2' : style.role;
    const bold = !!(style.bold || inl.bold);
    const source = inl.source.span || inl.source.field ? inl.source : undefined;
    for (const ch of inl.text) {
      const cp = ch.codePointAt(0)!;
      if (isControl(cp)) continue;
      let face = book.faceFor(role, cp);
      if (face !== book.roles[role]) face = reportFace(face, ch, cp, role, inl.source, book, diagnostics);
      // A zero-width space or BOM the font has no glyph for draws nothing and takes no room.
      const invisible = isIgnorable(cp) && !face.has(cp);
      const adv = invisible ? 0 : (face.advance(cp) * style.size) / face.unitsPerEm;
      const sp = invisible ? 0 : spacing;
      // Every slot has every field, in one order: one object shape for the breaker and the writers.
      out.push({ ch, cp, face, size: style.size, glyph: face.drawnGlyph(cp) ?? 0, advance: adv + sp, spacing: sp, auto: 0, color: style.color, bold, source, hardBreak: false });
    }
  }
  addAutospace(out);
  return out;
}

/**
 * The face a character is drawn in when its role's face lacks it, said as a warning (another face)
 * or an error (no face has it: the role's face draws nothing) — never silently.
 */
function reportFace(face: Face | undefined, ch: string, cp: number, role: FontRole, src: Source, book: FontBook, diagnostics: Diagnostic[]): Face {
  const where = src.field ? `数据字段 ${src.field}` : '模板';
  const u = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  if (!face) {
    diagnostics.push(
      error(
        'E_GLYPH',
        `字符“${ch}”（${u}）在所有已安装的字体中都没有字形（${where}）`,
        src.fieldSpan ?? src.span,
        '安装一款含有该字的字体（如含扩展区汉字的花园明朝 HanaMinB、思源宋体，或单位自有的 GB18030 字库），放进项目的 fonts/ 目录或系统字体目录；gongwen fonts 列出找到的字体',
      ),
    );
    return book.roles[role];
  }
  diagnostics.push(warning('W_FONT_FALLBACK', `字符“${ch}”（${u}）在${book.sources[role].label}中没有字形，改用 ${face.source.label}（${where}）`, src.fieldSpan ?? src.span));
  return face;
}

/**
 * The autospace between a Han character and a Latin letter or digit that readers add by default
 * (autoSpaceDE / autoSpaceDN): “达到 95%”, “2014 年”; as wide as LibreOffice makes it (AUTOSPACE_EM).
 */
function addAutospace(slots: Slot[]): void {
  for (let i = 1; i < slots.length; i++) {
    const a = slots[i - 1]!;
    const b = slots[i]!;
    if (autospaced(a.cp, b.cp)) {
      const extra = Math.max(a.size, b.size) * AUTOSPACE_EM;
      a.auto = extra;
      a.advance += extra;
    }
  }
}

/** The glyph's own advance, without character spacing or autospace. */
export function glyphAdvance(s: Slot): number {
  return s.advance - s.spacing - s.auto;
}

export function slotsText(slots: readonly Slot[]): string {
  return slots.map((s) => s.ch).join('');
}
