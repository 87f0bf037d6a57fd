// A faithful Typst port of a gongwen DocTree: the same text, the same font files, the same page
// geometry, sizes, grid and element placement, so both engines typeset the same document.
const esc = (s) => s.replace(/[\\#$*_`<>@=\-+/\[\]~"']/g, (c) => '\\' + c);
const line = (l) => (l ?? []).map((i) => (i.type === 'break' ? ' \\\n' : esc(i.text))).join('');
const plain = (l) => (l ?? []).map((i) => (i.type === 'break' ? '\n' : i.text)).join('');

export function docToTypst(doc, fonts) {
  const m = doc.meta;
  const out = [];
  out.push(`#set page(paper: "a4", margin: (top: 37mm, bottom: 35mm, left: 28mm, right: 26mm),
  footer-descent: 7mm,
  footer: context {
    let n = counter(page).get().first()
    set text(font: "${fonts.song}", size: 14pt, tracking: 0pt)
    if calc.odd(n) { align(right, [— #n —#h(14pt)]) } else { align(left, [#h(14pt)— #n —]) }
  })
#set text(font: "${fonts.body}", size: 16pt, lang: "zh", region: "cn", tracking: -0.25pt, top-edge: 0.88em, bottom-edge: -0.12em)
#set par(justify: true, leading: 12.95pt, spacing: 12.95pt, first-line-indent: (amount: 31.5pt, all: true))
#show heading: it => block(above: 12.95pt, below: 12.95pt, sticky: true, it.body)
`);
  if (m.issuerMark) {
    const t = plain(m.issuerMark);
    const size = Math.max(22, Math.min(42, Math.floor(442.2 / [...t].length)));
    out.push(`#v(35mm - 3.1pt)\n#align(center, text(font: "${fonts.title}", size: ${size}pt, fill: red, tracking: 0pt)[${esc(t)}])`);
    if (m.docNumber) out.push(`#v(2 * 28.95pt - 12.95pt)\n#align(center)[${line(m.docNumber)}]`);
    out.push(`#v(4mm)\n#line(length: 100%, stroke: 1pt + red)`);
  }
  if (m.title) out.push(`#v(2 * 28.95pt - 12.95pt)\n#align(center, text(font: "${fonts.title}", size: 22pt, tracking: 0pt)[${line(m.title)}])\n#v(28.95pt - 12.95pt)`);
  for (const b of doc.blocks) {
    if (b.type === 'heading') {
      const f = b.level === 1 ? fonts.hei : b.level === 2 ? fonts.kai : fonts.body;
      out.push(`#par(first-line-indent: (amount: 31.5pt, all: true))[#text(font: "${f}"${b.level === 3 ? ', weight: "bold"' : ''})[${esc(b.number)}${line(b.inlines)}]]`);
    } else if (b.type === 'paragraph') out.push(line(b.inlines) + '\n');
    else if (b.type === 'table') {
      const cells = [...b.header.map((c) => `[#text(font: "${fonts.hei}")[${line(c)}]]`), ...b.rows.flat().map((c) => `[${line(c)}]`)];
      out.push(`#block(above: 0pt, below: 14.5pt)[#set text(size: 14pt, tracking: 0pt)\n#set par(first-line-indent: 0pt, justify: false, leading: 4.2pt)\n#table(columns: ${b.header.length}, inset: 4pt, align: center + horizon, table.header(${cells.slice(0, b.header.length).join(', ')}), ${cells.slice(b.header.length).join(', ')})]`);
    } else out.push('#pagebreak()');
  }
  if (m.signature || m.date) {
    out.push(`#v(28.95pt)\n#block(breakable: false)[#set par(first-line-indent: 0pt)\n#align(right)[${line(m.signature)}#h(31.5pt)]\n#align(right)[${line(m.date)}#h(63pt)]]`);
  }
  if (m.cc || m.printer) {
    out.push(`#place(bottom, float: true, block(width: 100%)[#set text(size: 14pt, tracking: 0pt)\n#set par(first-line-indent: 0pt)\n#line(length: 100%, stroke: 1pt)\n#h(14pt)抄送：${line(m.cc)}。\n#line(length: 100%, stroke: 0.7pt)\n#h(14pt)${line(m.printer)}#h(1fr)${line(m.printDate)}印发#h(14pt)\n#line(length: 100%, stroke: 1pt)])`);
  }
  return out.join('\n');
}
