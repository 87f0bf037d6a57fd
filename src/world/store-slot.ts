// A store of compiled things (text by key) that the edge — the CLI, a batch worker — hands to the code
// that compiles them; without one, that code compiles in each process as before.

export interface TextStore {
  get(key: string): string | undefined;
  set(key: string, text: string): void;
}

export function storeSlot(): { use(s: TextStore | undefined): void; get(): TextStore | undefined } {
  let store: TextStore | undefined;
  return {
    use: (s) => {
      store = s;
    },
    get: () => store,
  };
}
