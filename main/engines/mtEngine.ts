/**
 * The interface every machine translation engine implements (Apertium now; DeepL,
 * LibreTranslate and OpenAI-compatible engines later).
 */
import type { ErrorCode, LanguagePair } from '../../shared/types.js';

export interface MtOutput {
  /** Translated text with engine marks removed. */
  text: string;
  /** Words the engine did not know (each once, in order of appearance). */
  unknownWords: string[];
}

export interface EngineDescription {
  available: boolean;
  unavailableReason: ErrorCode | null;
  /**
   * Version of the engine, or of the language data for `pair` when `describe(pair)` was asked
   * (recorded with every MT result).
   */
  version: string;
  /** Supported directions, as BCP 47 tags of languages Verso knows. */
  pairs: LanguagePair[];
}

export interface TranslateOptions {
  signal: AbortSignal;
  /** Called once per text as its translation arrives, in order. Not called after an abort. */
  onResult?: (index: number, output: MtOutput) => void;
}

export interface MtEngine {
  readonly id: string;
  readonly name: string;
  describe(pair?: LanguagePair): Promise<EngineDescription>;
  /**
   * Translates `texts` (one paragraph each) keeping exact boundaries: the result has one output
   * per input, in order. Rejects with a ServiceError (ENGINE_*) on failure and with the signal's
   * reason when aborted.
   */
  translateBatch(texts: readonly string[], pair: LanguagePair, options: TranslateOptions): Promise<MtOutput[]>;
}

/** Whether `pairs` has exactly this direction. */
export function hasPair(pairs: readonly LanguagePair[], pair: LanguagePair): boolean {
  return pairs.some((p) => p.source === pair.source && p.target === pair.target);
}
