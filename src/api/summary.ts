// `gongwen summary`: many units → 整改情况汇总表.xlsx and 整改情况汇总报告 (PDF, DOCX, OFD). Units are
// read one at a time and reduced to rows (data/summary-rows.ts); one that fails is reported and the
// others are summed.
import * as path from 'node:path';
import { error, hasErrors, type Diagnostic } from '../diag/diagnostic.js';
import { discoverUnits } from '../data/discover.js';
import { formatDayZh, type DateValue } from '../data/dates.js';
import { totals, unitRows, type LedgerRow, type OverdueRow, type UnitRow } from '../data/summary-rows.js';
import { FontBook, type FontBookOptions } from '../fonts/font-book.js';
import type { KindOptions } from '../kinds/kind-registry.js';
import { layoutDocument } from '../layout/layout-document.js';
import { documentWriters, type Format } from '../backends/writers.js';
import { findTemplate } from '../template/template-store.js';
import { DateView } from '../template/view.js';
import type { World } from '../world/world.js';
import { buildDocument } from './build-document.js';
import { checkUnit } from './check.js';

export interface SummaryOptions {
  inputs: string[];
  out: string;
  asOf: DateValue & { kind: 'date' };
  formats: Format[];
  kinds?: KindOptions;
  templatesDir?: string;
  /** The supervising office, for the report's title and 署名 (gongwen.yaml summary_issuer:). */
  issuer?: string;
  fontOptions?: FontBookOptions;
}

export interface SummaryResult {
  units: UnitRow[];
  failed: { id: string; diagnostics: Diagnostic[] }[];
  overdue: OverdueRow[];
  files: string[];
  diagnostics: Diagnostic[];
}

export const SUMMARY_NAMES = { workbook: '整改情况汇总表', report: '整改情况汇总报告' };

export async function summarize(world: World, opts: SummaryOptions): Promise<SummaryResult> {
  const found = discoverUnits(world, opts.inputs, opts.kinds);
  const diagnostics: Diagnostic[] = [...found.diagnostics];
  const units: UnitRow[] = [];
  const overdue: OverdueRow[] = [];
  const ledger: LedgerRow[] = [];
  const failed: SummaryResult['failed'] = [];
  for (const source of found.units) {
    // Checked as of the day, reduced to rows, then dropped: memory holds rows, not units.
    const c = checkUnit(world, source, new Map(), opts.asOf);
    if (!c.data || hasErrors(c.diagnostics)) {
      failed.push({ id: source.id, diagnostics: c.diagnostics.filter((d) => d.severity === 'error').slice(0, 5) });
      continue;
    }
    const r = unitRows(c.data, opts.asOf);
    units.push(r.row);
    overdue.push(...r.overdue);
    ledger.push(...r.ledger);
  }
  const total = totals(units);
  const asOfText = formatDayZh(opts.asOf);
  const date = new Date(Date.UTC(opts.asOf.year, opts.asOf.month - 1, opts.asOf.day));
  const files: { name: string; bytes: Uint8Array }[] = [];
  if (opts.formats.includes('xlsx')) {
    const { writeSummaryXlsx } = await import('../backends/xlsx/write-summary.js');
    files.push({ name: `${SUMMARY_NAMES.workbook}.xlsx`, bytes: await writeSummaryXlsx(units, total, overdue, ledger, asOfText, date) });
  }
  const paged = opts.formats.filter((f) => f !== 'xlsx');
  if (paged.length) {
    const template = findTemplate(world, 'summary-report', opts.templatesDir);
    if (!template) throw new Error('built-in template summary-report missing');
    const view = {
      as_of: new DateView(opts.asOf),
      issuer: opts.issuer ?? null,
      units,
      total,
      overdue,
      overdue_units: new Set(overdue.map((o) => o.unit)).size,
      failed: failed.map((f) => ({ id: f.id })),
    };
    const b = buildDocument({ id: 'summary-report', template, view, fields: [] });
    diagnostics.push(...b.diagnostics);
    if (b.doc && !hasErrors(b.diagnostics)) {
      const meta = { title: SUMMARY_NAMES.report, author: opts.issuer ?? 'gongwen', subject: SUMMARY_NAMES.report, keywords: ['summary-report'], date };
      const writers = documentWriters(paged);
      const laid = writers.some((w) => w.takes === 'layout') ? layoutDocument(b.doc, FontBook.load(world, opts.fontOptions ?? {})) : undefined;
      diagnostics.push(...(laid?.diagnostics ?? []));
      // The report's DOCX keeps no page of ours: it has no 版记.
      for (const w of writers)
        files.push({ name: `${SUMMARY_NAMES.report}.${w.extension}`, bytes: await w.document!({ doc: b.doc, ...(laid && w.takes === 'layout' ? { layout: laid.layout } : {}), meta }) });
    }
  }
  const written: string[] = [];
  try {
    world.mkdirp(opts.out);
    for (const f of files) {
      const p = path.join(opts.out, f.name);
      world.writeAtomic(p, f.bytes);
      written.push(p);
    }
  } catch (e) {
    diagnostics.push(error('E_WRITE', `无法写入 ${opts.out}：${(e as Error).message}`));
  }
  return { units, failed, overdue, files: written, diagnostics };
}
