// Worker thread for `render --jobs N`: fonts parsed once per worker, one unit per task.
import { FontBook, type FontBookOptions } from '../fonts/font-book.js';
import { nodeWorld } from '../world/node-world.js';
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

export default async function renderTask(task: WorkerTask): Promise<UnitSummary> {
  const world = nodeWorld(task.cwd);
  return renderOneUnit(world, task.source, task.folder, task.opts, () => (book ??= FontBook.load(world, task.fontOptions)));
}
