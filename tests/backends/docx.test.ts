import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeDocx } from '../../src/backends/docx/write-docx.js';
import type { DocTree } from '../../src/doc/tree.js';
import { exampleDocs } from '../support/examples.js';

const DATE = new Date(Date.UTC(2013, 11, 10));
const { docs } = exampleDocs();
const plan = docs.find((d) => d.doc.id === 'rectification-plan')!.doc;
const list = docs.find((d) => d.doc.id === 'problem-list')!.doc;

async function xml(doc: DocTree, part = 'word/document.xml'): Promise<string> {
  return strFromU8(unzipSync(await writeDocx(doc, { date: DATE }))[part]!);
}

describe('writeDocx', () => {
  it('is byte-identical for identical input', async () => {
    const a = await writeDocx(plan, { date: DATE });
    await new Promise((r) => setTimeout(r, 1100));
    const b = await writeDocx(plan, { date: DATE });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const core = strFromU8(unzipSync(a)['docProps/core.xml']!);
    expect(core).toContain('2013-12-10T00:00:00Z');
  });

  it('lays out A4 with the 37/35/28/26 mm margins and no character grid', async () => {
    const x = await xml(plan);
    expect(x).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(x).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(x).not.toContain('linesAndChars');
    // 28.95 pt exact lines, runs squeezed 0.25 pt so 28 characters fit (DESIGN §3).
    expect(x).toContain('w:line="579" w:lineRule="exact"');
    expect(x).toContain('<w:spacing w:val="-5"/>');
    expect(x).toContain('w:firstLine="630" w:firstLineChars="200"');
  });

  it('names the GB fonts by role in every slot (a character style per role), with East-Asian hints on CJK runs', async () => {
    const x = await xml(plan);
    const styles = await xml(plan, 'word/styles.xml');
    for (const [id, f] of [['GwTitle', '方正小标宋简体'], ['GwBody', '仿宋_GB2312'], ['GwHeading1', '黑体'], ['GwHeading2', '楷体_GB2312']]) {
      expect(styles).toMatch(new RegExp(`<w:style w:type="character" w:styleId="${id}">.*?<w:rFonts w:ascii="${f}" w:cs="${f}" w:eastAsia="${f}" w:hAnsi="${f}"/>`));
      expect(x).toContain(`<w:rStyle w:val="${id}"/><w:rFonts w:hint="eastAsia"/>`);
    }
    // Every run names its role.
    expect([...x.matchAll(/<w:r><w:rPr>(?!<w:rStyle)/g)]).toHaveLength(0);
    // No hidden character anywhere: the text is found and pasted as typed.
    expect(x).not.toMatch(/[\u2060\u200b\ufeff\u00ad]/);
    expect([...x.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).toContain('2013年12月12日');
    // The red 发文机关标志 and the red rule under the 发文字号.
    expect(x).toContain('<w:color w:val="FF0000"/>');
    expect(x).toMatch(/<w:bottom w:val="single" w:color="FF0000"/);
  });

  it('numbers pages — N — outside: odd right, even left, in 宋体 4号', async () => {
    const settings = await xml(plan, 'word/settings.xml');
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    const files = unzipSync(await writeDocx(plan, { date: DATE }));
    const footers = Object.keys(files).filter((k) => /word\/footer\d+\.xml/.test(k)).map((k) => strFromU8(files[k]!));
    expect(footers.some((f) => f.includes('<w:jc w:val="right"/>') && f.includes('PAGE'))).toBe(true);
    expect(footers.some((f) => f.includes('<w:jc w:val="left"/>') && f.includes('PAGE'))).toBe(true);
    const numbered = footers.filter((f) => f.includes('PAGE'));
    // Portrait and landscape (turned), odd and even.
    expect(numbered).toHaveLength(4);
    expect(numbered.every((f) => f.includes('宋体') && f.includes('— '))).toBe(true);
    // The others are the empty ones of the blank page before a 版记 and the 版记 page (§7.5).
    expect(footers.filter((f) => !f.includes('PAGE')).every((f) => !f.includes('<w:t'))).toBe(true);
  });

  it('puts the 问题清单 on landscape pages with a repeated header row', async () => {
    const x = await xml(list);
    expect(x).toContain('w:orient="landscape"');
    expect(x).toContain('<w:tblHeader/>');
  });

  it('drops characters XML cannot hold instead of writing a broken file', async () => {
    const doc: DocTree = { ...plan, blocks: [{ type: 'paragraph', indent: 'first-line', inlines: [{ type: 'text', text: 'a\u0001b\u0007c<&>', source: {} }], span: plan.blocks[0]!.span }] };
    const x = await xml(doc);
    expect(x).toContain('abc&lt;&amp;&gt;');
  });

  it('writes a package zip tools accept, [Content_Types].xml first, metadata escaped, tabs as tab elements', async () => {
    const meta = { ...plan.meta, title: [{ type: 'text' as const, text: '关于<A&B>的"方案"', source: {} }], author: '党组 & 办公室' };
    const bytes = await writeDocx({ ...plan, meta }, { date: DATE });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-docx-'));
    const file = path.join(dir, 'a.docx');
    fs.writeFileSync(file, bytes);
    execFileSync('unzip', ['-tq', file]);
    const names = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).trim().split('\n');
    expect(names[0]).toBe('[Content_Types].xml');
    expect(names).toContain('word/document.xml');
    const core = strFromU8(unzipSync(bytes)['docProps/core.xml']!);
    expect(core).toContain('<dc:title>关于&lt;A&amp;B&gt;的&quot;方案&quot;</dc:title>');
    expect(core).toContain('<dc:creator>党组 &amp; 办公室</dc:creator>');
    // The 版记's 印发 date is pushed right by a tab stop: a tab element, not a tab character.
    const x = strFromU8(unzipSync(bytes)['word/document.xml']!);
    expect(x).toMatch(/<w:tab w:val="right" w:pos="\d+"\/>/);
    expect(x).toContain('<w:tab/>');
    expect(x).not.toContain('\t');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

