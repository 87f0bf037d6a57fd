// Reads a spreadsheet (.xlsx or .csv) into rows of cell values with exceljs; merged cells, formulas,
// rich text and dates come out as plain values.
import ExcelJS from 'exceljs';
import type { Cell } from './map-rows.js';

export interface Sheet {
  name: string;
  rows: Cell[][];
}

function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellValue(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    if ('error' in v) return null;
  }
  return String(v);
}

export async function readWorkbook(bytes: Uint8Array, kind: 'xlsx' | 'csv'): Promise<Sheet[]> {
  const wb = new ExcelJS.Workbook();
  if (kind === 'xlsx') await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  else {
    const { Readable } = await import('node:stream');
    await wb.csv.read(Readable.from([Buffer.from(bytes)]), { parserOptions: { delimiter: ',' } });
  }
  return wb.worksheets.map((ws) => {
    const rows: Cell[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: Cell[] = [];
      // Merged cells repeat the master's value only in the master cell: others read as empty.
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cell.isMerged && cell.master !== cell ? null : cellValue(cell.value);
      });
      rows[n - 1] = Array.from({ length: cells.length }, (_v, i) => cells[i] ?? null);
    });
    return { name: ws.name, rows: Array.from({ length: rows.length }, (_v, i) => rows[i] ?? []) };
  });
}
