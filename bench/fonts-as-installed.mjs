// The fonts users really have (issue 33): subsetting a face of Debian's Noto CJK collections (CFF,
// .ttc) beside a TrueType face of the same script, per glyph; and a whole unit rendered with the
// system's fonts present and absent (fresh processes, medians of three). Called by peers.mjs.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const CFF_TTC = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** `dist`: imports a compiled module; `book`: the bundled fonts; `root`, `tmp`: folders. */
export async function fontsSection({ dist, book, root, tmp }) {
  const out = ['## Fonts as installed: Noto CJK collections (CFF) beside TrueType', ''];
  if (!fs.existsSync(CFF_TTC)) return [...out, `${CFF_TTC} is not installed (fonts-noto-cjk): skipped.`, ''];
  const fontkit = await import('fontkit');
  const { Face } = await dist('fonts/face.js');
  const { cffSubset } = await dist('fonts/cff-subset.js');
  const { glyfSource, subsetGlyf } = await dist('fonts/truetype-subset.js');
  const bytes = new Uint8Array(fs.readFileSync(CFF_TTC));
  const coll = fontkit.create(Buffer.from(bytes));
  const font = coll.fonts ? coll.fonts.find((f) => /CJKsc/.test(f.postscriptName)) ?? coll.fonts[0] : coll;
  const cff = new Face(CFF_TTC, { file: CFF_TTC, label: 'Noto Serif CJK', licence: '' }, bytes, font);
  const ttf = book.faces.find((f) => glyfSource(f) && /Serif.*Regular/.test(f.postscriptName)) ?? book.faces.find((f) => glyfSource(f));
  const text = [...'为深入贯彻落实中央八项规定精神切实解决四风方面的突出问题确保教育实践活动整改落实建章立制环节取得实效根据中央和市委的部署要求结合专题民主生活会查摆出来的问题和征求到的意见建议制定本方案坚持以群众满意度为标准把整改落实作为教育实践活动取得实效的关键紧紧围绕为民务实清廉聚焦突出问题坚持边学边查边改以钉钉子精神抓好整改落实'];
  const gidsOf = (face) => [...new Set(text.map((c) => face.glyphId(c.codePointAt(0))))];
  const time = (fn) => {
    for (let i = 0; i < 5; i++) fn();
    const ts = [];
    let size = 0;
    for (let i = 0; i < 15; i++) {
      const t = performance.now();
      size = fn();
      ts.push(performance.now() - t);
    }
    return { ms: median(ts), size };
  };
  const cg = gidsOf(cff);
  const tg = gidsOf(ttf);
  const c = time(() => cffSubset(cff, cg).bytes.length);
  const src = glyfSource(ttf);
  const t = time(() => subsetGlyf(src, tg).bytes.length);
  out.push(`${cg.length} glyphs of body text, subset warm (medians of 15):`, '');
  out.push('| face | outlines | ms | µs / glyph | bytes / glyph |', '|---|---|---|---|---|');
  out.push(`| ${cff.postscriptName} (${path.basename(CFF_TTC)}, ${(bytes.length / 2 ** 20).toFixed(0)} MB) | CFF, subroutines inlined | ${c.ms.toFixed(2)} | ${((c.ms * 1000) / cg.length).toFixed(0)} | ${(c.size / cg.length).toFixed(0)} |`);
  out.push(`| ${ttf.postscriptName} (bundled) | TrueType, glyph bytes copied | ${t.ms.toFixed(2)} | ${((t.ms * 1000) / tg.length).toFixed(0)} | ${(t.size / tg.length).toFixed(0)} |`);
  out.push('');
  // A whole unit, fresh processes: the system's fonts (Noto CJK CFF for the title and headings) and none.
  const rows = [];
  for (const system of [true, false]) {
    const runs = [];
    for (let i = 0; i < 3; i++) {
      const dir = path.join(tmp, `fonts-${system}-${i}`);
      const args = [path.join(root, 'bin/gongwen.js'), 'render', path.join(root, 'data/市某某委员会.yaml'), '--out', dir, '--format', 'pdf', ...(system ? [] : ['--no-system-fonts'])];
      const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, ...args], { encoding: 'utf8' });
      const [s, kb] = r.stderr.trim().split('\n').at(-1).split(' ').map(Number);
      const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
      const pdfBytes = walk(dir).filter((f) => f.endsWith('.pdf')).reduce((n, f) => n + fs.statSync(f).size, 0);
      runs.push({ s, mb: kb / 1024, pdfMB: pdfBytes / 2 ** 20 });
      fs.rmSync(dir, { recursive: true, force: true });
    }
    rows.push({ system, s: median(runs.map((r) => r.s)), mb: median(runs.map((r) => r.mb)), pdfMB: runs[0].pdfMB });
  }
  out.push('The example unit (14 documents and the packet) to PDF, fresh process, medians of 3:', '');
  out.push('| fonts | wall s | peak RSS MB | PDFs MB |', '|---|---|---|---|');
  for (const r of rows) out.push(`| ${r.system ? 'system (fonts-noto-cjk, Arphic) present' : '--no-system-fonts (bundled)'} | ${r.s.toFixed(2)} | ${r.mb.toFixed(0)} | ${r.pdfMB.toFixed(2)} |`);
  out.push('', `With the system's fonts: ${(rows[0].s / rows[1].s).toFixed(2)}× the time, ${(rows[0].mb / rows[1].mb).toFixed(2)}× the memory, ${(rows[0].pdfMB / rows[1].pdfMB).toFixed(2)}× the bytes of the bundled fonts' render.`, '');
  return out;
}
