import * as fs from 'node:fs';
import * as path from 'node:path';
import { it } from 'vitest';
import { convertToPdf } from '../support/libreoffice.js';
import { textLines } from '../support/poppler.js';
import { cjkBodyLines } from '../support/parity.js';

it('diff', () => {
  const d = process.env.DIFF_DIR!;
  const names = fs.readdirSync(d).filter((f) => f.endsWith('.docx')).map((f) => f.slice(0, -5));
  const pdfs = convertToPdf(names.map((n) => path.join(d, `${n}.docx`)), '/tmp/lo-diff');
  const out: string[] = [];
  names.forEach((n, i) => {
    const lo = cjkBodyLines(textLines(pdfs[i]!));
    const ours = new Set(cjkBodyLines(textLines(path.join(d, `${n}.pdf`))));
    const oursAll = textLines(path.join(d, `${n}.pdf`)).map((l) => l.text);
    for (const t of lo) if (!ours.has(t)) out.push(`${n}\n  LO : ${t}\n  OUR: ${oursAll.find((o) => o.startsWith(t.slice(0, 6))) ?? '?'}`);
  });
  fs.writeFileSync('/tmp/diff.txt', out.join('\n'));
}, 300000);
