// 销号 with evidence (佐证材料): a done measure names what proves it — descriptions (“竣工验收报告”)
// or files, paths and patterns relative to its data file, like 附件材料. `check` warns on a done
// measure with none (where the kind asks for it) and errors on a named file that is missing, or a
// PDF that is truncated or encrypted, at the measure's line.
import * as path from 'node:path';
import { error, warning, type Diagnostic, type Span } from '../diag/diagnostic.js';
import { expandPattern, isPattern, projectRootOf } from '../data/patterns.js';
import type { UnitData } from '../data/types.js';
import type { World } from '../world/world.js';
import { sniffPdfFile } from '../packet/attachments.js';

const FILE_LIKE = /[/\\]|\.(pdf|ofd|jpe?g|png|tiff?|docx?|xlsx?|wps|et)$/i;

/** The items of a 佐证材料 cell: “验收报告.pdf、现场照片/*.jpg；整改通知书” → three items. */
export function evidenceItems(text: string): string[] {
  return text
    .split(/[、；;\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The files an item names, when it names files (a path or a pattern), else undefined. */
export function isFileItem(item: string): boolean {
  return FILE_LIKE.test(item) || isPattern(item);
}

export function checkEvidence(world: World, d: UnitData): Diagnostic[] {
  const out: Diagnostic[] = [];
  d.measures.forEach((m, i) => {
    const at: Span | undefined = d.spans.get(`measures.${i}.evidence`) ?? d.spans.get(`measures.${i}`);
    if (!m.evidence) {
      if (m.status === 'done' && d.kind.evidenceRequired)
        out.push(warning('W_NO_EVIDENCE', `整改措施已完成，但没有写佐证材料（无法销号）：${m.action}`, d.spans.get(`measures.${i}`), '在“佐证材料”中写明材料名称，或相对于数据文件的文件路径'));
      return;
    }
    const base = at?.file ?? d.sources[0] ?? '.';
    for (const item of evidenceItems(m.evidence)) {
      if (!isFileItem(item)) continue;
      const { paths, escaped } = expandPattern(world, item, path.dirname(base), { root: projectRootOf(world, base) });
      if (escaped) out.push(error('E_EVIDENCE', `佐证材料“${item}”指向项目文件夹之外`, at));
      else if (!paths.length)
        out.push(error('E_EVIDENCE', isPattern(item) ? `佐证材料“${item}”没有匹配到任何文件` : `找不到佐证材料文件“${item}”`, at, `路径相对于 ${path.basename(base)} 所在的文件夹`));
      for (const f of paths) {
        if (!/\.pdf$/i.test(f)) continue;
        const why = sniffPdfFile(world, f);
        if (why) out.push(error('E_EVIDENCE', `佐证材料“${path.basename(f)}”${why}`, at));
      }
    }
  });
  return out;
}
