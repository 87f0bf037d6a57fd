// 署名 and 成文日期 of a stamped document (GB/T 9704 §7.3.5.1, unit 加盖印章: 是), measured on our PDF
// and on LibreOffice's rendering of the DOCX: the date 右空四字, the 署名 centred over it, two blank
// lines above the 署名 (room for the seal, its top within a line of the text); unstamped documents
// keep 右空二字 and one blank line.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PORTRAIT } from '../../src/layout/paginate.js';
import { BODY_CELL, GRID } from '../../src/style/gbt9704.js';
import { gongwen } from '../support/cli.js';
import { ROOT } from '../support/examples.js';
import { convertToPdf } from '../support/libreoffice.js';
import { pageCount, words, type Word } from '../support/poppler.js';

const MM = 72 / 25.4;
const right = PORTRAIT.block.x + PORTRAIT.block.width;

describe('署名 and 成文日期 with a seal', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-seal-'));
  const pdfs: Record<string, string> = {};

  beforeAll(() => {
    const unit = fs.readFileSync(path.join(ROOT, 'tests/fixtures/good/minimal.yaml'), 'utf8');
    for (const [name, text] of [['sealed', unit.replace('  date: 2014-01-10', '  date: 2014-01-10\n  加盖印章: 是')], ['plain', unit]] as const) {
      fs.mkdirSync(path.join(dir, name, 'data'), { recursive: true });
      fs.writeFileSync(path.join(dir, name, 'data', 'u.yaml'), text);
      const r = gongwen(['render', 'data', '--out', 'out', '--only', 'rectification-plan', '--no-system-fonts'], path.join(dir, name));
      expect(r.code, r.stderr).toBe(0);
      pdfs[name] = path.join(dir, name, 'out', '测试单位', '整改方案.pdf');
    }
    pdfs.lo = convertToPdf([pdfs.sealed!.replace(/\.pdf$/, '.docx')], path.join(dir, 'lo'))[0]!;
  }, 240_000);

  /** The 署名, the date and the last line of text above them, on the page that has them. */
  function tail(pdf: string): { signature: Word; date: Word; text: Word } {
    const ws = words(pdf, 1, pageCount(pdf));
    const signature = ws.find((w) => w.text === '中共测试单位委员会')!;
    const on = ws.filter((w) => w.page === signature.page);
    const dateWords = on.filter((w) => Math.abs(w.yMax - on.find((x) => x.text.startsWith('2014'))!.yMax) < 2 && w.yMin > signature.yMax - 2);
    const date = { ...dateWords[0]!, xMin: Math.min(...dateWords.map((w) => w.xMin)), xMax: Math.max(...dateWords.map((w) => w.xMax)) };
    const text = on.filter((w) => w.yMax < signature.yMin - 2).sort((a, b) => b.yMax - a.yMax)[0]!;
    return { signature, date, text };
  }

  for (const [name, key, tol] of [
    ['our PDF', 'sealed', 0.5 * MM],
    ['LibreOffice’s PDF of the DOCX', 'lo', 1 * MM],
  ] as const) {
    it(`${name}: the date 右空四字, the 署名 centred over it, two blank lines above the 署名`, () => {
      const { signature, date, text } = tail(pdfs[key]!);
      expect(Math.abs(right - date.xMax - 4 * BODY_CELL) / MM).toBeLessThan(tol / MM);
      expect(Math.abs((signature.xMin + signature.xMax) / 2 - (date.xMin + date.xMax) / 2) / MM).toBeLessThan(tol / MM);
      // 署名 three grid lines below the last line of text: two blank lines between them.
      expect(Math.abs(signature.yMax - text.yMax - 3 * GRID.linePitch) / MM).toBeLessThan(tol / MM);
      expect(Math.abs(date.yMax - signature.yMax - GRID.linePitch) / MM).toBeLessThan(tol / MM);
    });
  }

  it('leaves an unstamped document as it was: 署名 右空二字, the date two characters in from its start, one blank line', () => {
    const { signature, date, text } = tail(pdfs.plain!);
    expect(Math.abs(right - signature.xMax - 2 * BODY_CELL) / MM).toBeLessThan(0.5);
    expect(Math.abs(date.xMin - signature.xMin - 2 * BODY_CELL) / MM).toBeLessThan(0.5);
    expect(Math.abs(signature.yMax - text.yMax - 2 * GRID.linePitch) / MM).toBeLessThan(0.5);
  });
});
