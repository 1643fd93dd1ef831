/** A scriptable MT engine for tests of the services (the real one is tested against Apertium). */
import type { LanguagePair } from '../../shared/types.js';
import type { EngineDescription, EngineKind, MtEngine, MtOutput } from '../engines/mtEngine.js';

export interface FakeEngineOptions {
  id?: string;
  name?: string;
  available?: boolean;
  pairs?: LanguagePair[];
  version?: string;
  /** Default: upper-cases the text and prefixes "MT: ". */
  translate?: (text: string) => string;
  /** Throw this after delivering this many results. */
  failAfter?: { count: number; error: Error };
  /** Wait for this before delivering results (to interleave human work). */
  gate?: Promise<void>;
  /** The kind of engine it stands in for (default: none, treated like Apertium). */
  kind?: EngineKind;
}

export interface FakeEngine extends MtEngine {
  batches: string[][];
}

export function createFakeEngine(options: FakeEngineOptions = {}): FakeEngine {
  const batches: string[][] = [];
  const translate = options.translate ?? ((t: string) => `MT: ${t.toUpperCase()}`);
  return {
    id: options.id ?? 'fake',
    name: options.name ?? 'Fake MT',
    ...(options.kind ? { kind: options.kind } : {}),
    batches,
    async describe(): Promise<EngineDescription> {
      const available = options.available ?? true;
      return {
        available,
        unavailableReason: available ? null : 'ENGINE_UNAVAILABLE',
        version: options.version ?? 'fake 1.0',
        pairs: available ? (options.pairs ?? [{ source: 'en', target: 'es' }]) : [],
      };
    },
    async translateBatch(texts, _pair, { signal, onResult }) {
      batches.push([...texts]);
      if (options.gate) {
        await new Promise<void>((resolve, reject) => {
          const onAbort = (): void => reject(signal.reason);
          signal.addEventListener('abort', onAbort, { once: true });
          void options.gate!.then(() => {
            signal.removeEventListener('abort', onAbort);
            resolve();
          });
        });
      }
      const out: MtOutput[] = [];
      for (const [i, text] of texts.entries()) {
        signal.throwIfAborted();
        if (options.failAfter && i >= options.failAfter.count) throw options.failAfter.error;
        const output = { text: translate(text), unknownWords: [] };
        out.push(output);
        onResult?.(i, output);
        await new Promise((r) => setImmediate(r));
      }
      return out;
    },
  };
}
