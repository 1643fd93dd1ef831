/**
 * What an HTTP engine learned about itself (pairs, availability), kept for a while so the editor
 * does not ask the server on every look; failures are kept shorter.
 */
import type { EngineDescription } from '../mtEngine.js';

export function cachedDescription(
  load: () => Promise<EngineDescription>,
  okMs = 5 * 60_000,
  failedMs = 10_000,
): { get(): Promise<EngineDescription>; clear(): void } {
  let entry: { at: number; value: Promise<EngineDescription> } | null = null;
  return {
    get() {
      const now = Date.now();
      if (entry && now - entry.at < okMs) return entry.value;
      const value = load();
      const current = { at: now, value };
      entry = current;
      void value.then(
        (d) => {
          // Keep a failure only briefly: the server may be up again soon.
          if (!d.available && entry === current) entry = { at: now - okMs + failedMs, value };
        },
        () => {
          if (entry === current) entry = null;
        },
      );
      return value;
    },
    clear() {
      entry = null;
    },
  };
}
