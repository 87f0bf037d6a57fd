// Generates N realistic units from the bundled example, each with its own name (for tests and benchmarks).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

export function generateUnits(dir, n) {
  const text = fs.readFileSync(path.join(ROOT, 'data/市某某委员会.yaml'), 'utf8');
  fs.mkdirSync(dir, { recursive: true });
  const files = [];
  for (let i = 1; i <= n; i++) {
    const id = String(i).padStart(4, '0');
    const file = path.join(dir, `unit-${id}.yaml`);
    fs.writeFileSync(file, text.replaceAll('某某', `第${i}`));
    files.push(file);
  }
  return files;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const [dir, n] = process.argv.slice(2);
  generateUnits(dir ?? 'bench/units', Number(n ?? 10));
}
