// The filing packet's plan (SPEC §1): its order — the 备案报告 when there is one, then the 备案表
// (a stamped scan may follow it), then the documents filed, each attachment after the document it
// names — the enclosed list the 备案表 prints, and the parts the PDF and OFD writers receive.
import * as path from 'node:path';
import type { PagedLayout } from '../layout/types.js';
import type { Diagnostic } from '../diag/diagnostic.js';
import { placeAttachments, type LoadedAttachment, type Member } from './attachments.js';
import type { PacketPart } from './packet-part.js';

/** The name of the packet file and its document id in the manifest. */
export const PACKET = { id: 'filing-packet', name: '备案材料' };

/** A document made for the packet: its id and name, and its pages once laid out. */
export interface PacketDoc {
  id: string;
  name: string;
  layout?: PagedLayout;
}

interface Anchor<D extends PacketDoc> {
  name: string;
  id: string;
  built: D | undefined;
  aka?: string[];
}

export interface PacketPlan<D extends PacketDoc> {
  order: Member<Anchor<D>, LoadedAttachment>[];
  /** What the 备案表 lists: each member with its page count (null: not laid out). */
  enclosed: { index: number; name: string; pages: number | null }[];
  diagnostics: Diagnostic[];
}

/** `form`: the 备案表's id and name (it is made last, from the enclosed list). */
export function planPacket<D extends PacketDoc>(docs: readonly D[], form: { id: string; name: string } | undefined, attachments: LoadedAttachment[]): PacketPlan<D> {
  // The 印发通知 stands for the 整改方案 it carries.
  const member = (b: D): Anchor<D> => ({ name: b.name, id: b.id, built: b, ...(b.id === 'issue-notice' ? { aka: ['rectification-plan', '整改方案'] } : {}) });
  const leading = docs.filter((b) => b.id === 'filing-report');
  const anchors = [...leading.map(member), ...(form ? [{ name: form.name, id: form.id, built: undefined }] : []), ...docs.filter((b) => !leading.includes(b)).map(member)];
  const placed = placeAttachments(anchors, attachments);
  const enclosed = placed.order
    .filter((m) => m.attachment || m.doc!.built)
    .map((m, i) => ({ index: i + 1, name: m.doc ? m.doc.name : m.attachment!.title, pages: m.doc ? (m.doc.built!.layout?.pages.length ?? null) : m.attachment!.pdf.getPageCount() }));
  return { order: placed.order, enclosed, diagnostics: placed.diagnostics };
}

/** The parts in order, the 备案表's pages from `formLayout`. */
export function packetParts<D extends PacketDoc>(plan: PacketPlan<D>, formLayout: PagedLayout): PacketPart[] {
  return plan.order.map((m): PacketPart => {
    if (m.doc) return { name: m.doc.name, layout: (m.doc.built?.layout ?? formLayout)! };
    const a = m.attachment!;
    return { name: a.title, scan: { pdf: a.pdf, bytes: a.bytes, fileName: path.basename(a.file) } };
  });
}

/** The attachments that keep the packet from being labelled PDF/A, with the reason for each. */
export function notPdfa<D extends PacketDoc>(plan: PacketPlan<D>): { attachment: LoadedAttachment; why: string }[] {
  return plan.order.flatMap((m) => {
    const why = m.attachment?.notPdfa;
    return m.attachment && why ? [{ attachment: m.attachment, why }] : [];
  });
}
