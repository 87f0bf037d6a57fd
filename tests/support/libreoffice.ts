// LibreOffice for tests: converts our .docx to PDF with the same open fonts the PDF engine uses,
// mapped onto the GB font names the DOCX carries, through a private fontconfig file.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { woffToSfnt } from '../../src/fonts/woff-to-sfnt.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** GB font name → the open family that stands in for it. */
const ALIASES: Record<string, string> = {
  方正小标宋简体: 'Noto Serif SC Black',
  仿宋_GB2312: 'Noto Serif SC',
  仿宋: 'Noto Serif SC',
  宋体: 'Noto Serif SC',
  黑体: 'Noto Sans SC',
  楷体_GB2312: 'LXGW WenKai',
  楷体: 'LXGW WenKai',
};

/** `swap`: other stand-ins for some GB names (a font set whose pagination differs from ours). */
export function writeFontsConf(dir: string, swap: Record<string, string> = {}): string {
  const fontDirs = [
    'node_modules/@expo-google-fonts/noto-serif-sc/400Regular',
    'node_modules/@expo-google-fonts/noto-serif-sc/900Black',
    'node_modules/@expo-google-fonts/noto-sans-sc/400Regular',
  ].map((d) => path.join(ROOT, d));
  // LXGW WenKai ships as WOFF on npm; fontconfig gets the same font as a TTF.
  const woff = fs.readFileSync(path.join(ROOT, 'node_modules/@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-500-normal.woff'));
  fs.mkdirSync(path.join(dir, 'fonts'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'fonts', 'LXGWWenKai.ttf'), woffToSfnt(woff));
  fontDirs.push(path.join(dir, 'fonts'));
  const aliases = Object.entries({ ...ALIASES, ...swap })
    .map(([from, to]) => `  <match target="pattern"><test name="family"><string>${from}</string></test><edit name="family" mode="assign" binding="same"><string>${to}</string></edit></match>`)
    .join('\n');
  const conf = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
${fontDirs.map((d) => `  <dir>${d}</dir>`).join('\n')}
  <cachedir>${path.join(dir, 'fc-cache')}</cachedir>
${aliases}
</fontconfig>
`;
  const file = path.join(dir, 'fonts.conf');
  fs.writeFileSync(file, conf);
  return file;
}

const KEEP_BLANK_PAGES = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}';

/** Converts .docx (or .xlsx) files to PDFs in `outDir` with one soffice call; returns the PDF paths. */
export function convertToPdf(docxFiles: string[], outDir: string, swap: Record<string, string> = {}): string[] {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-lo-'));
  const fontsConf = writeFontsConf(work, swap);
  fs.mkdirSync(outDir, { recursive: true });
  execFileSync(
    'soffice',
    // The pages Writer inserts itself (before a section that starts on an even page) are kept, as
    // a duplex print has them; LibreOffice's PDF export leaves them out unless told.
    [`-env:UserInstallation=file://${path.join(work, 'profile')}`, '--headless', '--norestore', '--convert-to', docxFiles.every((f) => f.endsWith('.docx')) ? KEEP_BLANK_PAGES : 'pdf', '--outdir', outDir, ...docxFiles],
    { env: { ...process.env, FONTCONFIG_FILE: fontsConf, HOME: work }, stdio: 'pipe', timeout: 240_000 },
  );
  fs.rmSync(work, { recursive: true, force: true });
  return docxFiles.map((f) => path.join(outDir, path.basename(f).replace(/\.(docx|xlsx)$/, '.pdf')));
}
