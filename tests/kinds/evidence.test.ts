// 销号 with evidence: a done measure with no 佐证材料 is a warning (in kinds that close measures with
// evidence); a file it names that is missing, truncated or encrypted is an error at its line.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkInputs } from '../../src/api/check.js';
import { nodeWorld } from '../../src/world/node-world.js';
import { ROOT, unitDocuments } from '../support/examples.js';
import { parseDate } from '../../src/data/dates.js';
import { documentTexts } from '../../src/doc/tree.js';
import { untag } from '../../src/template/markers.js';

const EXAMPLE = fs.readFileSync(path.join(ROOT, 'kinds/examples/巡察整改.yaml'), 'utf8');
const PDF = '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

function check(evidence: string | null, files: Record<string, string> = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-evidence-'));
  for (const [f, t] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), t);
  }
  // The first done measure (line of its 佐证材料) gets the evidence under test.
  const text = EXAMPLE.replace('    佐证材料: 整改工作台账、会议纪要\n', evidence === null ? '' : `    佐证材料: ${evidence}\n`);
  fs.writeFileSync(path.join(dir, 'u.yaml'), text);
  const line = text.split('\n').findIndex((l) => l.startsWith('    佐证材料: ') && evidence !== null && l.includes(evidence)) + 1;
  const measureLine = text.split('\n').findIndex((l) => l.includes('整改措施: 全面梳理“一网通办”事项清单')) ;
  const diags = checkInputs(nodeWorld(dir), ['u.yaml'], undefined, { kind: 'date', year: 2025, month: 7, day: 1 }).units[0]!.diagnostics;
  return { diags: diags.map((d) => `${d.code}@${d.span?.line} ${d.message}`), line, measureLine };
}

describe('销号 with evidence', () => {
  it('descriptions and files that are there pass', () => {
    expect(check('竣工验收报告、佐证/验收报告.pdf、现场照片/*.jpg', { '佐证/验收报告.pdf': PDF, '现场照片/1.jpg': 'x', '现场照片/2.jpg': 'y' }).diags).toEqual([]);
  });

  it('a done measure without evidence is W_NO_EVIDENCE at the measure', () => {
    const r = check(null);
    expect(r.diags).toEqual([`W_NO_EVIDENCE@${r.measureLine} 整改措施已完成，但没有写佐证材料（无法销号）：全面梳理“一网通办”事项清单，逐项压缩办理时限，取消重复提交的申请材料`]);
  });

  it('a missing file, a truncated PDF and an encrypted PDF are E_EVIDENCE at the line, named', () => {
    let r = check('佐证/没有的文件.pdf');
    expect(r.diags).toEqual([`E_EVIDENCE@${r.line} 找不到佐证材料文件“佐证/没有的文件.pdf”`]);
    r = check('佐证/截断.pdf', { '佐证/截断.pdf': PDF.slice(0, 60) });
    expect(r.diags).toEqual([`E_EVIDENCE@${r.line} 佐证材料“截断.pdf”文件不完整（缺少结尾，可能是复制或下载中断）`]);
    r = check('佐证/加密.pdf', { '佐证/加密.pdf': PDF.replace('trailer << /Root 1 0 R >>', 'trailer << /Root 1 0 R /Encrypt 3 0 R >>') });
    expect(r.diags).toEqual([`E_EVIDENCE@${r.line} 佐证材料“加密.pdf”文件已加密`]);
    r = check('照片/*.jpg');
    expect(r.diags).toEqual([`E_EVIDENCE@${r.line} 佐证材料“照片/*.jpg”没有匹配到任何文件`]);
  });
});

describe('销号申请表 and 督办通知', () => {
  const docs = (asOf?: string) => {
    const [u] = unitDocuments(ROOT, ['kinds/examples/巡察整改.yaml'], asOf ? { asOf: parseDate(asOf)! } : {}).units;
    return new Map(u!.docs.map((d) => [d.name, untag(documentTexts(d.doc).join('\n'))]));
  };

  it('one 销号申请表 for each problem whose measures are all done, with their evidence and the fields to sign', () => {
    const d = docs();
    expect([...d.keys()].filter((n) => n.startsWith('整改销号申请表'))).toEqual(['整改销号申请表（问题5）']);
    const form = d.get('整改销号申请表（问题5）')!;
    expect(form).toContain('基层党支部组织生活不够规范');
    expect(form).toContain('工作记录、照片资料');
    expect(form).toContain('负责人（签字）：');
  });

  it('a 督办通知 for each department with measures overdue or due within 15 days, as of the day asked', () => {
    expect([...docs().keys()].filter((n) => n.startsWith('督办通知'))).toEqual([]);
    const soon = docs('2025-09-20');
    expect([...soon.keys()].filter((n) => n.startsWith('督办通知'))).toEqual(['督办通知（行政审批科）', '督办通知（办公室）']);
    expect(soon.get('督办通知（办公室）')).toContain('还剩10天');
    expect(soon.get('督办通知（办公室）')).toContain('请于2025年9月27日前');
    const late = docs('2025-10-05');
    expect(late.get('督办通知（行政审批科）')).toContain('已超期5天');
    // 食品经营监管科's measure is due 10月31日: not yet within 15 days on 10月5日.
    expect([...late.keys()]).not.toContain('督办通知（食品经营监管科）');
  });
});
