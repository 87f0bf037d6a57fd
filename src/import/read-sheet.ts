// Reads a spreadsheet (.xlsx or .csv) into rows of cell values with exceljs; merged cells, formulas,
// rich text and dates come out as plain values.
import ExcelJS from 'exceljs';
import type { Cell } from './map-rows.js';
import { decodeText } from '../data/decode-text.js';
import type { Diagnostic } from '../diag/diagnostic.js';

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

/** A CSV's text: Chinese Excel saves GB18030 with CRLF; `decodeText` says which it was. */
export async function readWorkbook(bytes: Uint8Array, kind: 'xlsx' | 'csv', file = ''): Promise<{ sheets: Sheet[]; diagnostics: Diagnostic[] }> {
  const wb = new ExcelJS.Workbook();
  if (kind === 'xlsx') await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  else {
    const decoded = decodeText(bytes, file);
    if (decoded.text === undefined) return { sheets: [], diagnostics: decoded.diagnostics };
    const { Readable } = await import('node:stream');
    await wb.csv.read(Readable.from([decoded.text.replace(/\r\n?/g, '\n')]), { parserOptions: { delimiter: ',' } });
    return { sheets: sheetsOf(wb), diagnostics: decoded.diagnostics };
  }
  return { sheets: sheetsOf(wb), diagnostics: [] };
}

function sheetsOf(wb: ExcelJS.Workbook): Sheet[] {
  return wb.worksheets.map((ws) => {
    const rows: Cell[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: Cell[] = [];
      // A vertical merge (a problem over its measures, a leader over several rows) holds for every
      // row it covers; a horizontal one (a title, a note) only in its first cell.
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        const covered = cell.isMerged && cell.master !== cell;
        cells[col - 1] = covered && Number(cell.master.col) !== col ? null : cellValue(covered ? cell.master.value : cell.value);
      });
      rows[n - 1] = Array.from({ length: cells.length }, (_v, i) => cells[i] ?? null);
    });
    return { name: ws.name, rows: Array.from({ length: rows.length }, (_v, i) => rows[i] ?? []) };
  });
}
