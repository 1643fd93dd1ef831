/** The MT engines of this backend; Apertium first, so it is the default for the pairs it has. */
import type { LanguagePair } from '../../shared/types.js';
import { hasPair, type MtEngine } from './mtEngine.js';

export interface EngineRegistry {
  list(): readonly MtEngine[];
  get(id: string): MtEngine | null;
  /** The first available engine (in registration order) that has this pair, else null. */
  forPair(pair: LanguagePair): Promise<MtEngine | null>;
}

export function createEngineRegistry(engines: MtEngine[]): EngineRegistry {
  const ids = new Set<string>();
  for (const e of engines) {
    if (ids.has(e.id)) throw new Error(`Two MT engines share the id '${e.id}'`);
    ids.add(e.id);
  }
  const list = Object.freeze([...engines]);
  return {
    list: () => list,
    get: (id) => list.find((e) => e.id === id) ?? null,
    async forPair(pair) {
      for (const engine of list) {
        try {
          const d = await engine.describe();
          if (d.available && hasPair(d.pairs, pair)) return engine;
        } catch {
          // An engine that cannot even describe itself is skipped.
        }
      }
      return null;
    },
  };
}
