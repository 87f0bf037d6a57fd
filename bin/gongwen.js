#!/usr/bin/env node
// Entry point: runs the bundled CLI (dist/bundle/, made by `npm run build`, which npm ci runs as
// prepare), or the compiled modules (dist/cli/) when there is no bundle.
import { existsSync } from 'node:fs';

const bundled = new URL('../dist/bundle/main.js', import.meta.url);
// GONGWEN_BUNDLE=0 runs the modules (bench/cold.mjs compares the two).
const { main } = await import(existsSync(bundled) && process.env.GONGWEN_BUNDLE !== '0' ? bundled.href : '../dist/cli/main.js');

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`内部错误（请报告）：${e && e.stack ? e.stack : e}\n`);
    process.exitCode = 70;
  },
);
