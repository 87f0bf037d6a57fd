// Golden files: a missing or different golden fails; UPDATE=1 writes them (then review the diff).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'vitest';

export function expectGolden(file: string, text: string): void {
  if (process.env.UPDATE === '1') {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  if (!fs.existsSync(file)) throw new Error(`missing golden file ${file}: UPDATE=1 writes it`);
  expect(text).toBe(fs.readFileSync(file, 'utf8'));
}
