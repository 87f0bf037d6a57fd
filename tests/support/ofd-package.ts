// Reads an .ofd package for the tests (fflate unzips, @xmldom parses) and checks what a reader relies
// on: every referenced file present, IDs unique and within MaxUnitID, outline destinations on real
// pages, DeltaX with n−1 advances, the `ofd:` prefix on every element of the OFD namespace.
import { DOMParser, type Element } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import * as path from 'node:path';

const NS = 'http://www.ofdspec.org/2016';

export interface TextCodeUse {
  font: string;
  text: string;
}

export interface OfdPackage {
  files: Record<string, Uint8Array>;
  xml(name: string): Element;
  /** Problems found, as readable lines (empty when the package is sound). */
  problems: string[];
  pageIds: string[];
  /** Page ID → Content.xml part. */
  pageFiles: Map<string, string>;
  /** Font ID → its embedded file's part name (when embedded) and names. */
  fonts: Map<string, { file?: string; fontName: string; familyName: string }>;
  /** Every TextCode with its object's font. */
  textCodes: TextCodeUse[];
  maxUnitId: number;
}

const join = (dir: string, loc: string) => (loc.startsWith('/') ? loc.slice(1) : path.posix.normalize(path.posix.join(dir, loc)));

const elements = (root: Element, local: string): Element[] => Array.from(root.getElementsByTagNameNS(NS, local) as unknown as ArrayLike<Element>);
const child = (e: Element, local: string): Element | undefined => elements(e, local)[0];
const textOf = (e: Element | undefined) => (e?.textContent ?? '').trim();

/** Expands DeltaX (`g N v` runs) into its values. */
export function expandDelta(s: string): number[] {
  const t = s.trim().split(/\s+/).filter(Boolean);
  const out: number[] = [];
  for (let i = 0; i < t.length; i++) {
    if (t[i] === 'g') {
      const n = Number(t[i + 1]);
      for (let k = 0; k < n; k++) out.push(Number(t[i + 2]));
      i += 2;
    } else out.push(Number(t[i]));
  }
  return out;
}

export function readOfd(bytes: Uint8Array): OfdPackage {
  const files = unzipSync(bytes);
  const problems: string[] = [];
  const parsed = new Map<string, Element>();
  const xml = (name: string): Element => {
    let e = parsed.get(name);
    if (!e) {
      if (!files[name]) throw new Error(`missing part ${name}`);
      const doc = new DOMParser({ onError: (level, msg) => problems.push(`${name}: XML ${level}: ${msg}`) }).parseFromString(strFromU8(files[name]!), 'text/xml');
      e = doc.documentElement as unknown as Element;
      parsed.set(name, e);
      // Every element of the OFD namespace written with the literal ofd: prefix.
      for (const el of Array.from(doc.getElementsByTagName('*') as unknown as ArrayLike<Element>)) if (el.namespaceURI === NS && el.prefix !== 'ofd') problems.push(`${name}: <${el.tagName}> without the ofd: prefix`);
    }
    return e;
  };
  const need = (name: string, why: string) => {
    if (!files[name]) problems.push(`${why} refers to ${name}, which is not in the package`);
    return !!files[name];
  };

  const ofd = xml('OFD.xml');
  const docRoot = textOf(child(ofd, 'DocRoot'));
  need(docRoot, 'OFD.xml DocRoot');
  const docDir = path.posix.dirname(docRoot);
  const doc = xml(docRoot);
  const maxUnitId = Number(textOf(child(doc, 'MaxUnitID')));
  const ids = new Map<string, string>();
  const claim = (id: string | null, where: string) => {
    if (!id) return problems.push(`${where}: no ID`);
    if (ids.has(id)) problems.push(`ID ${id} used twice: ${ids.get(id)} and ${where}`);
    ids.set(id, where);
    if (!(Number(id) >= 1 && Number(id) <= maxUnitId)) problems.push(`${where}: ID ${id} not within 1…MaxUnitID ${maxUnitId}`);
  };

  const fonts: OfdPackage['fonts'] = new Map();
  for (const res of elements(child(doc, 'CommonData')!, 'PublicRes')) {
    const loc = join(docDir, textOf(res));
    if (!need(loc, 'Document.xml PublicRes')) continue;
    const r = xml(loc);
    const base = join(path.posix.dirname(loc), r.getAttribute('BaseLoc') ?? '');
    for (const f of elements(r, 'Font')) {
      claim(f.getAttribute('ID'), `${loc} Font`);
      const ff = child(f, 'FontFile');
      const file = ff ? join(base, textOf(ff)) : undefined;
      if (file) need(file, `Font ${f.getAttribute('ID')}`);
      fonts.set(f.getAttribute('ID')!, { ...(file ? { file } : {}), fontName: f.getAttribute('FontName') ?? '', familyName: f.getAttribute('FamilyName') ?? '' });
    }
  }

  const pageIds: string[] = [];
  const pageFiles = new Map<string, string>();
  const textCodes: TextCodeUse[] = [];
  for (const p of elements(child(doc, 'Pages')!, 'Page')) {
    const id = p.getAttribute('ID')!;
    claim(id, 'Document.xml Page');
    pageIds.push(id);
    const loc = join(docDir, p.getAttribute('BaseLoc') ?? '');
    pageFiles.set(id, loc);
    if (!need(loc, `Page ${id}`)) continue;
    const page = xml(loc);
    for (const l of elements(page, 'Layer')) claim(l.getAttribute('ID'), `${loc} Layer`);
    for (const kind of ['TextObject', 'PathObject']) for (const o of elements(page, kind)) claim(o.getAttribute('ID'), `${loc} ${kind}`);
    for (const t of elements(page, 'TextObject')) {
      const font = t.getAttribute('Font')!;
      if (!fonts.has(font)) problems.push(`${loc}: TextObject ${t.getAttribute('ID')} uses font ${font}, which PublicRes does not define`);
      for (const code of elements(t, 'TextCode')) {
        const text = code.textContent ?? '';
        const n = [...text].length;
        const d = code.getAttribute('DeltaX');
        const count = d ? expandDelta(d).length : 0;
        if (count !== n - 1) problems.push(`${loc}: TextCode "${text}" has ${n} characters and ${count} DeltaX values`);
        textCodes.push({ font, text });
      }
    }
  }

  const pages = new Set(pageIds);
  for (const dest of elements(doc, 'Dest')) if (!pages.has(dest.getAttribute('PageID') ?? '')) problems.push(`outline Dest names page ${dest.getAttribute('PageID')}, which is not a page`);

  const tagsLoc = child(doc, 'CustomTags');
  if (tagsLoc) {
    const loc = join(docDir, textOf(tagsLoc));
    if (need(loc, 'Document.xml CustomTags')) for (const t of elements(xml(loc), 'CustomTag')) need(join(path.posix.dirname(loc), textOf(child(t, 'FileLoc'))), 'CustomTag FileLoc');
  }
  const attachLoc = child(doc, 'Attachments');
  const attachIds = new Set<string>();
  if (attachLoc) {
    const loc = join(docDir, textOf(attachLoc));
    if (need(loc, 'Document.xml Attachments'))
      for (const a of elements(xml(loc), 'Attachment')) {
        claim(a.getAttribute('ID'), `${loc} Attachment`);
        attachIds.add(a.getAttribute('ID')!);
        need(join(path.posix.dirname(loc), textOf(child(a, 'FileLoc'))), `Attachment ${a.getAttribute('Name')}`);
      }
  }
  for (const g of elements(doc, 'GotoA')) if (!attachIds.has(g.getAttribute('AttachID') ?? '')) problems.push(`outline GotoA names attachment ${g.getAttribute('AttachID')}, which is not there`);

  return { files, xml, problems, pageIds, pageFiles, fonts, textCodes, maxUnitId };
}
