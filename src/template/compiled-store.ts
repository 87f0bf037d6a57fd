// Where compiled templates are kept between runs: Handlebars' parser and code generator cost a fresh
// process more than rendering does (≈70 ms for a unit's templates), and the built-in templates are
// the same every run. The CLI and the batch workers give a store in the user's cache folder
// (world/template-cache.ts); without one, templates are compiled in memory as before.

export interface CompiledStore {
  /** The precompiled template (Handlebars' JavaScript spec) kept under `key`, if any. */
  get(key: string): string | undefined;
  set(key: string, spec: string): void;
}

let store: CompiledStore | undefined;

export function useCompiledStore(s: CompiledStore | undefined): void {
  store = s;
}

export const compiledStore = (): CompiledStore | undefined => store;
