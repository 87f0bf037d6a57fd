// word/fontTable.xml: every face the document names, with what Word and WPS need to substitute
// within the style when a face is missing — an alternative name, the PANOSE class, the GB2312
// character set, the family and pitch, the Unicode and code-page ranges (as Windows' own fonts
// declare them). A face the project chose that is not in the table gets the charset and family.
import { FONT_NAMES, type FontRole } from '../../style/gbt9704.js';
import { esc } from '../xml-escape.js';

interface FontFacts {
  alt: string;
  panose: string;
  family: 'auto' | 'modern' | 'roman' | 'swiss';
  pitch: 'fixed' | 'variable';
  sig: [string, string, string, string, string, string];
}

const GB_SIG: FontFacts['sig'] = ['00000001', '080E0000', '00000010', '00000000', '00040000', '00000000'];

/** The GB faces of GB/T 9704 by their standard names. */
const FACTS: Record<string, FontFacts> = {
  方正小标宋简体: { alt: '方正小标宋_GBK', panose: '02000000000000000000', family: 'auto', pitch: 'variable', sig: GB_SIG },
  仿宋_GB2312: { alt: '仿宋', panose: '02010609030101010101', family: 'modern', pitch: 'fixed', sig: GB_SIG },
  楷体_GB2312: { alt: '楷体', panose: '02010609030101010101', family: 'modern', pitch: 'fixed', sig: GB_SIG },
  黑体: { alt: 'SimHei', panose: '02010609060101010101', family: 'modern', pitch: 'fixed', sig: ['800002BF', '38CF7CFA', '00000016', '00000000', '00040001', '00000000'] },
  宋体: { alt: 'SimSun', panose: '02010600030101010101', family: 'auto', pitch: 'variable', sig: ['00000003', '288F0000', '00000016', '00000000', '00040001', '00000000'] },
};

function fontXml(name: string): string {
  const f = FACTS[name];
  if (!f) return `<w:font w:name="${esc(name)}"><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`;
  const [usb0, usb1, usb2, usb3, csb0, csb1] = f.sig;
  return (
    `<w:font w:name="${esc(name)}"><w:altName w:val="${esc(f.alt)}"/><w:panose1 w:val="${f.panose}"/><w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/>` +
    `<w:sig w:usb0="${usb0}" w:usb1="${usb1}" w:usb2="${usb2}" w:usb3="${usb3}" w:csb0="${csb0}" w:csb1="${csb1}"/></w:font>`
  );
}

/** The table for the roles' faces: the standard names, or the project's where it chose its own. */
export function fontTableXml(names: Partial<Record<FontRole, string>>): string {
  const faces = [...new Set((Object.keys(FONT_NAMES) as FontRole[]).map((r) => names[r] || FONT_NAMES[r]))];
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    faces.map(fontXml).join('') +
    '</w:fonts>'
  );
}
