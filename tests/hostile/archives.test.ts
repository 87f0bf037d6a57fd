// Spreadsheets and packets that are not what they claim: random bytes, a truncated workbook, a zip
// that holds no workbook, a CSV with an unbalanced quote, a sheet that unpacks past the bound, too
// many rows, formulas saved without results, and a packet whose embedded file unpacks to gigabytes.
// Each is a clear error naming the file (and the cell or the limit), never exit 70, never a stack.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { gongwen } from '../support/cli.js';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-archive-'));

/** Runs import and checks it failed as a user's error would: exit 1, an E_IMPORT, no internal error. */
function refused(dir: string, args: string[]): string {
  const r = gongwen(['import', ...args], dir);
  expect(r.code, r.stderr).toBe(1);
  expect(r.stderr).toContain('E_IMPORT');
  expect(r.stderr).not.toMatch(/内部错误|    at |TypeError|RangeError/);
  return r.stderr;
}

async function ledgerXlsx(file: string, rows: number, extra?: (ws: ExcelJS.Worksheet) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('整改台账');
  ws.getRow(1).values = ['序号', '存在问题', '问题类别', '整改措施', '整改目标', '责任领导', '责任部门', '完成时限'];
  for (let i = 0; i < rows; i++) ws.getRow(2 + i).values = [i + 1, `问题${i + 1}`, '形式主义', `措施${i + 1}`, '目标', '张三', '办公室', '2014-03-31'];
  extra?.(ws);
  await wb.xlsx.writeFile(file);
}

describe('spreadsheets that are not what they claim', () => {
  it('random bytes, a truncated workbook and a zip without a workbook are E_IMPORT', async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'random.xlsx'), Buffer.from(Array.from({ length: 4096 }, (_v, i) => (i * 7919) % 251)));
    await ledgerXlsx(path.join(dir, 'whole.xlsx'), 5);
    const whole = fs.readFileSync(path.join(dir, 'whole.xlsx'));
    fs.writeFileSync(path.join(dir, 'truncated.xlsx'), whole.subarray(0, Math.floor(whole.length / 2)));
    const zip = new JSZip();
    zip.file('readme.txt', '这不是工作簿');
    fs.writeFileSync(path.join(dir, 'notabook.xlsx'), await zip.generateAsync({ type: 'uint8array' }));
    for (const f of ['random.xlsx', 'truncated.xlsx', 'notabook.xlsx']) expect(refused(dir, [f]), f).toContain(`${f}:1:1`);
  });

  it('a CSV with an unbalanced quote is E_IMPORT at the quote', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'q.csv'), '序号,存在问题,整改措施\n1,会议多,精简会议\n2,"文件多,压缩文件\n3,调研少,建立联系点\n');
    expect(refused(dir, ['q.csv'])).toContain('q.csv:3:3  error  E_IMPORT  CSV 中的引号没有配对');
  });

  it('a workbook that unpacks past the bound is refused before it is unpacked, naming the limit', async () => {
    const dir = tmp();
    const zip = new JSZip();
    // 64 MB of one character: a few hundred KB packed.
    zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(64 * 1024 * 1024, 0x61));
    zip.file('[Content_Types].xml', '<Types/>');
    fs.writeFileSync(path.join(dir, 'bomb.xlsx'), await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    expect(fs.statSync(path.join(dir, 'bomb.xlsx')).size).toBeLessThan(2 * 1024 * 1024);
    expect(refused(dir, ['bomb.xlsx', '--max-mb', '16'])).toContain('工作簿解压后有 65 MB，超过上限 16 MB');
  });

  it('more rows than the bound is E_IMPORT; rows past what render takes are a warning at import', async () => {
    const dir = tmp();
    await ledgerXlsx(path.join(dir, 'long.xlsx'), 60);
    expect(refused(dir, ['long.xlsx', '--max-rows', '50'])).toContain('表格共有 61 行，超过上限 50 行');
    await ledgerXlsx(path.join(dir, 'big.xlsx'), 2100);
    const r = gongwen(['import', 'big.xlsx', '-o', 'big.yaml'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('W_IMPORT_LIMIT');
  }, 60_000);

  it('a formula saved without its result, and an error value, are E_IMPORT at their cells, never “[object Object]”', async () => {
    const dir = tmp();
    await ledgerXlsx(path.join(dir, 'f.xlsx'), 3, (ws) => {
      ws.getCell('E3').value = { formula: 'CONCATENATE("会议","减少")' } as ExcelJS.CellFormulaValue;
      ws.getCell('H4').value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
    });
    const out = refused(dir, ['f.xlsx', '-o', 'f.yaml']);
    expect(out).toContain('f.xlsx#整改台账:3:5  error  E_IMPORT  整改台账!E3：单元格是公式 =CONCATENATE("会议","减少")，但文件中没有保存计算结果');
    expect(out).toContain('f.xlsx#整改台账:4:8  error  E_IMPORT  整改台账!H4：单元格的值是错误 #DIV/0!');
    expect(fs.readFileSync(path.join(dir, 'f.yaml'), 'utf8')).not.toContain('[object Object]');
  });
});

describe('a packet whose embedded file unpacks to more than the bound', () => {
  it('extract refuses it by name and writes nothing', async () => {
    const dir = tmp();
    const doc = await PDFDocument.create();
    doc.addPage();
    const ctx = doc.context;
    const packed = deflateSync(Buffer.alloc(300 * 1024 * 1024, 0x20), { level: 9 });
    const stream = PDFRawStream.of(ctx.obj({ Type: 'EmbeddedFile', Filter: 'FlateDecode', Length: packed.length }), packed);
    const spec = ctx.obj({ Type: 'Filespec', F: PDFString.of('big.yaml'), UF: PDFHexString.fromText('big.yaml'), EF: { F: ctx.register(stream) } });
    doc.catalog.set(PDFName.of('Names'), ctx.obj({ EmbeddedFiles: ctx.obj({ Names: [PDFHexString.fromText('big.yaml'), ctx.register(spec)] }) }));
    fs.writeFileSync(path.join(dir, '备案材料.pdf'), await doc.save());
    expect(fs.statSync(path.join(dir, '备案材料.pdf')).size).toBeLessThan(1024 * 1024);
    const r = gongwen(['extract', '备案材料.pdf', 'out'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('嵌入文件“big.yaml”无法解码：解压后超过 256 MB');
    expect(fs.existsSync(path.join(dir, 'out', 'big.yaml'))).toBe(false);
  }, 60_000);
});
