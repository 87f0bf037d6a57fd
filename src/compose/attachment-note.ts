// The 附件说明 (GB/T 9704 §7.3.4) line by line, for the PDF layout and the DOCX alike: “附件：” two
// characters in, several names numbered 1. 2. with the numbers under each other, and each name
// starting at a fixed place (a tab stop in the DOCX) so its wrapped lines align with it whatever
// the digits measure in the reader's font.
import { charCells } from './measure-chars.js';
import type { DocMeta, Line } from '../doc/tree.js';

export interface AttachmentNoteItem {
  /** “附件：1.”, “2.” or “附件：”. */
  prefix: string;
  name: Line;
  /** Where the prefix starts and where the name and its wrapped lines start, in character cells from the 版心's left edge. */
  start: number;
  nameAt: number;
}

export function attachmentNoteItems(meta: DocMeta): AttachmentNoteItem[] {
  const many = meta.attachments.length > 1;
  // The widest number decides where every name starts (10. is wider than 9.).
  const numberCells = many ? charCells(`${meta.attachments.length}.`) : 0;
  return meta.attachments.map((name, i) => {
    const num = many ? `${i + 1}.` : '';
    return { prefix: (i === 0 ? '附件：' : '') + num, name, start: i === 0 ? 2 : 5, nameAt: 5 + numberCells };
  });
}
