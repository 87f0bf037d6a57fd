// Where a bar chart's parts go across the text block, shared by the paged layout and the DOCX so
// both draw the same chart: the label column, the bars, the values at the right edge (in points).

/** Bar thickness as a share of the line pitch; the bar's colour (a dark grey that prints on any printer). */
export const CHART = { barShare: 0.5, color: [0.25, 0.25, 0.25] as const, colorHex: '404040' };

export interface ChartGeometry {
  /** Where the bars start (the labels end one character before). */
  barX: number;
  /** The longest bar (100 %). */
  barWidth: number;
  /** Where the values end (the block's right edge). */
  valueRight: number;
}

/** `labelWidth`: the widest label as set; `cell`: one character; `width`: the text block. */
export function chartGeometry(labelWidth: number, cell: number, width: number): ChartGeometry {
  // Labels take at most 40 % of the width; a longer one wraps in the DOCX and is set tighter in the PDF.
  const barX = Math.min(labelWidth, width * 0.4) + cell;
  const valueW = 4 * cell;
  return { barX, barWidth: Math.max(cell, width - barX - valueW - cell / 2), valueRight: width };
}
