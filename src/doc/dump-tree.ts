// A DocTree as stable text, for golden tests and for debugging templates.
import { META_LINES } from './meta-lines.js';
import { lineText, type DocTree, type Line } from './tree.js';

function fieldsOf(l: Line): string {
  const f = [...new Set(l.flatMap((i) => (i.type === 'text' && i.source.field ? [i.source.field] : [])))];
  return f.length ? `  {${f.join(' ')}}` : '';
}

export function dumpTree(doc: DocTree): string {
  const out: string[] = [
    `document ${doc.id} (${doc.meta.orientation}${doc.meta.format === 'letter' ? ', letter' : ''}${doc.meta.sealed ? ', sealed' : ''}${doc.meta.pageNumbers ? '' : ', no page numbers'})`,
  ];
  const m = doc.meta;
  const metaLines = META_LINES.map((l): [string, Line | undefined] => [l.key, m[l.meta]]);
  for (const [k, l] of metaLines) if (l) out.push(`${k}: ${lineText(l)}${fieldsOf(l)}`);
  m.attachments.forEach((a, i) => out.push(`attachment ${i + 1}: ${lineText(a)}`));
  for (const b of doc.blocks) {
    const at = `@${b.span.line}`;
    switch (b.type) {
      case 'heading':
        out.push(`h${b.level} ${b.number}${lineText(b.inlines)}  ${at}${fieldsOf(b.inlines)}`);
        break;
      case 'paragraph':
        out.push(`p${b.indent === 'none' ? '0' : ''} ${lineText(b.inlines).replace(/\n/g, '⏎')}  ${at}${fieldsOf(b.inlines)}`);
        break;
      case 'table':
        out.push(`table ${b.header.length} columns × ${b.rows.length} rows${b.size ? ` ${b.size}pt` : ''}  ${at}  align ${b.align.map((a) => a ?? '-').join(',')}`);
        out.push(`  | ${b.header.map(lineText).join(' | ')} |`);
        b.rows.forEach((r, i) => out.push(`  | ${r.map((c, j) => (b.merged?.[i]?.[j] ? '^^' : (b.cellAlign?.[i]?.[j] === 'right' ? '>>' : '') + lineText(c).replace(/\n/g, '⏎'))).join(' | ')} |`));
        break;
      case 'chart':
        out.push(`chart ${b.bars.length} bars  ${at}`, ...b.bars.map((bar) => `  ${lineText(bar.label)} ${bar.text}${fieldsOf(bar.label)}`));
        break;
      case 'pagebreak':
        out.push(`pagebreak  ${at}`);
        break;
    }
  }
  // Attachments bound after the text, each dumped whole, indented.
  for (const a of doc.annexes ?? [])
    out.push(
      `${a.label}:`,
      ...dumpTree(a.doc)
        .trimEnd()
        .split('\n')
        .map((l) => `  ${l}`),
    );
  return out.join('\n') + '\n';
}
