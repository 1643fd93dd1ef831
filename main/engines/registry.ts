/**
 * The MT engines of this backend: the fixed ones (Apertium first, so it is the default for the
 * pairs it has) and the HTTP engines configured in the settings, which the engines service
 * replaces whenever their settings change. Also holds what building those needs: the key store
 * and the HTTP behaviour (timeouts, retries, concurrency).
 */
import type { LanguagePair } from '../../shared/types.js';
import { createMemorySecretStore, type SecretStore } from './secretStore.js';
import { DEFAULT_HTTP_OPTIONS, type HttpOptions } from './http/httpClient.js';
import { matchPair, type MtEngine } from './mtEngine.js';

export interface EngineRegistry {
  list(): readonly MtEngine[];
  get(id: string): MtEngine | null;
  /** The first available engine (in registration order) that serves this pair, else null. */
  forPair(pair: LanguagePair): Promise<MtEngine | null>;
  /** Replaces the configured (HTTP) engines; the fixed ones stay first. */
  setConfigured(engines: readonly MtEngine[]): void;
  /** Where the HTTP engines' keys live. */
  readonly secrets: SecretStore;
  /** How the HTTP engines behave on the network. */
  readonly http: HttpOptions;
}

export interface EngineRegistryOptions {
  secrets?: SecretStore;
  http?: Partial<HttpOptions>;
}

function checkIds(engines: readonly MtEngine[]): void {
  const ids = new Set<string>();
  for (const e of engines) {
    if (ids.has(e.id)) throw new Error(`Two MT engines share the id '${e.id}'`);
    ids.add(e.id);
  }
}

export function createEngineRegistry(engines: MtEngine[], options: EngineRegistryOptions = {}): EngineRegistry {
  const fixed = Object.freeze([...engines]);
  checkIds(fixed);
  let list: readonly MtEngine[] = fixed;
  return {
    list: () => list,
    get: (id) => list.find((e) => e.id === id) ?? null,
    async forPair(pair) {
      for (const engine of list) {
        try {
          const d = await engine.describe(pair);
          if (d.available && matchPair(d.pairs, pair)) return engine;
        } catch {
          // An engine that cannot even describe itself is skipped.
        }
      }
      return null;
    },
    setConfigured(configured) {
      const next = Object.freeze([...fixed, ...configured.filter((e) => !fixed.some((f) => f.id === e.id))]);
      checkIds(next);
      list = next;
    },
    secrets: options.secrets ?? createMemorySecretStore(),
    http: { ...DEFAULT_HTTP_OPTIONS, ...options.http },
  };
}
