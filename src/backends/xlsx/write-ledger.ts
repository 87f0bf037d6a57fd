// The 问题清单和整改台账 as offices print it (exceljs): a merged title row, the 填报单位 row, a header
// row repeated on every printed page, A4 landscape fitted to the page width, wrapped text, the
// problem's cells merged over its measures, dates in Chinese form. `gongwen import` reads it back.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { formatDateZh, type DateValue } from '../../data/dates.js';
import { ENUMS, enumLabel } from '../../data/schema.js';
import type { UnitData } from '../../data/types.js';

/** Header, width in characters (Excel's unit), and whether the cell belongs to the problem. */
const COLUMNS: readonly { header: string; width: number; problem: boolean }[] = [
  { header: '序号', width: 6, problem: true },
  { header: '存在问题', width: 30, problem: true },
  { header: '问题类别', width: 10, problem: true },
  { header: '责任主体', width: 7, problem: true },
  { header: '责任人', width: 8, problem: true },
  { header: '整改措施', width: 34, problem: false },
  { header: '整改目标', width: 22, problem: false },
  { header: '责任领导', width: 10, problem: false },
  { header: '责任部门', width: 12, problem: false },
  { header: '完成时限', width: 15, problem: false },
  { header: '进展', width: 8, problem: false },
  { header: '进展情况', width: 18, problem: false },
  { header: '是否公开', width: 7, problem: false },
];
const LAST = String.fromCharCode(64 + COLUMNS.length);
const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = '仿宋_GB2312';

function dateCell(d: DateValue): Date | string {
  return d.kind === 'date' ? new Date(Date.UTC(d.year, d.month - 1, d.day)) : formatDateZh(d);
}

export async function writeLedgerXlsx(data: UnitData, date: Date): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  // Fixed document dates: the same data gives the same workbook properties.
  wb.creator = data.unit.issuer;
  wb.created = date;
  wb.modified = date;
  const ws = wb.addWorksheet('问题清单和整改台账', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true, margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } },
    headerFooter: { oddFooter: '&C— &P —' },
    views: [{ state: 'frozen', ySplit: 3 }],
  });
  ws.pageSetup.printTitlesRow = '3:3';
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));

  ws.mergeCells(`A1:${LAST}1`);
  const title = ws.getCell('A1');
  title.value = `${data.unit.name}领导班子问题清单和整改台账`;
  title.font = { name: '方正小标宋简体', size: 18 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 36;
  ws.mergeCells('A2:E2');
  ws.getCell('A2').value = `填报单位：${data.unit.name}`;
  if (data.unit.date) {
    ws.mergeCells(`F2:${LAST}2`);
    ws.getCell('F2').value = `填报日期：${formatDateZh(data.unit.date)}`;
    ws.getCell('F2').alignment = { horizontal: 'right' };
  }
  const header = ws.getRow(3);
  header.height = 36;
  header.values = COLUMNS.map((c) => c.header);
  header.eachCell((cell) => {
    cell.font = { name: '黑体', size: 12 };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
  });

  let r = 4;
  const spans: [number, number][] = [];
  for (const p of data.problems) {
    const measures = data.measures.filter((m) => m.problem.includes(p.id));
    const first = r;
    for (const m of measures.length ? measures : [undefined]) {
      const row = ws.getRow(r);
      row.values = [
        r === first ? p.id : null,
        r === first ? p.text : null,
        r === first ? enumLabel(ENUMS.WIND, p.wind ?? '') : null,
        r === first ? enumLabel(ENUMS.SCOPE, p.scope ?? '') : null,
        r === first ? p.person ?? null : null,
        m?.action ?? null,
        m?.goal ?? null,
        m?.leader ?? null,
        m?.department ?? null,
        m?.deadline ? dateCell(m.deadline) : null,
        m?.status ? enumLabel(ENUMS.STATUS, m.status) : null,
        m?.progress ?? null,
        m ? (m.public ? '是' : '否') : null,
      ];
      r++;
    }
    // The problem's cells span its measures, as the printed ledger shows them.
    if (r - 1 > first) COLUMNS.forEach((c, i) => c.problem && ws.mergeCells(first, i + 1, r - 1, i + 1));
    spans.push([first, r - 1]);
  }
  for (let i = 4; i < r; i++) {
    ws.getRow(i).eachCell({ includeEmpty: true }, (cell, col) => {
      cell.font = { name: FONT, size: 12 };
      cell.border = BORDER;
      const h = COLUMNS[col - 1]!.header;
      const centred = !['存在问题', '整改措施', '整改目标', '进展情况'].includes(h);
      cell.alignment = { vertical: 'middle', horizontal: centred ? 'center' : 'left', wrapText: true };
      if (h === '完成时限') cell.numFmt = 'yyyy"年"m"月"d"日"';
    });
  }
  fitRowHeights(ws, spans);
  const buf = await wb.xlsx.writeBuffer();
  return fixZipDates(new Uint8Array(buf as ArrayBuffer), date);
}

/**
 * exceljs zips with the clock's time on every entry; the same data must give the same bytes (SPEC
 * §4), so the entries are written again, in the same order, dated with the document's date.
 */
async function fixZipDates(bytes: Uint8Array, date: Date): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  for (const [name, entry] of Object.entries(zip.files)) {
    if (!entry.dir) out.file(name, await entry.async('uint8array'), { date, createFolders: false });
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** Points per line of 12 pt text, and Excel width units a full-width character takes at 12 pt. */
const LINE_PT = 16;
const CJK_UNITS = 2.25;

/** Lines a text needs in a column `width` units wide (full-width characters count double). */
function linesFor(text: string, width: number): number {
  const perLine = Math.max(1, (width - 1) / CJK_UNITS);
  let lines = 0;
  for (const para of text.split('\n')) {
    let w = 0;
    for (const ch of para) w += ch.codePointAt(0)! > 0x2e7f ? 1 : 0.55;
    lines += Math.max(1, Math.ceil(w / perLine));
  }
  return lines;
}

/**
 * Row heights from the wrapped text: Excel grows rows itself on opening, LibreOffice and printers
 * keep what the file says, so the file says enough. A merged problem cell shares its height out
 * over the rows it covers.
 */
function fitRowHeights(ws: ExcelJS.Worksheet, spans: readonly [number, number][]): void {
  const text = (row: number, col: number) => {
    const v = ws.getRow(row).getCell(col).value;
    return v === null || v === undefined || v instanceof Date ? '' : String(v);
  };
  for (const [a, b] of spans) {
    const heights: number[] = [];
    for (let row = a; row <= b; row++) {
      let lines = 1;
      COLUMNS.forEach((c, i) => {
        if (!c.problem) lines = Math.max(lines, linesFor(text(row, i + 1), c.width));
      });
      heights.push(lines * LINE_PT + 6);
    }
    let problemLines = 1;
    COLUMNS.forEach((c, i) => {
      if (c.problem) problemLines = Math.max(problemLines, linesFor(text(a, i + 1), c.width));
    });
    const need = problemLines * LINE_PT + 6;
    const have = heights.reduce((x, y) => x + y, 0);
    const extra = have < need ? (need - have) / heights.length : 0;
    heights.forEach((h, k) => (ws.getRow(a + k).height = Math.ceil(h + extra)));
  }
}
