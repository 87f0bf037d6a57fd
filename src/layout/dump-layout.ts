// A PagedLayout as stable text (positions rounded to 0.01 pt), for golden tests of the layout engine.
import type { PagedLayout } from './types.js';

const r = (n: number) => (Math.round(n * 100) / 100).toFixed(2);

export function dumpLayout(layout: PagedLayout): string {
  const out: string[] = [];
  layout.pages.forEach((p, i) => {
    const g = p.geometry;
    out.push(`page ${i + 1} ${g.landscape ? 'landscape' : 'portrait'} ${r(g.width)}×${r(g.height)} number ${p.number ?? '-'}`);
    for (const it of p.items) {
      if (it.kind === 'text') {
        const extra = `${it.bold ? ' bold' : ''}${it.scale && it.scale !== 100 ? ` scale ${it.scale}` : ''}${it.color[0] ? ' red' : ''}${it.rotated ? ' rotated' : ''}`;
        out.push(`  T ${r(it.x)} ${r(it.y)} ${it.face.postscriptName} ${it.size} tc ${r(it.spacing)}${extra} |${it.text}|`);
      } else out.push(`  R ${r(it.x1)} ${r(it.y1)} → ${r(it.x2)} ${r(it.y2)} w ${r(it.width)}${it.color[0] ? ' red' : ''}`);
    }
  });
  for (const o of layout.outline) out.push(`outline ${o.level} page ${o.page + 1} y ${r(o.y)} ${o.title}`);
  return out.join('\n') + '\n';
}
