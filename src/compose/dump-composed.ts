// A ComposedDocument as stable text, for golden tests: each element with its font, place, gaps and
// keep rules, so a change in what a document shows or how it is kept together reads as a diff.
import { lineText, type Line } from '../doc/tree.js';
import type { BlockPlan, ComposedDocument, FontSpec, HeadPlan, Placed } from './plan.js';

const n = (x: number) => String(Math.round(x * 100) / 100);
const quote = (l: Line) => JSON.stringify(lineText(l));
const font = (f: FontSpec) =>
  `${f.role} ${n(f.size)}pt${f.spacing ? ` +${n(f.spacing)}` : ''}${f.bold ? ' bold' : ''}${f.color === 'red' ? ' red' : ''}${f.scale && f.scale !== 100 ? ` ${f.scale}%` : ''}`;

function planLine(p: HeadPlan | BlockPlan): string {
  switch (p.kind) {
    case 'para': {
      const place = [
        p.firstIndent ? `first=${n(p.firstIndent)}` : '',
        p.left ? `left=${n(p.left)}` : '',
        p.right ? `right=${n(p.right)}` : '',
        p.hanging ? `hanging=${n(p.hanging)}` : '',
        p.prefix ? `prefix=${JSON.stringify(p.prefix.text)}@${n(p.prefix.at)}` : '',
        p.before ? `before=${n(p.before)}` : '',
        `lh=${n(p.lineHeight)}`,
      ];
      const keeps = [p.keepNext ? 'keepNext' : '', p.keepLines ? 'keepLines' : '', p.pageBreakBefore ? 'pageBreak' : '', p.outline ? `outline${p.outline.level}` : ''];
      return [`${p.element} ${p.align} ${font(p.font)}`, ...place, ...keeps].filter(Boolean).join(' ') + ` ${quote(p.line)}`;
    }
    case 'blank':
      return `blank${p.keepNext ? ' keepNext' : ''}`;
    case 'signer':
      return `signer namesAt=${n(p.namesAt)} end=${n(p.end)} rows=${p.rows.map((r) => r.map(lineText).join('/')).join(' | ')}${p.docNumber ? ` docNumber=${quote(p.docNumber)}` : ''}`;
    case 'letterHead':
      return `letterHead${p.mark ? ` mark=${quote(p.mark.line)} ${n(p.mark.size)}pt ${p.mark.scale}%` : ''} rows=${p.rows.map((r) => lineText(r.line)).join('/')}${p.docNumber ? ` docNumber=${quote(p.docNumber)}` : ''}`;
    case 'annexLabel':
      return `annexLabel ${JSON.stringify(p.label)}${p.pageBreakBefore ? ' pageBreak' : ''}`;
    case 'pagebreak':
      return 'pagebreak';
    case 'table':
      return `table ${p.node.header.length}×${p.node.rows.length} ${n(p.size)}pt widths=${p.fractions.map((f) => n(f * 100)).join('/')}%`;
    case 'chart':
      return `chart ${p.node.bars.length} bars barX=${n(p.geometry.barX)} barWidth=${n(p.geometry.barWidth)}`;
  }
}

const section = (name: string, items: readonly Placed<HeadPlan | BlockPlan>[], out: string[]) => {
  out.push(name);
  for (const it of items) out.push(`  ${it.landscape ? '[landscape] ' : ''}${planLine(it.plan)}`);
};

export function dumpComposed(c: ComposedDocument): string {
  const out: string[] = [
    `composed (${c.landscape ? 'landscape' : 'portrait'}${c.letter ? ', letter' : ''}${c.keepTextWithTail ? ', text kept with the signature' : ''}${c.ruleAfter !== undefined ? `, red rule after head ${c.ruleAfter}` : ''})`,
  ];
  section('head', c.head, out);
  section('blocks', c.blocks, out);
  section('tail', c.tail, out);
  for (const a of c.annexes) {
    section(`annex ${a.label} head`, a.head, out);
    section(`annex ${a.label} blocks`, a.blocks, out);
  }
  if (c.colophon) {
    const k = c.colophon;
    out.push(
      `colophon ${n(k.size)}pt${k.ruled ? ' ruled' : ''}${k.cc ? ` cc=${quote(k.cc)}` : ''}${k.printer ? ` printer=${quote(k.printer)}` : ''}${k.printDate ? ` printDate=${quote(k.printDate)}` : ''}`,
    );
  }
  return out.join('\n') + '\n';
}
