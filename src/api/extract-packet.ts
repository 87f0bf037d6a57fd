// A packet's embedded files into a folder: the format sniffed from its bytes (an OFD is a zip, PK…;
// anything else is read as a PDF), every file written inside the folder and nowhere else.
import * as path from 'node:path';
import type { Diagnostic } from '../diag/diagnostic.js';
import type { World } from '../world/world.js';

export async function extractPacket(world: World, file: string, dir: string): Promise<{ written: { file: string; bytes: number }[]; diagnostics: Diagnostic[] }> {
  const bytes = world.readBytes(file);
  const { files, diagnostics } =
    bytes[0] === 0x50 && bytes[1] === 0x4b ? await (await import('./extract-ofd.js')).extractOfd(bytes, file) : await (await import('./extract.js')).extractEmbedded(bytes, file);
  const root = path.resolve(dir);
  const written: { file: string; bytes: number }[] = [];
  for (const f of files) {
    const target = path.resolve(root, ...f.path.split('/'));
    // The names were made safe; this is the last guard that nothing lands outside the folder.
    if (path.relative(root, target).startsWith('..')) continue;
    world.mkdirp(path.dirname(target));
    world.writeAtomic(target, f.bytes);
    written.push({ file: path.join(dir, ...f.path.split('/')), bytes: f.bytes.length });
  }
  return { written, diagnostics };
}
