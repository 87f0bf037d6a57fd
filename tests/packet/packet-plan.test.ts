// The packet's plan in process: its order (备案报告, 备案表, the documents filed), each attachment after
// the document it names, the enclosed list the 备案表 prints, the parts handed to the writers, and
// which attachments keep the packet from the PDF/A label.
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { LoadedAttachment } from '../../src/packet/attachments.js';
import { notPdfa, packetParts, planPacket } from '../../src/packet/packet-plan.js';
import { pdfaProblem } from '../../src/packet/attachment-pdfa.js';
import type { PagedLayout } from '../../src/layout/types.js';

const layout = (pages: number): PagedLayout => ({ pages: Array.from({ length: pages }, () => ({ geometry: { width: 595, height: 842, block: { x: 0, y: 0, width: 1, height: 1 }, landscape: false }, items: [] })), outline: [] });
const span = { file: 'u.yaml', line: 3, column: 5 };

async function scan(title: string, pages: number, after?: string): Promise<LoadedAttachment> {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < pages; i++) pdf.addPage();
  const bytes = await pdf.save();
  const loaded = await PDFDocument.load(bytes);
  return { title, file: `scans/${title}.pdf`, span, ...(after ? { after, afterSpan: span } : {}), bytes, pdf: loaded, notPdfa: pdfaProblem(loaded) };
}

describe('packet plan', () => {
  const docs = [
    { id: 'issue-notice', name: '整改方案印发通知', layout: layout(9) },
    { id: 'filing-report', name: '备案报告', layout: layout(2) },
    { id: 'regulation-plan', name: '制度建设计划', layout: layout(3) },
  ];
  const form = { id: 'filing-form', name: '备案表' };

  it('puts the 备案报告 first, then the 备案表, then the documents filed, with their pages', async () => {
    const plan = planPacket(docs, form, []);
    expect(plan.order.map((m) => m.doc?.name)).toEqual(['备案报告', '备案表', '整改方案印发通知', '制度建设计划']);
    // What the 备案表 lists: everything filed but itself, numbered, with its pages.
    expect(plan.enclosed).toEqual([
      { index: 1, name: '备案报告', pages: 2 },
      { index: 2, name: '整改方案印发通知', pages: 9 },
      { index: 3, name: '制度建设计划', pages: 3 },
    ]);
    expect(plan.diagnostics).toEqual([]);
  });

  it('places each attachment after the document it names (by name, id or 整改方案 for the 印发通知), an unknown name at the end with a warning', async () => {
    const stamped = await scan('备案表盖章件', 1, '备案表');
    const approval = await scan('批复', 2, '整改方案');
    const stray = await scan('其他', 1, '不存在的文档');
    const plan = planPacket(docs, form, [stamped, approval, stray]);
    expect(plan.order.map((m) => m.doc?.name ?? m.attachment!.title)).toEqual(['备案报告', '备案表', '备案表盖章件', '整改方案印发通知', '批复', '制度建设计划', '其他']);
    expect(plan.enclosed.map((e) => [e.name, e.pages])).toContainEqual(['批复', 2]);
    expect(plan.diagnostics.map((d) => [d.code, d.span])).toEqual([['W_ATTACHMENT_PLACE', span]]);
    // The parts: the 备案表's pages from its own layout, scans as they are.
    const parts = packetParts(plan, layout(1));
    expect(parts.map((p) => ('layout' in p ? `${p.name}:${p.layout.pages.length}` : `${p.name}:scan ${p.scan.fileName}`))).toEqual([
      '备案报告:2',
      '备案表:1',
      '备案表盖章件:scan 备案表盖章件.pdf',
      '整改方案印发通知:9',
      '批复:scan 批复.pdf',
      '制度建设计划:3',
      '其他:scan 其他.pdf',
    ]);
  });

  it('names the attachments whose pages would not be PDF/A (a font not embedded), and only those', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage().drawText('scan', { font: await pdf.embedFont(StandardFonts.Helvetica) });
    const bytes = await pdf.save();
    const loaded = await PDFDocument.load(bytes);
    const unembedded: LoadedAttachment = { title: '扫描件', file: 'scans/扫描件.pdf', span, bytes, pdf: loaded, notPdfa: pdfaProblem(loaded) };
    const bad = notPdfa(planPacket(docs, form, [unembedded, await scan('存档件', 1)]));
    expect(bad.map((b) => [b.attachment.title, b.why])).toEqual([['扫描件', '字体 Helvetica 没有嵌入']]);
  });
});
