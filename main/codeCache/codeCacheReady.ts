/**
 * How a bundle run by runWithCodeCache.ts (in another bundle: the loader) says its work is done,
 * so that its code cache, when one is to be written, holds the functions that work compiled. The two
 * bundles share nothing but the global object: the hook is kept under a registered symbol.
 */
const READY = Symbol.for('verso.codeCacheReady');

type Holder = Record<symbol, (() => void) | undefined>;

/** The loader's side: `save` runs at the first `markCodeCacheReady`. */
export function onCodeCacheReady(save: () => void): void {
  (globalThis as unknown as Holder)[READY] = save;
}

/** The bundle's work is done (a worker's first job): its code cache is written now, if it is to be (once). */
export function markCodeCacheReady(): void {
  const holder = globalThis as unknown as Holder;
  const save = holder[READY];
  holder[READY] = undefined;
  save?.();
}
