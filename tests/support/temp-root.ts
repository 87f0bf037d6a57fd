// vitest globalSetup: every temporary folder a test makes (os.tmpdir() and the tools it starts)
// lands under one folder for the run, removed when the run ends — failed tests included — so a test
// that forgets its folder leaves nothing behind (and no font of it stays in a font cache).
// vitest calls it once per project: the folder is made once and removed by the last teardown. Its
// name stays short: Chromium puts a socket in it, and socket paths have a length limit.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const shared = globalThis as { __gongwenTmp?: { dir: string; users: number } };

export default function setup(): () => void {
  if (!shared.__gongwenTmp) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-'));
    shared.__gongwenTmp = { dir, users: 0 };
    process.env.TMPDIR = dir;
  }
  const run = shared.__gongwenTmp;
  run.users++;
  return () => {
    if (--run.users === 0) fs.rmSync(run.dir, { recursive: true, force: true });
  };
}
