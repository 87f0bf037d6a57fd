// vitest globalSetup: every temporary folder a test makes (os.tmpdir() and the tools it starts)
// lands under one folder for the run, removed when the run ends — failed tests included — so a test
// that forgets its folder leaves nothing behind (and no font of it stays in a font cache).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export default function setup(): () => void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-test-run-'));
  process.env.TMPDIR = dir;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
