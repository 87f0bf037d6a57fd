// 整改情况汇总表.xlsx (exceljs): a row per unit with a totals row; every overdue measure; the units'
// ledgers in one sheet with a unit column (numbering restarted per unit), as a group company rolls up
// its subsidiaries' ledgers.
import ExcelJS from 'exceljs';
import type { LedgerRow, OverdueRow, UnitRow } from '../../data/summary-rows.js';
import { fixZipDates } from './write-ledger.js';

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function sheet<T>(wb: ExcelJS.Workbook, name: string, title: string, columns: { header: string; width: number; value: (r: T) => string | number }[], rows: readonly T[]): void {
  const ws = wb.addWorksheet(name, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 }, views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = columns.map((c) => ({ width: c.width }));
  ws.mergeCells(1, 1, 1, columns.length);
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { name: '方正小标宋简体', size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.getRow(2).values = columns.map((c) => c.header);
  ws.pageSetup.printTitlesRow = '2:2';
  rows.forEach((r, i) => (ws.getRow(3 + i).values = columns.map((c) => c.value(r))));
  for (let i = 2; i < 3 + rows.length; i++) {
    ws.getRow(i).eachCell({ includeEmpty: true }, (cell) => {
      cell.font = { name: i === 2 ? '黑体' : '仿宋_GB2312', size: 11 };
      cell.border = BORDER;
      cell.alignment = { vertical: 'middle', wrapText: true };
    });
  }
}

export async function writeSummaryXlsx(units: readonly UnitRow[], total: UnitRow, overdue: readonly OverdueRow[], ledger: readonly LedgerRow[], asOf: string, date: Date): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'gongwen';
  wb.created = date;
  wb.modified = date;
  sheet<UnitRow>(
    wb,
    '汇总',
    `整改情况汇总表（截至${asOf}）`,
    [
      { header: '单位', width: 28, value: (r) => r.unit },
      { header: '整改类型', width: 12, value: (r) => r.kind },
      { header: '问题', width: 8, value: (r) => r.problems },
      { header: '整改措施', width: 10, value: (r) => r.measures },
      { header: '已完成', width: 9, value: (r) => r.done },
      { header: '正在推进', width: 10, value: (r) => r.in_progress },
      { header: '需长期坚持', width: 11, value: (r) => r.long_term },
      { header: '尚未开始', width: 10, value: (r) => r.not_started },
      { header: '超期', width: 8, value: (r) => r.overdue },
      { header: '完成率', width: 9, value: (r) => `${r.rate}%` },
    ],
    [...units, total],
  );
  sheet<OverdueRow>(
    wb,
    '超期措施',
    `超期未完成的整改措施（截至${asOf}）`,
    [
      { header: '单位', width: 24, value: (r) => r.unit },
      { header: '责任部门', width: 14, value: (r) => r.department },
      { header: '责任领导', width: 10, value: (r) => r.leader },
      { header: '整改措施', width: 40, value: (r) => r.action },
      { header: '完成时限', width: 16, value: (r) => r.deadline },
      { header: '超期天数', width: 9, value: (r) => r.days },
    ],
    overdue,
  );
  sheet<LedgerRow>(
    wb,
    '整改台账',
    '整改台账（汇总）',
    [
      { header: '单位', width: 22, value: (r) => r.unit },
      { header: '序号', width: 6, value: (r) => r.no },
      { header: '问题类别', width: 16, value: (r) => r.category },
      { header: '存在问题', width: 34, value: (r) => r.problem },
      { header: '整改措施', width: 34, value: (r) => r.action },
      { header: '责任领导', width: 10, value: (r) => r.leader },
      { header: '责任部门', width: 12, value: (r) => r.department },
      { header: '完成时限', width: 16, value: (r) => r.deadline },
      { header: '进展', width: 10, value: (r) => r.status },
      { header: '进展情况', width: 24, value: (r) => r.progress },
    ],
    ledger,
  );
  const buf = await wb.xlsx.writeBuffer();
  return fixZipDates(new Uint8Array(buf as ArrayBuffer), date);
}
