// The preview's file watching: the data, the templates, the kinds and the config; editors'
// temporaries ignored; a burst of saves (60 ms) reported as one change.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { World } from '../world/world.js';

export function watchFiles(world: World, targets: readonly string[], log: (m: string) => void, changed: (files: string[]) => void): { close(): void } {
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    const files = [...pending];
    pending.clear();
    changed(files);
  };
  const watchers: fs.FSWatcher[] = [];
  for (const target of targets) {
    const abs = path.resolve(world.cwd, target);
    if (!fs.existsSync(abs)) continue;
    const isDir = fs.statSync(abs).isDirectory();
    try {
      watchers.push(
        fs.watch(abs, { recursive: isDir }, (_ev, name) => {
          const file = isDir ? path.join(target, String(name ?? '')) : target;
          if (/(^|[/\\])\./.test(path.basename(file)) || file.endsWith('~')) return;
          pending.add(file);
          timer ??= setTimeout(flush, 60);
        }),
      );
    } catch (e) {
      log(`无法监视 ${target}：${(e as Error).message}`);
    }
  }
  return {
    close() {
      for (const w of watchers) w.close();
      if (timer) clearTimeout(timer);
    },
  };
}
