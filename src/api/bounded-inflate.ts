// Unpacking what a packet embeds with a bound: a 1 MB file must not unpack to 1 GB on the user's
// disk. zlib stops at the bound itself (maxOutputLength), whatever sizes the container claims.
import { inflateRawSync, inflateSync } from 'node:zlib';

/** The most one embedded file may unpack to: far above any unit's data or scanned attachment. */
export const MAX_EMBEDDED_BYTES = 256 * 1024 * 1024;

export class TooLarge extends Error {}

/** Inflates zlib (PDF FlateDecode) or raw deflate (zip) data, refusing more than `max` bytes out. */
export function boundedInflate(data: Uint8Array, raw: boolean, max = MAX_EMBEDDED_BYTES): Uint8Array {
  try {
    return (raw ? inflateRawSync : inflateSync)(data, { maxOutputLength: max });
  } catch (e) {
    if (e instanceof RangeError || (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new TooLarge(`解压后超过 ${Math.round(max / 1048576)} MB`);
    throw e;
  }
}
