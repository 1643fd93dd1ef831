/**
 * Part of the API contract: MT engines, cache, provenance, engine settings (issue: Machine translation engines).
 * Methods here join `VersoApi` (shared/api.ts); each needs a zod schema in
 * `shared/features/enginesSchemas.ts` and a service in `main/services/features/engines.ts`.
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

/**
 * Changing the key: `apiKey` stores a new one, `clearKey` removes the stored one, neither keeps it —
 * unless the address now points at another server (origin): a stored key is never sent to a new host.
 */
interface KeyChange {
  apiKey?: string;
  clearKey?: boolean;
}

/** `allowUnencrypted`: the explicit consent a plain http:// address on another computer needs (default false). */
interface Transport {
  allowUnencrypted?: boolean;
}

export type SaveEngineSettingsInput =
  | ({ engine: 'deepl'; enabled: boolean; baseUrl: string; formality: DeeplFormality; glossaryId: string } & KeyChange & Transport)
  | ({ engine: 'libretranslate'; enabled: boolean; baseUrl: string } & KeyChange & Transport)
  | ({ engine: 'openai'; enabled: boolean; baseUrl: string; model: string } & KeyChange & Transport)
  | ({ engine: 'apertium-apy'; enabled: boolean; baseUrl: string } & Transport);

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

export interface EnginesApi {
  /** Engines for a pair, with why the others cannot serve it and the default choice. */
  getEngineChoices(input: { sourceLang: string; targetLang: string }): Promise<EngineChoices>;
  getEngineSettings(input: Record<string, never>): Promise<EngineSettings>;
  saveEngineSettings(input: SaveEngineSettingsInput): Promise<EngineSettings>;
  /** `engineId: null` removes the pair's default. */
  setDefaultEngine(input: { sourceLang: string; targetLang: string; engineId: string | null }): Promise<EngineSettings>;
  /** Starts a background MT job (cached results are reused); progress arrives as `jobProgress` events. */
  translateDocument(input: {
    documentId: string;
    scope: TranslateScope;
    /** For scope 'selection'. */
    paragraphIds?: string[];
    engineId?: string;
  }): Promise<{ jobId: string; total: number }>;
  /** New MT for one paragraph, bypassing the cache; the earlier MT stays in its history. */
  retranslateParagraph(input: { paragraphId: string; engineId?: string }): Promise<{ jobId: string; total: number }>;
}

export const ENGINES_METHODS = [
  'getEngineChoices',
  'getEngineSettings',
  'saveEngineSettings',
  'setDefaultEngine',
  'translateDocument',
  'retranslateParagraph',
] as const satisfies readonly (keyof EnginesApi)[];

/** Error codes this feature adds (each needs `errors.<CODE>` in the renderer's locales). */
export const ENGINES_ERROR_CODES = [
  'ENGINE_NOT_CONFIGURED',
  'ENGINE_AUTH_FAILED',
  'ENGINE_QUOTA_EXCEEDED',
  'ENGINE_RATE_LIMITED',
  'ENGINE_NETWORK',
  'ENGINE_TIMEOUT',
  'ENGINE_SERVER_ERROR',
  'ENGINE_REQUEST_REJECTED',
  'ENGINE_BAD_REPLY',
  'ENGINE_NOT_A_TRANSLATION',
  'ENGINE_URL_INVALID',
  'ENGINE_URL_INSECURE',
  'ENGINE_REPLY_TOO_LARGE',
  'MT_PARAGRAPH_TOO_LONG',
  'ENGINE_MODEL_MISSING',
  'MT_INCOMPLETE',
  'PARAGRAPH_HAS_HUMAN_WORK',
] as const satisfies readonly string[];
