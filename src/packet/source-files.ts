// What the filing packet carries besides its pages (PDF/A-3 associated files, /AFRelationship
// /Source): the unit's data files byte for byte as they were read, and one JSON with the
// normalised data and the list of what was made from it, so an archive can read the data back
// out of the PDF (`gongwen extract`) without the project folder.
import * as path from 'node:path';
import type { EmbeddedFile } from '../doc/file-meta.js';
import { SECTIONS } from '../data/schema.js';
import type { UnitData } from '../data/types.js';
import type { World } from '../world/world.js';

/** The JSON's name inside the packet, and what its `format` field says. */
export const DATA_JSON = 'gongwen-data.json';
const FORMAT = 'gongwen-unit-data/1';

/** A file made for the unit, as the JSON lists it. */
export interface MadeFile {
  doc: string;
  name: string;
  file: string;
  sha256: string;
  bytes: number;
  pages?: number;
}

/** An attachment copied into the packet, as the JSON lists it. */
export interface AttachedFile {
  title: string;
  file: string;
  sha256: string;
  pages: number;
}

const MIME: Record<string, string> = {
  '.yaml': 'application/yaml',
  '.yml': 'application/yaml',
  '.json': 'application/json',
  '.csv': 'text/csv',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The folder all of `files` are in (their deepest common parent). */
function commonDir(files: string[]): string {
  const split = files.map((f) => path.resolve(path.dirname(f)).split(path.sep));
  const first = split[0] ?? [];
  let n = first.length;
  for (const s of split) {
    let i = 0;
    while (i < n && s[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n).join(path.sep) || path.sep;
}

/** Names of the data files inside the packet: their paths below the unit's folder, with `/`. */
function sourceNames(sources: string[]): Map<string, string> {
  const base = commonDir(sources);
  return new Map(sources.map((s) => [s, path.relative(base, path.resolve(s)).split(path.sep).join('/')]));
}

/**
 * The normalised data as plain JSON: canonical keys, no spans; file names as in the packet. Every
 * section of the schema table is written, by construction; the attachments section as what was
 * attached (names and hashes), after the documents made.
 */
function dataJson(data: UnitData, names: Map<string, string>, made: MadeFile[], attached: AttachedFile[]): string {
  const sections = Object.fromEntries(SECTIONS.filter((s) => s.key !== 'attachments' && data[s.key] !== undefined).map((s) => [s.key, data[s.key]]));
  const json = { format: FORMAT, ...sections, sources: data.sources.map((s) => names.get(s)), documents: made, attachments: attached };
  return JSON.stringify(json, null, 2) + '\n';
}

/** The files the packet embeds: the data files as read, then the JSON. */
export function packetSourceFiles(world: World, data: UnitData, made: MadeFile[], attachments: AttachedFile[]): EmbeddedFile[] {
  // Named below the folder that holds the data and the attachments alike.
  const names = sourceNames([...data.sources, ...attachments.map((a) => a.file)]);
  const attached = attachments.map((a) => ({ ...a, file: names.get(a.file)! }));
  const files: EmbeddedFile[] = data.sources.map((s) => ({
    name: names.get(s)!,
    bytes: world.readBytes(s),
    mime: MIME[path.extname(s).toLowerCase()] ?? 'application/octet-stream',
    description: '单位数据文件（原样）',
  }));
  files.push({ name: DATA_JSON, bytes: Buffer.from(dataJson(data, names, made, attached), 'utf8'), mime: 'application/json', description: '规范化后的单位数据和生成的文件清单' });
  return files;
}
