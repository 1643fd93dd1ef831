/**
 * The interface every machine translation engine implements: Apertium (local) and the HTTP
 * engines (DeepL, LibreTranslate, OpenAI-compatible chat completions).
 */
import { languageFallbacks } from '../../shared/languages.js';
import type { ErrorCode, LanguagePair } from '../../shared/types.js';

export interface MtOutput {
  /** Translated text with engine marks removed. */
  text: string;
  /** Words the engine did not know (each once, in order of appearance). */
  unknownWords: string[];
}

export type EngineKind = 'apertium' | 'deepl' | 'libretranslate' | 'openai';

/**
 * What the MT job needs to know about an engine, declared by the engine (the job never asks which
 * engine it has, so a new engine edits no service). See `capabilitiesOf` (capabilities.ts).
 */
export interface EngineCapabilities {
  /**
   * How it takes glossary terms: in its prompt, as its own glossary, or not at all ('none': no terms
   * are sent, and they are no part of the cache key).
   */
  glossary: 'prompt' | 'native' | 'none';
  /**
   * How inline tokens travel: 'xml', texts that hold tokens are sent XML-escaped with tags
   * (`markup: 'xml'`, inlineMarkup.ts); 'placeholders', as the placeholder characters themselves
   * (Apertium's superblanks).
   */
  markup: 'xml' | 'placeholders';
  /** True when a paragraph's MT depends on its neighbours (they are sent, and part of the cache key). */
  context: boolean;
}

export interface EngineDescription {
  available: boolean;
  unavailableReason: ErrorCode | null;
  /**
   * Version of the engine, or of the language data / model for `pair` when `describe(pair)` was
   * asked (recorded with every MT result and part of the cache key).
   */
  version: string;
  /** Supported directions, as BCP 47 tags of languages Verso knows. */
  pairs: LanguagePair[];
}

/** The neighbours of a paragraph in its document (context for engines that use it). */
export interface ParagraphContext {
  previous: string | null;
  next: string | null;
}

export interface GlossaryTerm {
  source: string;
  target: string;
  /** Default false: "european union" also matches "European Union". */
  caseSensitive?: boolean;
  /** Translations that must not be used. */
  forbidden?: readonly string[];
}

export interface TranslateOptions {
  signal: AbortSignal;
  /**
   * Called once per text as its translation arrives (not necessarily in input order). Not called
   * after an abort. An exception thrown here stops the batch, which then rejects with it.
   */
  onResult?: (index: number, output: MtOutput) => void;
  /**
   * Called when one text failed while the others go on (for example a chat model's reply that is
   * not a translation). Without it such a failure rejects the whole batch.
   */
  onItemError?: (index: number, error: Error) => void;
  /** Per text, its neighbouring paragraphs (engines whose capabilities say `context`). */
  context?: readonly ParagraphContext[];
  /** Terms to use when the engine can take them. */
  glossary?: readonly GlossaryTerm[];
  /**
   * 'xml': the texts are XML-escaped and hold inline-token tags (`<t1>…</t1>`, `<x2/>`, see
   * inlineMarkup.ts) that the translation must keep. Not used for Apertium (superblanks).
   */
  markup?: 'xml';
}

export interface MtEngine {
  readonly id: string;
  readonly name: string;
  /** Default: 'apertium' for engines that do not say. Shown to the user; services never branch on it. */
  readonly kind?: EngineKind;
  /** What it can do. Engines that do not say get those of their kind (capabilities.ts). */
  readonly capabilities?: EngineCapabilities;
  /** For engines without `capabilities`: true when a paragraph's MT depends on its neighbours. Default false. */
  readonly usesContext?: boolean;
  /** True for engines that run on this computer (no network). Default false. */
  readonly local?: boolean;
  describe(pair?: LanguagePair): Promise<EngineDescription>;
  /**
   * Translates `texts` (one paragraph each) keeping exact boundaries: the result has one output
   * per input, in order, each independent of the other texts of the batch. Rejects with a
   * ServiceError (ENGINE_*) on failure and with the signal's reason when aborted. Texts reported
   * through `onItemError` have an empty output in the result.
   */
  translateBatch(texts: readonly string[], pair: LanguagePair, options: TranslateOptions): Promise<MtOutput[]>;
  /** Ends whatever the engine keeps running between batches (optional). */
  close?(): void;
}

/** Whether `pairs` has exactly this direction. */
export function hasPair(pairs: readonly LanguagePair[], pair: LanguagePair): boolean {
  return pairs.some((p) => p.source === pair.source && p.target === pair.target);
}

/**
 * The engine's own pair that serves a document's pair: the exact direction, else the closest
 * broader tags (`pt-BR` is served by an engine's `pt`). Null when none does.
 */
export function matchPair(pairs: readonly LanguagePair[], wanted: LanguagePair): LanguagePair | null {
  const sources = languageFallbacks(wanted.source).map((t) => t.toLowerCase());
  const targets = languageFallbacks(wanted.target).map((t) => t.toLowerCase());
  let best: { pair: LanguagePair; rank: number } | null = null;
  for (const p of pairs) {
    const s = sources.indexOf(p.source.toLowerCase());
    const t = targets.indexOf(p.target.toLowerCase());
    if (s < 0 || t < 0) continue;
    const rank = s + t;
    if (!best || rank < best.rank) best = { pair: p, rank };
  }
  return best ? { ...best.pair } : null;
}
