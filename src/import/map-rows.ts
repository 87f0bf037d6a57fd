// Spreadsheet rows → records of one data section (SPEC §2), pure: finds the header row under any
// merged title rows, maps Chinese column headers to fields, keeps dates and blank cells right.
import { warning, error, type Diagnostic } from '../diag/diagnostic.js';
import { nearest } from '../diag/nearest.js';
import { SECTIONS, fieldFor, type FieldSpec, type SectionSpec } from '../data/schema.js';
import { isLedger, ledgerColumns, splitLedger } from '../data/ledger.js';
import type { YValue } from '../data/yaml-tree.js';
import type { Span } from '../diag/diagnostic.js';

export type Cell = string | number | boolean | Date | null;

export interface MappedSheet {
  section: SectionSpec;
  records: Record<string, unknown>[];
  diagnostics: Diagnostic[];
  /** A combined ledger: its problems and measures (records then holds the measures). */
  ledger?: { problems: Record<string, unknown>[]; measures: Record<string, unknown>[] };
}

/** Notes under a table and total rows are no data: “注：…”, “填表说明：…”, “合计”. */
const NOTE_ROW = /^(注|备注|说明|填表说明|填报说明)\s*\d*\s*[:：]|^(合计|小计|总计)$/;

/** Sections a sheet can hold: lists of flat records (of the kind's sections, the default kind's by default). */
export function importable(sections: readonly SectionSpec[] = SECTIONS): SectionSpec[] {
  return sections.filter((s) => s.type.kind === 'list' && s.type.of.kind === 'object');
}
export const IMPORTABLE = importable();

function fieldsOf(s: SectionSpec): readonly FieldSpec[] {
  return s.type.kind === 'list' && s.type.of.kind === 'object' ? s.type.of.fields : [];
}

const text = (c: Cell): string => (c === null ? '' : c instanceof Date ? '' : String(c).trim());

/** How many cells of a row name fields of the section. */
function score(row: Cell[], s: SectionSpec): number {
  return row.filter((c) => text(c) && fieldFor(fieldsOf(s), text(c).replace(/\s+/g, ''))).length;
}

function isoDate(d: Date): string {
  // Spreadsheet dates are calendar days: read them in UTC.
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/**
 * Maps the rows of one sheet. `as` names the section (canonical or Chinese); without it the
 * section whose fields the headers name best is taken. Rows and columns are 1-based in messages.
 */
export function mapRows(rows: Cell[][], file: string, as?: string, sheetName?: string, sections: readonly SectionSpec[] = SECTIONS): MappedSheet | { diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const IMPORTABLE = importable(sections);
  const candidates = as ? IMPORTABLE.filter((s) => s.key === as || s.aliases.includes(as)) : IMPORTABLE;
  if (as && !candidates.length) {
    return { diagnostics: [error('E_IMPORT', `未知的数据类型“${as}”（可用：${IMPORTABLE.map((s) => `${s.key}（${s.label}）`).join('、')}）`)] };
  }
  // The header row: the first of the top 20 rows that names at least two fields.
  let best: { row: number; section: SectionSpec; score: number } | undefined;
  for (let r = 0; r < Math.min(rows.length, 20) && !best; r++) {
    for (const s of candidates) {
      const sc = score(rows[r]!, s);
      if (sc >= 2 && (!best || sc > best.score)) best = { row: r, section: s, score: sc };
    }
  }
  if (!best && sheetName) {
    const bySheet = IMPORTABLE.find((s) => s.key === sheetName || s.aliases.includes(sheetName));
    if (bySheet) diagnostics.push(warning('W_IMPORT', `工作表“${sheetName}”像是“${bySheet.label}”，但找不到表头行`));
  }
  if (!best) {
    diagnostics.push(error('E_IMPORT', '找不到表头行：前 20 行中没有一行含有两个以上可识别的列名（如“问题描述”“四风类别”“整改措施”）', { file, line: 1, column: 1 }));
    return { diagnostics };
  }
  const section = best.section;
  const fields = fieldsOf(section);
  // A two-row header (整改责任 over 责任领导 | 责任部门): the lower row names the columns under a group.
  const lower = twoRowHeader(rows[best.row]!, rows[best.row + 1], sections);
  const header = lower ?? rows[best.row]!;
  const dataStart = best.row + (lower ? 2 : 1);
  const columns: (FieldSpec | undefined)[] = header.map((c, i) => {
    const name = text(c).replace(/\s+/g, '');
    if (!name) return undefined;
    const f = fieldFor(fields, name);
    if (!f) {
      const near = nearest(
        name,
        fields.flatMap((x) => [x.label, ...x.aliases]),
      );
      diagnostics.push(
        warning(
          'W_IMPORT_COLUMN',
          `列“${name}”不能对应到“${section.label}”的任何字段，已忽略`,
          { file, line: best!.row + 1, column: i + 1 },
          near ? `是否是“${near}”？` : `可用的列名：${fields.map((x) => x.label).join('、')}`,
        ),
      );
    }
    return f;
  });
  const headerTexts = header.map((c) => text(c));
  const ledgerCols = ledgerColumns(headerTexts, sections);
  if ((!as || section.key === 'measures' || section.key === 'problems') && isLedger(ledgerCols)) {
    return mapLedger(rows, best.row, dataStart, headerTexts, ledgerCols, file, section, sections);
  }
  const records: Record<string, unknown>[] = [];
  for (let r = dataStart; r < rows.length; r++) {
    const row = rows[r]!;
    const rec: Record<string, unknown> = {};
    row.forEach((c, i) => {
      const f = columns[i];
      if (!f || c === null || (typeof c === 'string' && c.trim() === '')) return;
      if (c instanceof Date) rec[f.key] = isoDate(c);
      else if (typeof c === 'string') rec[f.key] = c.trim();
      else rec[f.key] = c;
    });
    // Blank rows, notes and repeated header rows (a sheet printed over pages) are skipped.
    if (!Object.keys(rec).length || score(row, section) >= best.score || isNoteRow(row)) continue;
    records.push(rec);
  }
  for (const f of fields) {
    if (f.required && !columns.includes(f) && records.length) {
      diagnostics.push(warning('W_IMPORT_MISSING', `表中没有“${f.label}”列，这是“${section.label}”的必填字段`, { file, line: best.row + 1, column: 1 }));
    }
  }
  return { section, records, diagnostics };
}

function isNoteRow(row: Cell[]): boolean {
  const first = row.map(text).find((t) => t !== '');
  return first !== undefined && NOTE_ROW.test(first);
}

function cellYValue(c: Cell, span: Span): YValue {
  const value = c === null ? null : c instanceof Date ? isoDate(c) : typeof c === 'string' ? c.trim() : c;
  return { kind: 'scalar', value, text: value === null ? '' : String(value), span };
}

/** Rows under the header of a combined ledger → linked problems and measures (see data/ledger.ts). */
function mapLedger(
  rows: Cell[][],
  headerRow: number,
  dataStart: number,
  headers: string[],
  cols: ReturnType<typeof ledgerColumns>,
  file: string,
  section: SectionSpec,
  sections: readonly SectionSpec[],
): MappedSheet {
  const diagnostics: Diagnostic[] = [];
  headers.forEach((h, i) => {
    if (!h || cols[i]) return;
    const of = (key: string) => fieldsOf(sections.find((x) => x.key === key)!);
    const known = [...of('problems'), ...of('measures')].flatMap((x) => [x.label, ...x.aliases]);
    const near = nearest(h.replace(/\s+/g, ''), known);
    diagnostics.push(warning('W_IMPORT_COLUMN', `列“${h}”不能对应到问题或整改措施的任何字段，已忽略`, { file, line: headerRow + 1, column: i + 1 }, near ? `是否是“${near}”？` : undefined));
  });
  const items: YValue[] = [];
  const headerScore = cols.filter(Boolean).length;
  for (let r = dataStart; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.every((c) => text(c) === '' && !(c instanceof Date) && typeof c !== 'number') || isNoteRow(row)) continue;
    // A header repeated on every printed page.
    if (row.filter((c, i) => cols[i] && text(c) === headers[i]).length >= Math.max(2, headerScore - 1)) continue;
    const entries = headers.flatMap((h, i) =>
      h && cols[i] ? [{ key: h, keySpan: { file, line: r + 1, column: i + 1 }, value: cellYValue(row[i] ?? null, { file, line: r + 1, column: i + 1 }) }] : [],
    );
    items.push({ kind: 'map', entries, span: { file, line: r + 1, column: 1 } });
  }
  const split = splitLedger(items, sections)!;
  diagnostics.push(...split.diagnostics);
  const plain = (v: YValue): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    if (v.kind !== 'map') return out;
    for (const e of v.entries) {
      if (e.value.kind === 'scalar' && e.value.value !== null) out[e.key] = e.value.value;
      else if (e.value.kind === 'seq') {
        const ids = e.value.items.map((i) => (i.kind === 'scalar' ? i.value : null));
        out[e.key] = ids.length === 1 ? ids[0] : ids;
      }
    }
    return out;
  };
  const problems = split.problems.map(plain);
  const measures = split.measures.map(plain);
  return { section, records: measures, diagnostics, ledger: { problems, measures } };
}

/**
 * The header as one row when the row under it names columns of a group above (整改责任 over
 * 责任领导 | 责任部门, merged across): each lower cell that names a field takes its column; the
 * other columns keep the upper cell (a cell merged down both rows repeats there). Undefined when
 * the lower row is data or a single-row header's first data row.
 */
function twoRowHeader(upper: Cell[], lowerRow: Cell[] | undefined, sections: readonly SectionSpec[]): Cell[] | undefined {
  if (!lowerRow) return undefined;
  const fields = importable(sections).flatMap((s) => fieldsOf(s));
  const names = (c: Cell) => !!text(c) && !!fieldFor(fields, text(c).replace(/\s+/g, ''));
  let under = 0;
  for (let i = 0; i < lowerRow.length; i++) {
    const t = text(lowerRow[i] ?? null);
    if (!t) continue;
    if (t === text(upper[i] ?? null)) continue;
    if (!names(lowerRow[i]!)) return undefined;
    if (!names(upper[i] ?? null) || text(upper[i] ?? null) === '') under++;
    else return undefined;
  }
  if (!under) return undefined;
  return Array.from({ length: Math.max(upper.length, lowerRow.length) }, (_v, i) => {
    const low = lowerRow[i] ?? null;
    return text(low) && names(low) ? low : (upper[i] ?? null);
  });
}
