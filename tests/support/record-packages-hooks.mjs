// Module hooks for record-packages.mjs: the package of every resolved node_modules URL.
import { appendFileSync } from 'node:fs';

export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  const m = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(r.url);
  if (m && process.env.GONGWEN_RECORD) appendFileSync(process.env.GONGWEN_RECORD, m[1] + '\n');
  return r;
}
