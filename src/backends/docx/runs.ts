// Inlines → docx TextRuns, with every font slot set to the role's font and East-Asian hints (DESIGN §3).
import { TextRun } from 'docx';
import type { Line } from '../../doc/tree.js';
import { FONT_NAMES, type FontRole } from '../../style/gbt9704.js';
import { halfPt, twip } from './units.js';

export interface RunOptions {
  role: FontRole;
  size: number;
  bold?: boolean;
  color?: string;
  /** Character spacing in points (the 28-per-line squeeze for 3号 text). */
  spacing?: number;
  /** Horizontal scale in percent (long 发文机关标志). */
  scale?: number;
}

/** XML 1.0 cannot hold C0 controls: they are dropped (the data stage already warned). */
const CONTROL_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g;

export function fontSlots(role: FontRole, hint = true) {
  const name = FONT_NAMES[role];
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name, ...(hint ? { hint: 'eastAsia' } : {}) };
}

function runOf(text: string, o: RunOptions, hint: boolean): TextRun {
  return new TextRun({
    text,
    font: fontSlots(o.role, hint),
    size: halfPt(o.size),
    sizeComplexScript: halfPt(o.size),
    ...(o.bold ? { bold: true, boldComplexScript: true } : {}),
    ...(o.color ? { color: o.color } : {}),
    ...(o.spacing ? { characterSpacing: twip(o.spacing) } : {}),
    ...(o.scale && o.scale !== 100 ? { scale: o.scale } : {}),
  });
}

/**
 * Runs for `text`: ASCII stretches (digits, Latin) get no East-Asian hint, so renderers keep
 * 2014 or 1.5 whole at a line break; everything else is hinted so “ ” — … take the Chinese font.
 */
export function textRuns(text: string, o: RunOptions): TextRun[] {
  const clean = text.replace(CONTROL_RE, '');
  const out: TextRun[] = [];
  for (const m of clean.matchAll(/[\x20-\x7E]+|[^\x20-\x7E]+/g)) out.push(runOf(m[0], o, !/^[\x20-\x7E]/.test(m[0])));
  return out;
}

/** One run, for fixed texts such as the page-number dashes. */
export function textRun(text: string, o: RunOptions): TextRun {
  return runOf(text.replace(CONTROL_RE, ''), o, true);
}

/** A line of inlines as runs; italic text is set in 楷体, as 公文 has no italics. */
export function lineRuns(line: Line | undefined, o: RunOptions): TextRun[] {
  if (!line) return [];
  return line.flatMap((i) =>
    i.type === 'break'
      ? [new TextRun({ break: 1 })]
      : textRuns(i.text, { ...o, bold: o.bold || i.bold, role: i.italic && o.role === 'body' ? 'heading2' : o.role }),
  );
}
