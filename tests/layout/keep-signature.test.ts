// No 此页无正文: wherever the page break falls, the 署名 and 成文日期 share their page with the
// 附件说明 and with the last lines of the text above them (GB/T 9704 §7.3.5), in the PDF layout.
import { describe, expect, it } from 'vitest';
import type { Block, DocTree, Line } from '../../src/doc/tree.js';
import { FontBook } from '../../src/fonts/font-book.js';
import { layoutDocument } from '../../src/layout/layout-document.js';
import { nodeWorld } from '../../src/world/node-world.js';
import { ROOT } from '../support/examples.js';

const book = FontBook.load(nodeWorld(ROOT), { system: false });
const L = (t: string): Line => [{ type: 'text', text: t, source: {} }];
const span = { file: 't.md.hbs', line: 1, column: 1 };
const para = (t: string): Block => ({ type: 'paragraph', inlines: L(t), indent: 'first-line', span });

function doc(shortParagraphs: number): DocTree {
  const long = '各部门、各单位要把抓好整改落实作为教育实践活动的重要任务，对照问题清单和整改台账，逐项明确责任、细化措施、限时办结，做到条条有着落、件件有回音。';
  return {
    type: 'document',
    id: 't',
    template: 't.md.hbs',
    meta: { title: L('关于报送整改材料的报告'), recipients: L('测试领导小组'), attachments: [L('整改方案'), L('专项整治方案'), L('制度建设计划')], signature: L('中共测试单位委员会'), date: L('2014年1月10日'), orientation: 'portrait', pageNumbers: true },
    blocks: [...Array.from({ length: shortParagraphs }, (_v, i) => para(`第${i + 1}段正文。`)), para(long)],
  };
}

describe('the 署名 with the text above it', () => {
  it('keeps the 附件说明 and at least one line of text on the 署名’s page, at every break position', () => {
    let breaksTried = 0;
    for (let n = 6; n <= 40; n++) {
      const { layout } = layoutDocument(doc(n), book);
      const at = layout.pages.findIndex((p) => p.items.some((it) => it.element === 'signature'));
      const page = layout.pages[at]!;
      expect(page.items.some((it) => it.element === 'body'), `${n} paragraphs`).toBe(true);
      const notes = layout.pages.map((p, i) => (p.items.some((it) => it.element === 'attachmentNote') ? i : -1)).filter((i) => i >= 0);
      expect(notes, `${n} paragraphs`).toEqual([at]);
      if (at > 0) breaksTried++;
    }
    // The sweep crossed the page end with the tail in every position.
    expect(breaksTried).toBeGreaterThan(10);
  });
});
