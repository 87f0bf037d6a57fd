// The DOCX names the faces the office is meant to have (issue 29): rendered on a machine with
// Debian's CJK fonts (fonts-noto-cjk, fonts-arphic-*, as CI installs them), which the PDF uses,
// every font the DOCX names is a GB/T 9704 role name, and fontTable.xml lists each with what Word
// and WPS need to substitute within the style.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { gongwen } from '../support/cli.js';
import { fonts } from '../support/poppler.js';

const ROLE_NAMES = ['方正小标宋简体', '仿宋_GB2312', '黑体', '楷体_GB2312', '宋体'];

describe('DOCX fonts as the office has them', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-docx-fonts-'));
  const docx: string[] = [];
  let stderr = '';

  beforeAll(() => {
    const r = gongwen(['render', 'data', 'kinds/examples', '--out', path.join(dir, 'out'), '--format', 'docx,pdf']);
    expect(r.code, r.stderr).toBe(0);
    stderr = r.stderr;
    for (const u of fs.readdirSync(path.join(dir, 'out'))) {
      const d = path.join(dir, 'out', u);
      if (fs.statSync(d).isDirectory()) for (const f of fs.readdirSync(d)) if (f.endsWith('.docx')) docx.push(path.join(d, f));
    }
  }, 300_000);

  it('the PDF uses the machine’s CJK fonts (the case the DOCX must not copy)', () => {
    const pdf = docx[0]!.replace(/\.docx$/, '.pdf');
    expect(fonts(pdf).some((f) => /Noto|AR PL|UMing|Kaiti|Sungti|Hana/i.test(f.name)), JSON.stringify(fonts(pdf))).toBe(true);
  });

  it('names only the role names in styles.xml, document.xml and the footers, and lists them in fontTable.xml', () => {
    expect(docx.length).toBeGreaterThan(40);
    for (const f of docx) {
      const parts = unzipSync(fs.readFileSync(f));
      const named = new Set<string>();
      for (const [name, bytes] of Object.entries(parts)) {
        if (!/^word\/(styles|document|footer\d+)\.xml$/.test(name)) continue;
        for (const el of strFromU8(bytes).match(/<w:rFonts [^>]*>/g) ?? []) for (const m of el.matchAll(/w:(?:ascii|hAnsi|eastAsia|cs)="([^"]+)"/g)) named.add(m[1]!);
      }
      expect([...named].filter((n) => !ROLE_NAMES.includes(n)), f).toEqual([]);
      const table = strFromU8(parts['word/fontTable.xml']!);
      for (const n of named) {
        expect(table, `${f}: ${n}`).toContain(`<w:font w:name="${n}">`);
        expect(table).toMatch(new RegExp(`<w:font w:name="${n}"><w:altName w:val="[^"]+"/><w:panose1 w:val="[0-9A-F]{20}"/><w:charset w:val="86"/>`));
      }
    }
  });

  it('warns when a role is served by a face of another style', () => {
    // Debian has no 仿宋: the body's face is a 宋体 (Noto Serif CJK or the open default).
    expect(stderr).toMatch(/正文和三级标题应为仿宋，现用的是宋体风格/);
  });
});
