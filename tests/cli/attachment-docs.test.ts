// A template's front matter names unit documents as its attachments (附件: - 文档: …): a user's own
// template binds them as the built-in 印发通知 does, and a wrong name is a diagnostic at the
// template's line, with nothing written for the unit.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gongwen } from '../support/cli.js';
import { ROOT } from '../support/examples.js';

function project(template: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-annex-'));
  fs.mkdirSync(path.join(dir, 'data'));
  fs.mkdirSync(path.join(dir, 'templates'));
  fs.copyFileSync(path.join(ROOT, 'tests/fixtures/good/minimal.yaml'), path.join(dir, 'data', 'u.yaml'));
  fs.writeFileSync(path.join(dir, 'templates', 'public-notice.md.hbs'), template);
  return dir;
}

const head = (attachments: string) => `---\ntitle: "{{unit.issuer}}关于报送整改材料的函"\nrecipients: "{{unit.filing_to}}"\n${attachments}signature: "{{unit.issuer}}"\ndate: "{{date}}"\n---\n\n现将有关材料报送你们。\n`;

describe('attachments that are documents of the unit', () => {
  it('binds a named document after the text, its title in the 附件说明 or the one the template gives', () => {
    const dir = project(head('附件:\n  - 文档: 问题清单\n    标题: 问题清单和整改台账\n  - 会议记录（另附）\n'));
    fs.appendFileSync(path.join(dir, 'data', 'u.yaml'), '    public: true\n');
    const r = gongwen(['render', 'data', '--out', 'out', '--only', 'public-notice', '--format', 'pdf', '--no-system-fonts'], dir);
    expect(r.code, r.stderr).toBe(0);
    const pdf = path.join(dir, 'out', '测试单位', '整改公示.pdf');
    const page = (p: number) => execFileSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-'], { encoding: 'utf8' }).replace(/\s/g, '');
    expect(page(1)).toContain('附件：1.问题清单和整改台账2.会议记录（另附）');
    // 附件1 on page 2, landscape, titled as the 问题清单 itself is; the name only in the 附件说明 is not bound.
    // (The turned page number may come first in the text.)
    expect(page(2).replace(/^—2—/, "")).toMatch(/^附件1测试单位领导班子问题清单和整改台账/);
    expect(execFileSync('pdfinfo', ['-f', '2', '-l', '2', pdf], { encoding: 'utf8' })).toMatch(/Page\s+2 size:\s+841\.\d+ x 595/);
    expect(page(2)).not.toContain('附件2');
  });

  it('writes an attachment bound separately as a file of its own, headed by the 发文字号 and “附件N” (§7.3.7)', () => {
    const dir = project(head('发文字号: "测委函〔2014〕3号"\n附件:\n  - 文档: 问题清单\n    单独装订: 是\n'));
    fs.appendFileSync(path.join(dir, 'data', 'u.yaml'), '    public: true\n');
    const r = gongwen(['render', 'data', '--out', 'out', '--only', 'public-notice', '--no-system-fonts'], dir);
    expect(r.code, r.stderr).toBe(0);
    const unit = path.join(dir, 'out', '测试单位');
    const text = (pdf: string, p: number) => execFileSync('pdftotext', ['-f', String(p), '-l', String(p), path.join(unit, pdf), '-'], { encoding: 'utf8' }).replace(/\s/g, '');
    // The 附件说明 names it; nothing is bound after the text.
    expect(text('整改公示.pdf', 1)).toContain('附件：测试单位领导班子问题清单和整改台账');
    expect(execFileSync('pdfinfo', [path.join(unit, '整改公示.pdf')], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
    // Its own file (PDF and DOCX), page 1 headed 测委函〔2014〕3号附件, its title on line 3, numbered from 1.
    expect(fs.readdirSync(unit).sort()).toEqual(expect.arrayContaining(['整改公示附件（问题清单）.pdf', '整改公示附件（问题清单）.docx']));
    expect(text('整改公示附件（问题清单）.pdf', 1).replace(/^—1—/, '')).toMatch(/^测委函〔2014〕3号附件测试单位领导班子问题清单和整改台账/);
    expect(text('整改公示附件（问题清单）.pdf', 1)).toContain('—1—');
  });

  for (const [what, attachments, message] of [
    ['a document that does not exist', '附件:\n  - 文档: 不存在的文档\n', '附件文档“不存在的文档”不是可作附件的文档'],
    ['a document the unit has no data for', '附件:\n  - document: campaign-plan\n', '附件“专项整治方案”无法生成：没有专项整治（campaigns）'],
    ['an item without a document', '附件:\n  - 标题: 只有标题\n', '附件应为名称，或 { document: 文档, title: 标题 }'],
    ['more attachment documents than a 公文 carries', '附件:\n' + '  - 文档: 问题清单\n'.repeat(51), '附件文档过多（51 份，最多 50 份）'],
  ] as const) {
    it(`reports ${what} at the template's line and writes nothing for the unit`, () => {
      const dir = project(head(attachments));
      fs.appendFileSync(path.join(dir, 'data', 'u.yaml'), '    public: true\n');
      const r = gongwen(['render', 'data', '--out', 'out', '--only', 'public-notice', '--format', 'pdf', '--no-system-fonts'], dir);
      expect(r.code).toBe(1);
      expect(r.stdout + r.stderr).toContain(message);
      expect(r.stdout + r.stderr).toMatch(/public-notice\.md\.hbs:4:1/);
      expect(fs.existsSync(path.join(dir, 'out', '测试单位', '整改公示.pdf'))).toBe(false);
    });
  }
});
