// Reads a spreadsheet (.xlsx or .csv) into rows of cell values with exceljs; merged cells, formulas,
// rich text and dates come out as plain values.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Cell } from './map-rows.js';
import { decodeText } from '../data/decode-text.js';
import { error, type Diagnostic } from '../diag/diagnostic.js';

/**
 * Bounds on what a spreadsheet may unpack to: far above any real ledger (a few hundred rows, a few
 * MB), far below what would exhaust memory. `gongwen import --max-rows / --max-mb` raise them.
 */
export const SHEET_LIMITS = { inflatedBytes: 200 * 1024 * 1024, rows: 20_000 };
export interface SheetLimits {
  inflatedBytes: number;
  rows: number;
}

export interface Sheet {
  name: string;
  rows: Cell[][];
}

/** A cell's plain value, or why it has none (a formula saved without its result, an error value). */
function cellValue(v: ExcelJS.CellValue): { value: Cell; problem?: string } {
  if (v === null || v === undefined) return { value: null };
  if (v instanceof Date || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return { value: v };
  if (typeof v === 'object') {
    if ('richText' in v) return { value: v.richText.map((t) => t.text).join('') };
    if ('error' in v) return { value: null, problem: `单元格的值是错误 ${String(v.error)}` };
    if ('formula' in v || 'sharedFormula' in v) {
      const f = v as { formula?: string; sharedFormula?: string; result?: ExcelJS.CellValue };
      if (f.result === undefined || f.result === null) return { value: null, problem: `单元格是公式 =${f.formula ?? f.sharedFormula}，但文件中没有保存计算结果（用 Excel 或 WPS 打开并保存一次即可）` };
      const r = cellValue(f.result);
      return r.problem ? { value: null, problem: `公式 =${f.formula ?? f.sharedFormula} 的结果是错误：${r.problem.replace(/^单元格的值是错误 /, '')}` } : r;
    }
    if ('text' in v) return { value: String(v.text) };
  }
  return { value: String(v) };
}

/** The unpacked size of an .xlsx's parts, read from its zip directory without unpacking anything. */
async function inflatedSize(bytes: Uint8Array): Promise<number> {
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  let total = 0;
  for (const f of Object.values(zip.files)) total += (f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
  return total;
}

const MB = 1024 * 1024;

/** A CSV's text: Chinese Excel saves GB18030 with CRLF; `decodeText` says which it was. */
/**
 * A workbook's sheets, never a throw: a file that is no workbook, a truncated one, a CSV with an
 * unbalanced quote, one that unpacks past the bounds or has too many rows are E_IMPORT naming the
 * file (and the limit); cells without a value to read are E_IMPORT at their cell.
 */
export async function readWorkbook(bytes: Uint8Array, kind: 'xlsx' | 'csv', file = '', limits: SheetLimits = SHEET_LIMITS): Promise<{ sheets: Sheet[]; diagnostics: Diagnostic[] }> {
  const at = { file, line: 1, column: 1 };
  const wb = new ExcelJS.Workbook();
  const diagnostics: Diagnostic[] = [];
  if (kind === 'xlsx') {
    let size: number;
    try {
      size = await inflatedSize(bytes);
    } catch (e) {
      return { sheets: [], diagnostics: [error('E_IMPORT', `无法读取工作簿：不是有效的 .xlsx 文件（${firstLine(e)}）`, at, '用 Excel 或 WPS 打开后另存为 .xlsx，或另存为 CSV')] };
    }
    if (size > limits.inflatedBytes) {
      return {
        sheets: [],
        diagnostics: [error('E_IMPORT', `工作簿解压后有 ${Math.ceil(size / MB)} MB，超过上限 ${Math.round(limits.inflatedBytes / MB)} MB`, at, '真实的台账远小于此；确需导入时用 --max-mb 提高上限')],
      };
    }
    try {
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch (e) {
      return { sheets: [], diagnostics: [error('E_IMPORT', `无法读取工作簿（${firstLine(e)}）`, at, '文件可能已损坏或不完整；用 Excel 或 WPS 打开后另存一次')] };
    }
  } else {
    const decoded = decodeText(bytes, file);
    diagnostics.push(...decoded.diagnostics);
    if (decoded.text === undefined) return { sheets: [], diagnostics };
    const quote = unbalancedQuote(decoded.text);
    if (quote)
      return {
        sheets: [],
        diagnostics: [...diagnostics, error('E_IMPORT', 'CSV 中的引号没有配对：从这里开始的引号一直到文件结尾都没有闭合', { file, ...quote }, '检查这一行的双引号（单元格中的双引号要写成两个 ""）')],
      };
    try {
      const { Readable } = await import('node:stream');
      await wb.csv.read(Readable.from([decoded.text.replace(/\r\n?/g, '\n')]), { parserOptions: { delimiter: ',' } });
    } catch (e) {
      return { sheets: [], diagnostics: [...diagnostics, error('E_IMPORT', `无法读取 CSV（${firstLine(e)}）`, at)] };
    }
  }
  if (!wb.worksheets.length) return { sheets: [], diagnostics: [...diagnostics, error('E_IMPORT', kind === 'xlsx' ? '文件中没有工作表：这不是 Excel 工作簿（.xlsx）' : 'CSV 文件是空的', at)] };
  const rows = wb.worksheets.reduce((n, ws) => n + ws.rowCount, 0);
  if (rows > limits.rows)
    return { sheets: [], diagnostics: [...diagnostics, error('E_IMPORT', `表格共有 ${rows} 行，超过上限 ${limits.rows} 行`, at, '请按单位拆分台账；确需导入时用 --max-rows 提高上限')] };
  return { sheets: sheetsOf(wb, file, diagnostics), diagnostics };
}

const firstLine = (e: unknown) =>
  String((e as Error)?.message ?? e)
    .split('\n')[0]!
    .replace(/\s*:?\s*is this a zip file.*$/, '')
    .slice(0, 200);

/** Where a quoted CSV field opens and never closes (line and column), or undefined. */
function unbalancedQuote(text: string): { line: number; column: number } | undefined {
  let inQuote = false;
  let line = 1;
  let col = 0;
  let opened: { line: number; column: number } | undefined;
  let atFieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    col++;
    if (inQuote) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          i++;
          col++;
        } else inQuote = false;
      } else if (ch === '\n') {
        line++;
        col = 0;
      }
      continue;
    }
    if (ch === '"' && atFieldStart) {
      inQuote = true;
      opened = { line, column: col };
    }
    atFieldStart = ch === ',' || ch === '\n' || ch === '\r';
    if (ch === '\n') {
      line++;
      col = 0;
    }
  }
  return inQuote ? opened : undefined;
}

function sheetsOf(wb: ExcelJS.Workbook, file: string, diagnostics: Diagnostic[]): Sheet[] {
  return wb.worksheets.map((ws) => {
    const rows: Cell[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: Cell[] = [];
      // A vertical merge (a problem over its measures, a leader over several rows) holds for every
      // row it covers; a horizontal one (a title, a note) only in its first cell.
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        const covered = cell.isMerged && cell.master !== cell;
        if (covered && Number(cell.master.col) !== col) {
          cells[col - 1] = null;
          return;
        }
        const v = cellValue(covered ? cell.master.value : cell.value);
        cells[col - 1] = v.value;
        // Reported once, at the cell itself (not again on each row a merge covers).
        if (v.problem && !covered) diagnostics.push(error('E_IMPORT', `${ws.name}!${cell.address}：${v.problem}`, { file: `${file}#${ws.name}`, line: n, column: col }));
      });
      rows[n - 1] = Array.from({ length: cells.length }, (_v, i) => cells[i] ?? null);
    });
    return { name: ws.name, rows: Array.from({ length: rows.length }, (_v, i) => rows[i] ?? []) };
  });
}
