// Where compiled DOCX skeletons are kept between runs (package-skeleton.ts): compiling one loads the
// `docx` library and runs its compiler, ≈130 ms of a fresh process, for parts that depend only on
// our code and two inputs. The CLI and the batch workers give a store in the user's cache folder
// keyed by the bundle's build (world/template-cache.ts buildStore); without one, each process compiles.
import { storeSlot } from '../../world/store-slot.js';

const slot = storeSlot();
export const useSkeletonStore = slot.use;
export const skeletonStore = slot.get;
