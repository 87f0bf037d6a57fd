// Worker thread for `render --jobs N`: fonts parsed once per worker, one unit per task.
import { FontBook, type FontBookOptions } from '../fonts/font-book.js';
import { nodeWorld } from '../world/node-world.js';
import { useCompiledStore } from '../template/compiled-store.js';
import { buildStore, templateCache } from '../world/template-cache.js';
import { useSkeletonStore } from '../backends/docx/skeleton-store.js';
import type { UnitSource } from '../data/discover.js';
import { renderOneUnit, type UnitRenderOptions, type UnitSummary } from './render-unit.js';

export interface WorkerTask {
  cwd: string;
  source: UnitSource;
  folder: string;
  opts: UnitRenderOptions;
  fontOptions: FontBookOptions;
}

let book: FontBook | undefined;
let storeSet = false;

export default async function renderTask(task: WorkerTask): Promise<UnitSummary> {
  const world = nodeWorld(task.cwd);
  if (!storeSet) {
    // The worker keeps compiled templates and DOCX skeletons where the command that started it does.
    useCompiledStore(templateCache(world));
    useSkeletonStore(buildStore(world, 'docx'));
    storeSet = true;
  }
  return renderOneUnit(world, task.source, task.folder, task.opts, () => (book ??= FontBook.load(world, task.fontOptions)));
}
