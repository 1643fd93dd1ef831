/**
 * Where the app reads and writes its route: the URL hash. main.tsx gives the window's
 * (`createWindowLocation`); tests and the default use an in-memory history with back/forward.
 */
export interface AppLocation {
  /** The current hash ('' or '#/…'). */
  hash(): string;
  /** Goes to `hash`: a new history entry, or (`replace`) instead of the current one. */
  go(hash: string, options?: { replace?: boolean }): void;
  /** Called after every change of the hash (a `go`, back, forward, or an edited address). */
  subscribe(listener: () => void): () => void;
}

export interface MemoryLocation extends AppLocation {
  back(): void;
  forward(): void;
  /** Every entry of the history, oldest first. */
  readonly entries: readonly string[];
}

export function createMemoryLocation(initial = ''): MemoryLocation {
  const entries = [initial];
  let at = 0;
  const listeners = new Set<() => void>();
  const notify = (): void => listeners.forEach((l) => l());
  return {
    get entries() {
      return entries;
    },
    hash: () => entries[at]!,
    go(hash, options) {
      if (options?.replace) entries[at] = hash;
      else {
        entries.splice(at + 1, entries.length, hash);
        at += 1;
      }
      notify();
    },
    back() {
      if (at > 0) {
        at -= 1;
        notify();
      }
    },
    forward() {
      if (at < entries.length - 1) {
        at += 1;
        notify();
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
