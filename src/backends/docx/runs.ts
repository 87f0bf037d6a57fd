// Inlines → WordprocessingML runs, with every font slot set to the role's font and East-Asian hints
// (DESIGN §3).
import { fixedPieces, insidePieces, type Piece } from '../../compose/keep-whole.js';
import { autospaced } from '../../compose/measure-chars.js';
import { lineText, type Line } from '../../doc/tree.js';
import type { FontRole } from '../../style/gbt9704.js';
import { ROLE_STYLES } from './role-styles.js';
import { halfPt, twip } from './units.js';
import { CONTROL_RE, esc } from '../xml-escape.js';

export interface RunOptions {
  role: FontRole;
  size: number;
  bold?: boolean;
  color?: string;
  /** Character spacing in points (the 28-per-line squeeze for 3号 text). */
  spacing?: number;
  /** Horizontal scale in percent (long 发文机关标志). */
  scale?: number;
  /** Pieces no line may break inside (default: dates and numbers with units), as the PDF's line breaker keeps them. */
  keep?: (text: string) => Piece[];
}

/** WORD JOINER: Word and LibreOffice never break a line at it, and it draws nothing. */
const WJ = '\u2060';
/** Digits, Latin letters and . , % (by char code: this runs for every character of a piece). */
const asciiWord = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46 || c === 44 || c === 37;

/**
 * The run properties of `o`, with or without the East-Asian hint. A `joined` run holds a piece
 * kept whole by word joiners: LibreOffice's Chinese line breaking ignores U+2060, its ICU rules
 * (any other language) honour it, so such a run is tagged en-US for East Asian text. Word honours
 * the joiner either way; the tag would only change proofing, and `noProof` keeps Word from
 * underlining 2014年3月31日 or 形式主义 as misspelt English.
 */
function rPr(o: RunOptions, hint: boolean, joined = false): string {
  const sz = halfPt(o.size);
  // The role's fonts come from its character style; the run adds the hint.
  let x = `<w:rStyle w:val="${ROLE_STYLES[o.role].id}"/>${hint ? '<w:rFonts w:hint="eastAsia"/>' : ''}`;
  if (o.bold) x += '<w:b/><w:bCs/>';
  if (joined) x += '<w:noProof/>';
  if (o.color) x += `<w:color w:val="${o.color}"/>`;
  if (o.spacing) x += `<w:spacing w:val="${twip(o.spacing)}"/>`;
  if (o.scale && o.scale !== 100) x += `<w:w w:val="${o.scale}"/>`;
  return `<w:rPr>${x}<w:sz w:val="${sz}"/><w:szCs w:val="${sz}"/>${joined ? '<w:lang w:eastAsia="en-US"/>' : ''}</w:rPr>`;
}

/**
 * Collects runs and merges neighbours with the same properties: data fields and template text
 * arrive as separate inlines, but one run per stretch of identical formatting is what Word itself
 * writes, and keeps the document small and pleasant to edit.
 */
class RunWriter {
  private out = '';
  private props = '';
  private text = '';
  add(props: string, text: string): void {
    if (!text) return;
    if (props !== this.props) this.flush();
    this.props = props;
    this.text += text;
  }
  /** An element that is a run of its own (a line break). */
  raw(xml: string): void {
    this.flush();
    this.out += xml;
  }
  private flush(): void {
    if (this.text) {
      // Tabs become tab elements; the text between them stays literal.
      const content = this.text
        .split('\t')
        .map((t) => (t ? `<w:t xml:space="preserve">${esc(t)}</w:t>` : ''))
        .join('<w:tab/>');
      this.out += `<w:r>${this.props}${content}</w:r>`;
    }
    this.props = '';
    this.text = '';
  }
  toString(): string {
    this.flush();
    return this.out;
  }
}

/**
 * Runs for `text`: ASCII stretches (digits, Latin) get no East-Asian hint, so renderers keep
 * 2014 or 1.5 whole at a line break; everything else is hinted so “ ” — … take the Chinese font.
 */
function addText(w: RunWriter, text: string, o: RunOptions, joined = false): void {
  for (const m of text.replace(CONTROL_RE, '').matchAll(/[\x20-\x7E]+|[^\x20-\x7E]+/g)) w.add(rPr(o, !/^[\x20-\x7E]/.test(m[0]), joined), m[0]);
}

/** One run, for fixed texts such as the tab before the 印发 date. */
export function textRun(text: string, o: RunOptions): string {
  const w = new RunWriter();
  w.add(rPr(o, true), text.replace(CONTROL_RE, ''));
  return w.toString();
}

/** A line of inlines as runs; italic text is set in 楷体, as 公文 has no italics. */
export function lineRuns(line: Line | undefined, o: RunOptions): string {
  if (!line) return '';
  const w = new RunWriter();
  // Offsets into the line's text (breaks count as one character, as in lineText).
  const all = lineText(line);
  // Latin words and plain numbers stay whole in every renderer: no joiners (and no extra runs) there.
  const pieces = (o.keep ?? fixedPieces)(all).filter(([a, b]) => !/^[\x21-\x7E]*$/.test(all.slice(a, b).replace(/[-/]/g, '\u0000')));
  const inside = insidePieces(pieces);
  const covered = new Set<number>();
  for (const [a, b] of pieces) for (let k = a; k < b; k++) covered.add(k);
  let at = 0;
  for (const i of line) {
    if (i.type === 'break') {
      w.raw('<w:r><w:br/></w:r>');
      at++;
      continue;
    }
    const ro: RunOptions = { ...o, bold: o.bold || i.bold, role: i.italic && o.role === 'body' ? 'heading2' : o.role };
    // Stretches in and out of pieces; inside one, a joiner before every character but its first.
    let text = '';
    let joined = false;
    for (const ch of i.text) {
      const c = covered.has(at);
      if (c !== joined && text) (addText(w, text, ro, joined), (text = ''));
      joined = c;
      // Between two ASCII characters no renderer breaks (UAX #14 keeps 2014 and 1.5 whole).
      const joiner = inside.has(at) && !(asciiWord(all.charCodeAt(at - 1)) && asciiWord(ch.charCodeAt(0))) ? WJ : '';
      if (inside.has(at + ch.length) && autospaced(ch.codePointAt(0)!, all.codePointAt(at + ch.length)!)) {
        // A joiner between Han and a digit or letter (2014年, 4个): LibreOffice adds no autospace
        // next to it, so the quarter em the PDF and Word put there is written as spacing.
        addText(w, text, ro, joined);
        addText(w, joiner + ch, { ...ro, spacing: (ro.spacing ?? 0) + ro.size / 4 }, joined);
        text = '';
      } else text += joiner + ch;
      at += ch.length;
    }
    if (text) addText(w, text, ro, joined);
  }
  return w.toString();
}
