// A unit's files in memory: each document in every format asked for (the writer table), the ledger
// workbook, and the filing packet from its plan.
import { warning, type Diagnostic } from '../diag/diagnostic.js';
import type { UnitData } from '../data/types.js';
import type { FileMeta } from '../doc/file-meta.js';
import { lineText } from '../doc/tree.js';
import type { FontBook } from '../fonts/font-book.js';
import { PACKET, notPdfa, packetParts, type PacketPlan } from '../packet/packet-plan.js';
import type { LoadedAttachment } from '../packet/attachments.js';
import { packetSourceFiles, type MadeFile } from '../packet/source-files.js';
import type { FontRole } from '../style/gbt9704.js';
import { documentWriters, WRITERS, type Format } from '../backends/writers.js';
import type { World } from '../world/world.js';
import { NameRegistry, safeFileName } from './file-names.js';
import type { Built } from './unit-builds.js';
import { sha256, type Output } from './unit-folder.js';

/** The ledger workbook's file name (GB/T 9704 has no say; offices call it so). */
export const LEDGER_XLSX = '问题清单和整改台账';

export interface OutputContext {
  world: World;
  data: UnitData;
  formats: readonly Format[];
  date: Date;
  pdfa: boolean;
  wanted: (id: string) => boolean;
  /** The ledger is asked for (no --only, or --only problem-list). */
  ledger: boolean;
  fonts: () => FontBook;
  names: NameRegistry;
  diagnostics: Diagnostic[];
}

export function fileMeta(b: Built, data: UnitData, date: Date): FileMeta {
  const m = b.doc.meta;
  return { title: lineText(m.title).replace(/\n/g, '') || b.inst.name, author: m.author ?? data.unit.issuer, subject: m.subject ?? b.inst.name, keywords: [b.inst.id, data.unit.name], date };
}

/**
 * The DOCX names each role's standard face (方正小标宋简体, 仿宋_GB2312 …), the one the office is meant
 * to have — never a substitute this machine happened to find — unless the project chose the face:
 * by name in gongwen.yaml (font_roles) or by putting it in the project's own font folder.
 */
function docxFontNames(book: FontBook): Partial<Record<FontRole, string>> {
  const out: Partial<Record<FontRole, string>> = {};
  for (const [role, src] of Object.entries(book.sources) as [FontRole, FontBook['sources'][FontRole]][]) if (src.family && (src.chosen || src.tier === 'project')) out[role] = src.family;
  return out;
}

/** Each document asked for, in every document format asked for (the table's order), then the ledger. */
export async function documentOutputs(ctx: OutputContext, built: readonly (Built | undefined)[]): Promise<Output[]> {
  const writers = documentWriters(ctx.formats);
  const fontNames = ctx.formats.includes('docx') ? docxFontNames(ctx.fonts()) : {};
  const outputs: Output[] = [];
  for (const b of built) {
    if (!b || !ctx.wanted(b.inst.id)) continue;
    const base = ctx.names.claim(safeFileName(b.inst.name));
    for (const w of writers) {
      if (w.takes === 'layout' && !b.layout) continue;
      const bytes = await w.document!({ doc: b.doc, ...(b.layout ? { layout: b.layout } : {}), meta: fileMeta(b, ctx.data, ctx.date), fontNames, pdfa: ctx.pdfa });
      outputs.push({ file: `${base}.${w.extension}`, bytes, doc: b.inst.id, sources: b.sources, name: b.inst.name, ...(w.takes === 'layout' ? { pages: b.layout!.pages.length } : {}) });
    }
  }
  for (const w of WRITERS) {
    if (!w.ledger || !ctx.formats.includes(w.format) || !ctx.data.problems.length || !ctx.ledger) continue;
    outputs.push({ file: `${ctx.names.claim(LEDGER_XLSX)}.${w.extension}`, bytes: await w.ledger(ctx.data, ctx.date), doc: 'problem-list', sources: ctx.data.sources, name: LEDGER_XLSX });
  }
  return outputs;
}

/** The filing packet in each format that writes one: 备案报告, 备案表, the documents filed, attachments (SPEC §1). */
export async function packetOutputs(ctx: OutputContext, plan: PacketPlan<Built>, form: Built, filed: readonly Built[], made: readonly Output[], attachments: LoadedAttachment[]): Promise<Output[]> {
  const writers = WRITERS.filter((w) => w.packet && ctx.formats.includes(w.format));
  if (!writers.length || !form.layout || !ctx.wanted(PACKET.id)) return [];
  const madeFiles: MadeFile[] = made.map((o) => ({ doc: o.doc, name: o.name, file: o.file, sha256: sha256(o.bytes), bytes: o.bytes.length, ...(o.pages ? { pages: o.pages } : {}) }));
  const files = packetSourceFiles(
    ctx.world,
    ctx.data,
    madeFiles,
    attachments.map((a) => ({ title: a.title, file: a.file, sha256: sha256(a.bytes), pages: a.pdf.getPageCount() })),
  );
  const meta = { title: `${ctx.data.unit.name}${PACKET.name}`, author: ctx.data.unit.issuer, subject: PACKET.name, keywords: [PACKET.id, ctx.data.unit.name], date: ctx.date };
  const sources = [...new Set([form, ...filed].flatMap((b) => b.sources)), ...attachments.map((a) => a.file)];
  const parts = packetParts(plan, form.layout);
  const name = ctx.names.claim(PACKET.name);
  const outputs: Output[] = [];
  for (const w of writers) {
    // The packet is labelled PDF/A only when every part is: an attachment that is not keeps its
    // pages as they are, and the label goes, with a warning naming it and the reason.
    const bad = w.format === 'pdf' && ctx.pdfa ? notPdfa(plan) : [];
    for (const { attachment: a, why } of bad)
      ctx.diagnostics.push(warning('W_PDFA', `附件“${a.title}”不符合 PDF/A（${why}），备案材料.pdf 因此不标为 PDF/A`, a.span, '用扫描软件或 WPS、Acrobat 把附件另存为 PDF/A 后再生成'));
    const bytes = await w.packet!.write({ parts, meta, files, pdfa: ctx.pdfa && !bad.length });
    outputs.push({ file: `${name}.${w.extension}`, bytes, doc: PACKET.id, sources, name: PACKET.name, pages: w.packet!.pages(parts) });
  }
  return outputs;
}
