// The body of document.xml as records until it is written: paragraphs keep their properties as data,
// so keep rules and section ends are set on them, never patched into serialized XML.
import { paragraph, type ParaProps } from './xml.js';

export type BodyRecord =
  | { kind: 'p'; props: ParaProps; runs: string }
  /** A table or an anchor paragraph, written whole. */
  | { kind: 'raw'; xml: string };

export const para = (props: ParaProps, runs = ''): BodyRecord => ({ kind: 'p', props, runs });
export const raw = (xml: string): BodyRecord => ({ kind: 'raw', xml });

export function serialize(records: readonly BodyRecord[]): string {
  let out = '';
  for (const r of records) out += r.kind === 'p' ? paragraph(r.props, r.runs) : r.xml;
  return out;
}
