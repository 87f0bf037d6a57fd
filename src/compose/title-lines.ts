// Breaks a 标题 into lines that keep words whole and form a trapezoid or a diamond, never an
// hourglass (GB/T 9704 §7.3.1: "标题排列应当使用梯形或菱形"), 词意完整: no line ends on “关于”, and
// the 发文机关 before it stays on one line. Shared by the DOCX and PDF backends.
import { compoundPieces, fixedPieces, insidePieces } from './keep-whole.js';
import { charCells } from './measure-chars.js';
import { splitLineAt } from './split-line.js';
import { lineText, type Line } from '../doc/tree.js';

const NO_START = /^[，。、；：？！）》」』】〕’”…—·]/;
const NO_END = /[（《「『【〔‘“]$/;

/** What a break right before “关于” is worth, in squared cells of imbalance. */
const ABOUT_BONUS = 40;

/** One segmenter for the process: constructing one costs more than segmenting a title. */
const seg = new Intl.Segmenter('zh-Hans', { granularity: 'word' });

/**
 * The name before “关于” (the 发文机关, “中共某某省交通投资集团有限公司委员会关于…”) as one piece
 * when it fits a line: a title breaks before “关于”, not inside the name.
 */
function issuerPiece(text: string, maxCells: number): [number, number][] {
  const at = text.indexOf('关于');
  return at > 1 && charCells(text.slice(0, at)) <= maxCells ? [[0, at]] : [];
}

/** Names a title never breaks: a 发文字号 (某审报〔2025〕12号) and an inspection group (区委第二巡察组). */
const NAMES = /[\p{Script=Han}]{0,8}〔\d{4}〕\d+号|(?:中央|省委|市委|区委|县委)?第[一二三四五六七八九十]+(?:巡视|巡察|督导|巡回指导)组/gu;
function namePieces(text: string): [number, number][] {
  return [...text.matchAll(NAMES)].map((m) => {
    // The 机关代字 starts after “关于” (“…关于某审报〔2025〕12号…”).
    const about = m[0].lastIndexOf('关于');
    return [about >= 0 ? m.index + about + 2 : m.index, m.index + m[0].length];
  });
}

/** Word boundaries (UTF-16 offsets) where a title may break. */
function breakOffsets(text: string, maxCells: number): number[] {
  const out: number[] = [];
  // The segmenter splits 领导|班子 and 教育|实践|活动: the documents' compounds, dates and numbers stay whole.
  const inside = insidePieces([...compoundPieces(text), ...fixedPieces(text), ...issuerPiece(text, maxCells), ...namePieces(text)]);
  let depth = 0;
  let pos = 0;
  for (const s of seg.segment(text)) {
    for (const ch of s.segment) {
      if ('《“‘（「'.includes(ch)) depth++;
      if ('》”’）」'.includes(ch)) depth = Math.max(0, depth - 1);
    }
    pos = s.index + s.segment.length;
    if (pos >= text.length) break;
    const before = text.slice(0, pos);
    const after = text.slice(pos);
    if (NO_START.test(after) || NO_END.test(before) || inside.has(pos) || before.endsWith('关于')) continue;
    // Breaking inside a quoted name (《…》, “…”) is allowed but costs (see below).
    out.push(depth > 0 ? -pos : pos);
  }
  return out;
}

function shapeOk(lens: number[]): boolean {
  if (lens.length < 3) return true;
  const inc = lens.every((l, i) => i === 0 || l >= lens[i - 1]!);
  const dec = lens.every((l, i) => i === 0 || l <= lens[i - 1]!);
  if (inc || dec) return true;
  // Diamond: rises to a widest middle, then falls.
  const peak = lens.indexOf(Math.max(...lens));
  return lens.slice(0, peak + 1).every((l, i, a) => i === 0 || l >= a[i - 1]!) && lens.slice(peak).every((l, i, a) => i === 0 || l <= a[i - 1]!);
}

/** The title's lines; `maxCells` is how many title characters fit the text block. */
export function titleLines(title: Line, maxCells: number): Line[] {
  const text = lineText(title);
  // A title the template already broke is kept as written.
  if (text.includes('\n')) return [title];
  const total = charCells(text);
  if (total <= maxCells) return [title];
  const raw = breakOffsets(text, maxCells);
  const cands = raw.map(Math.abs);
  const about = text.indexOf('关于');
  const inQuote = new Set(raw.filter((x) => x < 0).map((x) => -x));
  let best: { cost: number; cuts: number[] } | undefined;
  for (let k = Math.ceil(total / maxCells); k <= Math.min(5, Math.ceil(total / maxCells) + 1) && !best; k++) {
    const choose = (start: number, need: number, cuts: number[]) => {
      if (need === 0) {
        const bounds = [0, ...cuts, text.length];
        const lens = bounds.slice(1).map((b, i) => charCells(text.slice(bounds[i], b)));
        if (lens.some((l) => l > maxCells) || !shapeOk(lens)) return;
        const mean = total / lens.length;
        let cost = lens.reduce((s, l) => s + (l - mean) ** 2, 0);
        cost += cuts.filter((c) => inQuote.has(c)).length * 40;
        // “发文机关 / 关于事由的文种”: the break before “关于” is the one offices choose.
        if (about > 0 && cuts.includes(about)) cost -= ABOUT_BONUS;
        if (!best || cost < best.cost) best = { cost, cuts: [...cuts] };
        return;
      }
      for (let i = start; i < cands.length; i++) choose(i + 1, need - 1, [...cuts, cands[i]!]);
    };
    if (cands.length <= 40) choose(0, k - 1, []);
  }
  if (!best) return [title];
  return splitLineAt(title, (best as { cuts: number[] }).cuts);
}
