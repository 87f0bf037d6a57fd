// A DrawingML text box anchored to the page or the text: the one way to place content at a
// fixed spot that Word and LibreOffice both honour (the 版记 at the bottom of the text block, the
// turned page number of a landscape page, the 信函 head). The anchor sits in a paragraph of its own,
// 1 pt high; several can share one (textBoxRun). Without content the shape is a filled rectangle:
// a rule of any width where both renderers draw it.

/** EMU per point (DrawingML sizes). */
const EMU_PER_PT = 12700;

export interface TextBox {
  /** Horizontal place: an offset (pt) from the page's left edge or the text column's. */
  h: { fromPage: number } | { fromColumn: number };
  /** Vertical place: an offset (pt) from the page's top edge or the anchoring paragraph's. */
  v: { fromPage: number } | { fromParagraph: number };
  /** Size in points. */
  width: number;
  height: number;
  /** WordprocessingML paragraphs and tables inside the box; none for a filled rectangle. */
  content?: string;
  /** Fill colour (RRGGBB) of a rectangle without content. */
  fill?: string;
  /** Text turned 90° clockwise (`vert`) or upright. */
  vertical?: boolean;
  /** Text flows above and below the box (the 版记), or the box floats over the page (a footer's number). */
  wrap: 'topAndBottom' | 'none';
  /** Unique docPr id within the part. */
  id: number;
  name: string;
}

const emu = (pt: number) => Math.round(pt * EMU_PER_PT);

/** The run holding the anchored shape, for a paragraph that anchors several. */
export function textBoxRun(b: TextBox): string {
  const place = (axis: 'H' | 'V', p: TextBox['h'] | TextBox['v']) => {
    const [from, off] = 'fromPage' in p ? ['page', p.fromPage] : 'fromColumn' in p ? ['column', p.fromColumn] : ['paragraph', p.fromParagraph];
    return `<wp:position${axis} relativeFrom="${from}"><wp:posOffset>${emu(off)}</wp:posOffset></wp:position${axis}>`;
  };
  const [cx, cy] = [emu(b.width), emu(b.height)];
  const text = b.content !== undefined;
  const fill = !text && b.fill ? `<a:solidFill><a:srgbClr val="${b.fill}"/></a:solidFill>` : '<a:noFill/>';
  return (
    `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>` +
    `<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="${b.id}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="${b.wrap === 'none' ? 1 : 0}">` +
    `<wp:simplePos x="0" y="0"/>${place('H', b.h)}${place('V', b.v)}` +
    `<wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>${b.wrap === 'none' ? '<wp:wrapNone/>' : '<wp:wrapTopAndBottom/>'}<wp:docPr id="${b.id}" name="${b.name}"/><wp:cNvGraphicFramePr/>` +
    `<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr${text ? ' txBox="1"' : ''}/>` +
    `<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>${fill}<a:ln><a:noFill/></a:ln></wps:spPr>` +
    (text ? `<wps:txbx><w:txbxContent>${b.content}</w:txbxContent></wps:txbx>` : '') +
    `<wps:bodyPr rot="0" vert="${b.vertical ? 'vert' : 'horz'}" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="${b.vertical ? 'ctr' : 'b'}" anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic>` +
    `</wp:anchor></w:drawing></mc:Choice><mc:Fallback/></mc:AlternateContent></w:r>`
  );
}

/** The anchor paragraph: 1 pt of the text flow, holding the shapes' runs. */
export const ANCHOR_PT = 1;
export function anchorParagraph(runs: string): string {
  return `<w:p><w:pPr><w:spacing w:line="${ANCHOR_PT * 20}" w:lineRule="exact"/></w:pPr>${runs}</w:p>`;
}

export function textBoxParagraph(b: TextBox): string {
  return anchorParagraph(textBoxRun(b));
}
