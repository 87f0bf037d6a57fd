// The parts of a .docx that are the same for every document — styles, settings, footers with the
// page number, fonts, theme, relationships — compiled by `docx` once (compile-skeleton.ts) and reused:
// in memory for the process, and in the skeleton store between processes (skeleton-store.ts). Only
// the body (document.xml) and the core properties change from one document to the next; those are
// written as text (write-docx.ts): building docx's object tree for the body was ≈80% of the time.
import type { FontRole } from '../../style/gbt9704.js';
import { skeletonStore } from './skeleton-store.js';

/** The parts of a package by path, as docx's compiler returns them. */
export type Parts = Map<string, string | Uint8Array | ArrayBuffer>;

export interface Skeleton {
  parts: Parts;
  /** `<w:document …>` with docx's namespace declarations. */
  documentOpen: string;
  /** The footer references every portrait section carries (empty without page numbers). */
  footerRefs: string;
  /** Those of landscape sections: the number turned, where it is on the portrait sheet (§8). */
  landscapeFooterRefs: string;
  /** Empty footers: the blank page before the 版记 and the 版记 page carry no number (§7.5). */
  blankFooterRefs: string;
  /** The empty footer as a section's first-page footer (a letter's page 1, §10.1). */
  blankFirstFooterRef: string;
}

/** Font names per role: the standard ones, or the user's where the PDF used their fonts. */
export type RoleNames = Partial<Record<FontRole, string>>;

const cache = new Map<string, Promise<Skeleton>>();

/** The shared parts for documents with or without page numbers, naming the roles' fonts `names`. */
export function skeleton(pageNumbers: boolean, names: RoleNames = {}): Promise<Skeleton> {
  const key = JSON.stringify([pageNumbers, names]);
  let s = cache.get(key);
  if (!s) cache.set(key, (s = made(key, pageNumbers, names)));
  return s;
}

async function made(key: string, pageNumbers: boolean, names: RoleNames): Promise<Skeleton> {
  const store = skeletonStore();
  const kept = store && fromJson(store.get(key));
  if (kept) return kept;
  const { compileSkeleton } = await import('./compile-skeleton.js');
  const s = compileSkeleton(pageNumbers, names);
  store?.set(key, toJson(s));
  return s;
}

type StoredPart = [string, string | { base64: string }];

function toJson(s: Skeleton): string {
  const parts: StoredPart[] = [...s.parts].map(([name, data]) => [
    name,
    typeof data === 'string' ? data : { base64: Buffer.from(data instanceof Uint8Array ? data : new Uint8Array(data)).toString('base64') },
  ]);
  return JSON.stringify({ ...s, parts });
}

/** A stored skeleton, or undefined when there is none or it is damaged (then it is compiled again). */
function fromJson(json: string | undefined): Skeleton | undefined {
  if (json === undefined) return undefined;
  try {
    const o = JSON.parse(json) as Omit<Skeleton, 'parts'> & { parts: StoredPart[] };
    const text = ['documentOpen', 'footerRefs', 'landscapeFooterRefs', 'blankFooterRefs', 'blankFirstFooterRef'] as const;
    if (!Array.isArray(o.parts) || text.some((k) => typeof o[k] !== 'string')) return undefined;
    const parts: Parts = new Map();
    for (const [name, data] of o.parts) {
      if (typeof name !== 'string') return undefined;
      if (typeof data === 'string') parts.set(name, data);
      else if (data && typeof data.base64 === 'string') parts.set(name, new Uint8Array(Buffer.from(data.base64, 'base64')));
      else return undefined;
    }
    if (!parts.has('word/document.xml') || !parts.has('[Content_Types].xml')) return undefined;
    return {
      parts,
      documentOpen: o.documentOpen,
      footerRefs: o.footerRefs,
      landscapeFooterRefs: o.landscapeFooterRefs,
      blankFooterRefs: o.blankFooterRefs,
      blankFirstFooterRef: o.blankFirstFooterRef,
    };
  } catch {
    return undefined;
  }
}
