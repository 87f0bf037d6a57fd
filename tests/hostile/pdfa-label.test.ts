// A packet is labelled PDF/A only when every part is: a scanned attachment whose font is not
// embedded keeps the packet from the label, with a warning naming it; a conforming one does not.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { gongwen } from '../support/cli.js';
import { ROOT } from '../support/examples.js';

const MINIMAL = fs.readFileSync(path.join(ROOT, 'tests/fixtures/good/minimal.yaml'), 'utf8');
const labelled = (file: string) => /pdfaid:part/.test(fs.readFileSync(file).toString('latin1'));

describe('the PDF/A label of a packet', () => {
  it('goes when an attachment does not embed its font, with W_PDFA naming it; stays with a conforming one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-pdfa-label-'));
    const doc = await PDFDocument.create();
    const page = doc.addPage();
    page.drawText('Minutes of the meeting', { font: await doc.embedFont(StandardFonts.Helvetica), x: 72, y: 720 });
    fs.mkdirSync(path.join(dir, '扫描件'));
    fs.writeFileSync(path.join(dir, '扫描件', '会议记录.pdf'), await doc.save());
    fs.writeFileSync(path.join(dir, 'u.yaml'), MINIMAL + '附件材料:\n  - 标题: 会议记录\n    文件: 扫描件/会议记录.pdf\n');
    const r = gongwen(['render', 'u.yaml', '--out', 'out', '--format', 'pdf', '--no-system-fonts'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('W_PDFA  附件“会议记录”不符合 PDF/A（字体 Helvetica 没有嵌入），备案材料.pdf 因此不标为 PDF/A');
    expect(labelled(path.join(dir, 'out', '测试单位', '备案材料.pdf'))).toBe(false);
    // The unit's own documents keep theirs.
    expect(labelled(path.join(dir, 'out', '测试单位', '整改方案.pdf'))).toBe(true);

    // A PDF/A attachment (one of gongwen's own) keeps the packet's label.
    fs.copyFileSync(path.join(dir, 'out', '测试单位', '整改方案.pdf'), path.join(dir, '扫描件', '会议记录.pdf'));
    const again = gongwen(['render', 'u.yaml', '--out', 'out', '--format', 'pdf', '--no-system-fonts'], dir);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).not.toContain('W_PDFA');
    expect(labelled(path.join(dir, 'out', '测试单位', '备案材料.pdf'))).toBe(true);
  }, 60_000);
});
