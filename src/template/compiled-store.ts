// Where compiled templates are kept between runs: Handlebars' parser and code generator cost a fresh
// process more than rendering does (≈70 ms for a unit's templates), and the built-in templates are
// the same every run. The CLI and the batch workers give a store in the user's cache folder
// (world/template-cache.ts); without one, templates are compiled in memory as before. Keys are the
// template's hash; values Handlebars' precompiled JavaScript specs.
import { storeSlot, type TextStore } from '../world/store-slot.js';

export type CompiledStore = TextStore;

const slot = storeSlot();
export const useCompiledStore = slot.use;
export const compiledStore = slot.get;
