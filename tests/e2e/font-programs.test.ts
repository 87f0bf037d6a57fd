// Every embedded TrueType program is a consistent sfnt for a strict reader: fontTools (Debian's
// python3-fonttools) decodes every glyph, and maxp, hhea and hmtx agree on the glyph count.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gongwen } from '../support/cli.js';
import { fontPrograms } from '../support/pdf-inspect.js';
import { ROOT } from '../support/examples.js';

const CHECK = `
import sys
from fontTools.ttLib import TTFont
for p in sys.argv[1:]:
    f = TTFont(p)
    g = f['glyf']
    for name in f.getGlyphOrder():
        g[name]
    n = f['maxp'].numGlyphs
    assert len(f.getGlyphOrder()) == n, (p, 'order', n)
    assert f['hhea'].numberOfHMetrics <= n, (p, 'hhea', n)
    assert len(f['hmtx'].metrics) == n, (p, 'hmtx', n)
    print(p, n)
`;

describe('embedded font programs', () => {
  it('open in fontTools with maxp, loca, hhea and hmtx in agreement', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-ff-'));
    expect(gongwen(['render', path.join(ROOT, 'data', '市某某委员会.yaml'), '--out', dir, '--format', 'pdf', '--only', 'rectification-plan', '--no-system-fonts']).code).toBe(0);
    const pdf = path.join(dir, '上海市某某委员会', '整改方案.pdf');
    const files = fontPrograms(pdf, 'FontFile2', dir);
    expect(files.length).toBeGreaterThanOrEqual(3);
    // Debian's python3 carries python3-fonttools (a pyenv python on PATH may not).
    const out = execFileSync('/usr/bin/python3', ['-c', CHECK, ...files]).toString();
    expect(out.trim().split('\n')).toHaveLength(files.length);
    // Each program carries only what its glyphs need: at most 1,500 bytes a glyph (issue 30).
    for (const line of out.trim().split('\n')) {
      const [file, glyphs] = line.split(' ');
      expect(fs.statSync(file!).size / Number(glyphs), line).toBeLessThanOrEqual(1500);
    }
  });
});
