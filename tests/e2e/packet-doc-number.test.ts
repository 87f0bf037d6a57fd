// One 文号 appears once in a filing packet (issue 30): the 整改方案 filed alone carries its 版头 and
// 文号; filed as the 印发通知's attachment it has none of its own there, the notice carries the 文号.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gongwen } from '../support/cli.js';
import { ROOT } from '../support/examples.js';

function packetText(unitYaml: (text: string) => string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-number-'));
  fs.cpSync(path.join(ROOT, 'data', '某某大学'), path.join(dir, 'u'), { recursive: true });
  const file = path.join(dir, 'u', '单位.yaml');
  fs.writeFileSync(file, unitYaml(fs.readFileSync(file, 'utf8')));
  const r = gongwen(['render', 'u', '--out', 'out', '--format', 'pdf', '--no-system-fonts'], dir);
  expect(r.code, r.stderr).toBe(0);
  return execFileSync('pdftotext', [path.join(dir, 'out', '某某大学', '备案材料.pdf'), '-'], { encoding: 'utf8' }).replace(/[ \u3000]/g, '');
}

const count = (text: string, s: string) => text.split(s).length - 1;

describe('the 文号 in the filing packet', () => {
  it('appears once when the 整改方案 is filed alone, on its 版头', () => {
    const t = packetText((y) => y);
    expect(count(t, '某大委〔2013〕3号')).toBe(1);
    expect(count(t, '中共某某大学委员会文件')).toBe(1);
  });

  it('appears once when the 印发通知 is filed: the 整改方案 bound after it has no 版头 of its own', () => {
    const t = packetText((y) => `${y}以印发通知备案: 是\n`);
    expect(count(t, '某大委〔2013〕3号')).toBe(1);
    expect(count(t, '中共某某大学委员会文件')).toBe(1);
    expect(t).toContain('关于印发');
    // The plan follows as 附件1 under its own title.
    expect(t).toMatch(/附件1\s*中共某某大学委员会领导班子/);
  });
});
