// node-glob, loaded on first use: most runs expand no pattern, and its chunk is ≈22 ms of a cold start.
import { createRequire } from 'node:module';

let glob: typeof import('glob') | undefined;

export const globModule = (): typeof import('glob') => (glob ??= createRequire(import.meta.url)('glob') as typeof import('glob'));
