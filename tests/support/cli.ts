// Runs the built CLI (dist/) as a user would.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ROOT } from './examples.js';

export function gongwen(args: string[], cwd = ROOT, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/gongwen.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
