// A character no font has is an E_GLYPH naming the data field, never a silently missing glyph;
// a character the role's font lacks falls back to another font that has it.
import { describe, expect, it } from 'vitest';
import { FontBook } from '../../src/fonts/font-book.js';
import { shapeLine } from '../../src/layout/shape-text.js';
import { BLACK } from '../../src/layout/types.js';
import type { Diagnostic } from '../../src/diag/diagnostic.js';
import { nodeWorld } from '../../src/world/node-world.js';
import { ROOT } from '../support/examples.js';

const book = FontBook.load(nodeWorld(ROOT), { system: false });

describe('glyph coverage', () => {
  it('reports a character no font has, with the data field and its YAML position', () => {
    const diags: Diagnostic[] = [];
    const span = { file: 'data/u.yaml', line: 12, column: 11 };
    const slots = shapeLine([{ type: 'text', text: '问题𠀀描述', source: { field: 'problems.3.text', fieldSpan: span } }], { role: 'body', size: 16, color: BLACK }, book, diags);
    expect(diags).toHaveLength(1);
    expect(diags[0]).toMatchObject({ code: 'E_GLYPH', severity: 'error', span });
    expect(diags[0]!.message).toContain('problems.3.text');
    expect(diags[0]!.message).toContain('U+20000');
    // The text is kept (nothing silently dropped).
    expect(slots.map((s) => s.ch).join('')).toBe('问题𠀀描述');
  });
  it('falls back by coverage to another installed font', () => {
    // ⸺ (U+2E3A, two-em dash) is in none of the Noto faces but WenKai, or the reverse; whichever role lacks it borrows it.
    const cp = [...'①々〇⸺'].map((c) => c.codePointAt(0)!).find((c) => !book.roles.body.has(c) && book.faces.some((f) => f.has(c)));
    if (cp === undefined) {
      // Every face has all of them: then the role's own face is used.
      expect(book.faceFor('body', 0x2460)).toBe(book.roles.body);
      return;
    }
    const face = book.faceFor('body', cp)!;
    expect(face).not.toBe(book.roles.body);
    expect(face.has(cp)).toBe(true);
  });
});
