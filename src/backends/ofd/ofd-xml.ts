// What every OFD part shares: the namespace with the literal `ofd:` prefix (readers such as ofd.js
// look elements up by prefixed name), lengths in millimetres, colours as 0–255 RGB.
import type { Rgb } from '../../layout/types.js';

export const OFD_NS = 'http://www.ofdspec.org/2016';
export const XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** A root element's opening tag with the namespace declaration. */
export const root = (name: string, attrs = ''): string => `<ofd:${name} xmlns:ofd="${OFD_NS}"${attrs}>`;

/** Points (the layout's unit) to millimetres (OFD's). */
export const mm = (pt: number): number => (pt * 25.4) / 72;

/** A length as text: three decimals (1 µm), no trailing zeros, never "-0". */
export function num(v: number): string {
  const r = Math.round(v * 1000) / 1000;
  return Object.is(r, -0) || r === 0 ? '0' : String(r);
}

/** A length in points written in millimetres. */
export const len = (pt: number): string => num(mm(pt));

export const rgb = (c: Rgb): string => c.map((v) => Math.round(Math.min(1, Math.max(0, v)) * 255)).join(' ');

/** A date for DocInfo (xs:date) and one for attachments (xs:dateTime), in UTC as the data gives it. */
export const xsDate = (d: Date): string => d.toISOString().slice(0, 10);
export const xsDateTime = (d: Date): string => d.toISOString().slice(0, 19);
