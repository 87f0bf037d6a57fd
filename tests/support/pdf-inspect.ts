// Reads PDFs for tests with tools the project did not write: qpdf's JSON (objects with their
// decoded stream data), poppler's pdfinfo (Info and the XMP packet), fontTools (font programs)
// and Apache PDFBox Preflight (PDF/A-1b rules, Debian's libpdfbox2-java).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export type PdfValue = string | number | boolean | null | PdfValue[] | { [k: string]: PdfValue };
export interface PdfObject {
  value?: PdfValue;
  stream?: { dict: Record<string, PdfValue>; data?: string };
}

/** Every object of `file` by reference ("12 0 R"), streams decoded (base64 in `data`). */
export function pdfObjects(file: string): Map<string, PdfObject> {
  const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=qpdf', '--json-stream-data=inline', '--decode-level=generalized', file], { maxBuffer: 1 << 28 }).toString());
  const objs = json.qpdf[1] as Record<string, PdfObject>;
  return new Map(Object.entries(objs).map(([k, v]) => [k.replace(/^obj:/, ''), v]));
}

export const streamBytes = (o: PdfObject | undefined): Buffer => Buffer.from(o?.stream?.data ?? '', 'base64');
export const dictOf = (o: PdfObject | undefined): Record<string, PdfValue> => (o?.stream?.dict ?? (o?.value as Record<string, PdfValue>) ?? {}) as Record<string, PdfValue>;

/** The catalog (the trailer's /Root). */
export function catalogOf(objs: Map<string, PdfObject>): Record<string, PdfValue> {
  const trailer = dictOf(objs.get('trailer'));
  return dictOf(objs.get(trailer['/Root'] as string));
}

/** qpdf's JSON for outlines and page labels. */
export function qpdfJson(file: string, keys: string[]): Record<string, unknown> {
  return JSON.parse(execFileSync('qpdf', ['--json', ...keys.map((k) => `--json-key=${k}`), file], { maxBuffer: 1 << 26 }).toString());
}

/** pdfinfo's Info fields, dates in ISO form. */
export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', ['-isodates', file]).toString();
  return Object.fromEntries(out.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
}

/** The XMP packet as poppler reads it from the catalog's /Metadata. */
export const pdfXmp = (file: string): string => execFileSync('pdfinfo', ['-meta', file]).toString();

const WIDTHS = `
import sys, json
from fontTools.ttLib import TTFont
out = []
for p in sys.argv[1:]:
    f = TTFont(p)
    order = f.getGlyphOrder()
    out.append({'upm': f['head'].unitsPerEm, 'advances': [f['hmtx'][g][0] for g in order]})
print(json.dumps(out))
`;

/** Advance widths of every glyph of each TrueType program, by glyph id, read by fontTools. */
export function fontAdvances(files: string[]): { upm: number; advances: number[] }[] {
  // Debian's python3 carries python3-fonttools (a pyenv python on PATH may not).
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', WIDTHS, ...files], { maxBuffer: 1 << 26 }).toString());
}

/** Preflight's findings for each file: error codes (e.g. 7.11.2), or an exception message. */
export interface PreflightResult {
  codes: string[];
  details: string[];
  exception?: string;
}

const JARS = ['preflight', 'pdfbox2', 'fontbox2', 'xmpbox', 'commons-logging', 'javax.activation', 'jaxb-api'].map((j) => `/usr/share/java/${j}.jar`);

/**
 * Runs PDFBox Preflight (PDF/A-1b) on every file in one JVM. Each file is first saved by qpdf
 * without object streams (PDF/A-1 predates them; the files themselves have none either, the copy
 * only normalises the layout Preflight's parser expects).
 */
export function preflight(files: string[], work: string): PreflightResult[] {
  fs.mkdirSync(work, { recursive: true });
  const copies = files.map((f, i) => {
    const c = path.join(work, `${i}.pdf`);
    execFileSync('qpdf', ['--object-streams=disable', '--newline-before-endstream', f, c]);
    return c;
  });
  const list = path.join(work, 'list.txt');
  fs.writeFileSync(list, copies.join('\n') + '\n');
  execFileSync('java', ['-cp', JARS.join(':'), 'org.apache.pdfbox.preflight.Validator_A1b', 'xml', 'group', list], { stdio: 'pipe' });
  const xml = fs.readFileSync(`${list}.preflight.xml`, 'utf8');
  const byName = new Map<string, PreflightResult>();
  for (const m of xml.matchAll(/<preflight name="([^"]+)">([\s\S]*?)<\/preflight>/g)) {
    const body = m[2]!;
    const exception = /<message>([\s\S]*?)<\/message>/.exec(body)?.[1];
    byName.set(m[1]!, {
      codes: [...body.matchAll(/<code>([^<]+)<\/code>/g)].map((c) => c[1]!),
      details: [...body.matchAll(/<details>([^<]*)<\/details>/g)].map((c) => c[1]!),
      ...(exception ? { exception } : {}),
    });
  }
  return copies.map((c) => byName.get(path.basename(c)) ?? { codes: [], details: [], exception: 'no result' });
}

/** The embedded font programs of a PDF (FontFile2: TrueType, FontFile3: CFF), each written to a file in `dir`. */
export function fontPrograms(pdf: string, key: 'FontFile2' | 'FontFile3', dir: string): string[] {
  const qdf = path.join(dir, `${path.basename(pdf)}.qdf`);
  execFileSync('qpdf', ['--qdf', '--object-streams=disable', pdf, qdf]);
  const ids = [...fs.readFileSync(qdf, 'latin1').matchAll(new RegExp(`/${key} (\\d+) 0 R`, 'g'))].map((m) => m[1]!);
  return ids.map((id) => {
    const f = path.join(dir, `font-${id}.${key === 'FontFile2' ? 'ttf' : 'cff'}`);
    fs.writeFileSync(f, execFileSync('qpdf', [`--show-object=${id}`, '--filtered-stream-data', qdf]));
    return f;
  });
}
