// The DOCX's character styles, one per font role (DESIGN §3): defined in styles.xml by
// package-skeleton.ts, referenced by every run (runs.ts).
import type { FontRole } from '../../style/gbt9704.js';

/**
 * The character style of each font role: its four font slots set to the role's font, so a run says
 * `<w:rStyle w:val="GwBody"/>` instead of repeating them (the XML of a table-heavy document halves).
 * Word and WPS show them by name; a user restyles every 楷体 run of a document in one place.
 */
export const ROLE_STYLES: Record<FontRole, { id: string; name: string }> = {
  title: { id: 'GwTitle', name: '公文标题字体' },
  body: { id: 'GwBody', name: '公文正文字体' },
  heading1: { id: 'GwHeading1', name: '公文一级标题字体' },
  heading2: { id: 'GwHeading2', name: '公文二级标题字体' },
  heading3: { id: 'GwHeading3', name: '公文三级标题字体' },
  pageNumber: { id: 'GwPageNumber', name: '公文页码字体' },
};
