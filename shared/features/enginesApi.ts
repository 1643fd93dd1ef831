/**
 * Types of the MT engines, cache, provenance and engine settings. The methods are declared in
 * `enginesContract.ts`, served by `main/services/features/engines.ts`.
 */
import type { EngineInfo } from '../types.js';

export type EngineKind = 'apertium' | 'deepl' | 'libretranslate' | 'openai';
/** The engines that run over HTTP and are configured in the settings (one of each). */
export type HttpEngineId = 'deepl' | 'libretranslate' | 'openai';
export const HTTP_ENGINE_IDS = ['deepl', 'libretranslate', 'openai'] as const satisfies readonly HttpEngineId[];

/** Which paragraphs a translation job takes (never one with human work). */
export type TranslateScope =
  /** Every paragraph without human work (new or machine). */
  | 'all'
  /** Only paragraphs without any translation yet (new). */
  | 'empty'
  /** The paragraphs named in `paragraphIds` (those without human work). */
  | 'selection';
export const TRANSLATE_SCOPES = ['all', 'empty', 'selection'] as const satisfies readonly TranslateScope[];

export interface EngineChoice extends EngineInfo {
  kind: EngineKind;
  /** Runs on this computer (no network). */
  local: boolean;
  /** Version or model recorded with its MT for this pair ('' when unknown or unavailable). */
  version: string;
}

export interface EngineChoices {
  engines: EngineChoice[];
  /** The engine chosen in the settings for this pair, when it can translate it; else the first that can. */
  defaultEngineId: string | null;
}

export type DeeplFormality = 'default' | 'more' | 'less' | 'prefer_more' | 'prefer_less';
export const DEEPL_FORMALITIES = ['default', 'more', 'less', 'prefer_more', 'prefer_less'] as const satisfies readonly DeeplFormality[];

/** What the renderer may know about an HTTP engine's settings: never the key itself. */
export interface HttpEngineSettingsView {
  enabled: boolean;
  /** '' for the engine's default (DeepL: chosen from the key). */
  baseUrl: string;
  /** A key is available (stored, or in the environment). */
  keySet: boolean;
  keySource: 'stored' | 'environment' | null;
  /** The environment variable read when no key is stored. */
  keyEnvVar: string;
  /** The user allowed a plain http:// address on another computer (main refuses one otherwise). */
  allowUnencrypted: boolean;
}

export interface EngineSettings {
  deepl: HttpEngineSettingsView & { formality: DeeplFormality; glossaryId: string };
  libretranslate: HttpEngineSettingsView;
  openai: HttpEngineSettingsView & { model: string };
  /** A running apertium-apy server (no key). */
  apertiumApy: { enabled: boolean; baseUrl: string; allowUnencrypted: boolean };
  /** Default engine per language pair. */
  defaults: { sourceLang: string; targetLang: string; engineId: string }[];
}

export interface MtProvenanceEntry {
  revisionId: number;
  engineId: string;
  engineVersion: string;
  sourceLang: string;
  targetLang: string;
  /** When the engine produced this text (for a cache hit: when it first did). */
  producedAt: string;
  /** When it was written into the paragraph. */
  writtenAt: string;
  fromCache: boolean;
  /** Asked for again with "Retranslate" (the cache was bypassed). */
  retranslated: boolean;
  text: string;
  unknownWords: string[];
}
