// fast-check runs in chunks with the event loop served between them: `npm run fuzz` runs tens of
// thousands of cases, and vitest's worker fails the run when one synchronous call blocks it for a
// minute. Up to 1,000 runs (what `npm test` does) this is exactly one fc.assert with `seed`.
import fc from 'fast-check';

const CHUNK = 1000;

export async function assertChunked<T>(property: fc.IRawProperty<T>, opts: { seed: number; numRuns: number }): Promise<void> {
  for (let done = 0, k = 0; done < opts.numRuns; done += CHUNK, k++) {
    fc.assert(property, { seed: opts.seed + k, numRuns: Math.min(CHUNK, opts.numRuns - done) });
    await new Promise((r) => setImmediate(r));
  }
}

/** The same for properties that await (the spreadsheet reader). */
export async function assertChunkedAsync<T>(property: fc.IAsyncPropertyWithHooks<T>, opts: { seed: number; numRuns: number }): Promise<void> {
  for (let done = 0, k = 0; done < opts.numRuns; done += CHUNK, k++) {
    await fc.assert(property, { seed: opts.seed + k, numRuns: Math.min(CHUNK, opts.numRuns - done) });
  }
}
