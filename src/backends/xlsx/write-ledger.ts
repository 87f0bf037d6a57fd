// The 问题清单和整改台账 as offices print it (exceljs): a merged title row, the 填报单位 row, a header
// row repeated on every printed page, A4 landscape fitted to the page width, wrapped text, the
// problem's cells merged over its measures, dates in Chinese form. `gongwen import` reads it back.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { formatDateZh, type DateValue } from '../../data/dates.js';
import { ENUMS, enumLabel } from '../../data/schema.js';
import type { Measure, Problem, UnitData } from '../../data/types.js';
import { MODE } from '../../kinds/kind-sections.js';

type CellValue = string | Date | null;
/** Header, width in characters (Excel's unit), whether the cell belongs to the problem, and its value. */
interface Column {
  header: string;
  width: number;
  problem: boolean;
  value: (p: Problem, m: Measure | undefined) => CellValue;
}
const col = (header: string, width: number, problem: boolean, value: Column['value']): Column => ({ header, width, problem, value });
const yesNo = (b: boolean | undefined) => (b === false ? '否' : '是');

/** The 教育实践活动 ledger: 四风 categories, 责任主体 and the problem's 责任人. */
const FOUR_WINDS_COLUMNS: readonly Column[] = [
  col('序号', 6, true, (p) => p.id),
  col('存在问题', 30, true, (p) => p.text),
  col('问题类别', 10, true, (p) => enumLabel(ENUMS.WIND, p.wind ?? '')),
  col('责任主体', 7, true, (p) => enumLabel(ENUMS.SCOPE, p.scope ?? '')),
  col('责任人', 8, true, (p) => p.person ?? null),
  col('整改措施', 34, false, (_p, m) => m?.action ?? null),
  col('整改目标', 22, false, (_p, m) => m?.goal ?? null),
  col('责任领导', 10, false, (_p, m) => m?.leader ?? null),
  col('责任部门', 12, false, (_p, m) => m?.department ?? null),
  col('完成时限', 15, false, (_p, m) => (m?.deadline ? dateCell(m.deadline) : null)),
  col('进展', 8, false, (_p, m) => (m?.status ? enumLabel(ENUMS.STATUS, m.status) : null)),
  col('进展情况', 18, false, (_p, m) => m?.progress ?? null),
  col('是否公开', 7, false, (_p, m) => (m ? yesNo(m.public) : null)),
];

/** The current kinds' ledger: the kind's category, the measure's 责任人, 整改类型 and 佐证材料 where any has them. */
function kindColumns(data: UnitData): Column[] {
  const any = (f: (m: Measure) => unknown) => data.measures.some((m) => f(m) !== undefined);
  return [
    col('序号', 6, true, (p) => p.id),
    col(data.kind.category.label, 14, true, (p) => p.category ?? null),
    col('存在问题', 30, true, (p) => p.text),
    ...(data.problems.some((p) => p.amount) ? [col('涉及金额', 10, true, (p) => p.amount ?? null)] : []),
    col('整改措施', 34, false, (_p, m) => m?.action ?? null),
    ...(any((m) => m.goal) ? [col('整改目标', 22, false, (_p, m) => m?.goal ?? null)] : []),
    ...(any((m) => m.mode) ? [col('整改类型', 10, false, (_p, m) => (m?.mode ? enumLabel(MODE, m.mode) : null))] : []),
    col('责任领导', 10, false, (_p, m) => m?.leader ?? null),
    col('责任部门', 12, false, (_p, m) => m?.department ?? null),
    ...(any((m) => m.person) ? [col('责任人', 8, false, (_p, m) => m?.person ?? null)] : []),
    col('完成时限', 15, false, (_p, m) => (m?.deadline ? dateCell(m.deadline) : null)),
    col('进展', 8, false, (_p, m) => (m?.status ? enumLabel(ENUMS.STATUS, m.status) : null)),
    col('进展情况', 18, false, (_p, m) => m?.progress ?? null),
    ...(any((m) => m.evidence) ? [col('佐证材料', 16, false, (_p, m) => m?.evidence ?? null)] : []),
    col('是否公开', 7, false, (p, m) => (m ? yesNo(m.public && p.public !== false) : null)),
  ];
}
const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = '仿宋_GB2312';

function dateCell(d: DateValue): Date | string {
  // A deadline in words stays words in the ledger (it reads back as the same deadline).
  return d.kind === 'date' && !d.text ? new Date(Date.UTC(d.year, d.month - 1, d.day)) : formatDateZh(d);
}

export async function writeLedgerXlsx(data: UnitData, date: Date): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  // Fixed document dates: the same data gives the same workbook properties.
  wb.creator = data.unit.issuer;
  wb.created = date;
  wb.modified = date;
  const ws = wb.addWorksheet('问题清单和整改台账', {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C— &P —' },
    views: [{ state: 'frozen', ySplit: 3 }],
  });
  ws.pageSetup.printTitlesRow = '3:3';
  const COLUMNS = data.kind.category.fourWinds ? FOUR_WINDS_COLUMNS : kindColumns(data);
  const LAST = String.fromCharCode(64 + COLUMNS.length);
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));

  ws.mergeCells(`A1:${LAST}1`);
  const title = ws.getCell('A1');
  title.value = data.kind.category.fourWinds ? `${data.unit.name}领导班子问题清单和整改台账` : `${data.unit.name}${data.kind.name}问题清单和整改台账`;
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
      row.values = COLUMNS.map((c) => (c.problem && r !== first ? null : c.value(p, m)));
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
      const centred = !['存在问题', '整改措施', '整改目标', '进展情况', '佐证材料', data.kind.category.label].includes(h);
      cell.alignment = { vertical: 'middle', horizontal: centred ? 'center' : 'left', wrapText: true };
      if (h === '完成时限') cell.numFmt = 'yyyy"年"m"月"d"日"';
    });
  }
  fitRowHeights(ws, spans, COLUMNS);
  const buf = await wb.xlsx.writeBuffer();
  return fixZipDates(new Uint8Array(buf as ArrayBuffer), date);
}

/**
 * exceljs zips with the clock's time on every entry; the same data must give the same bytes (SPEC
 * §4), so the entries are written again, in the same order, dated with the document's date.
 */
export async function fixZipDates(bytes: Uint8Array, date: Date): Promise<Uint8Array> {
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
function fitRowHeights(ws: ExcelJS.Worksheet, spans: readonly [number, number][], COLUMNS: readonly Column[]): void {
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
