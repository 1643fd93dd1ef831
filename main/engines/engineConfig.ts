/**
 * The engine settings kept in the settings table (never the keys: those are in the SecretStore),
 * and the HTTP engines built from them.
 */
import { z } from 'zod';
import { DEEPL_FORMALITIES, type DeeplFormality } from '../../shared/features/enginesApi.js';
import type { SettingsRepo } from '../db/repositories/settingsRepo.js';
import { ServiceError } from '../services/serviceError.js';
import type { SecretStore } from '../electron/secretStore.js';
import { createApertiumApyEngine } from './http/apertiumApy.js';
import { createDeeplEngine } from './http/deepl.js';
import type { HttpOptions } from './http/httpClient.js';
import { createLibreTranslateEngine } from './http/libreTranslate.js';
import { createOpenAiEngine } from './http/openAiChat.js';
import type { MtEngine } from './mtEngine.js';

export interface StoredEngineConfig {
  deepl: { enabled: boolean; baseUrl: string; formality: DeeplFormality; glossaryId: string };
  libretranslate: { enabled: boolean; baseUrl: string };
  openai: { enabled: boolean; baseUrl: string; model: string };
  /** A running apertium-apy server the user points at (no key). */
  apertiumApy: { enabled: boolean; baseUrl: string };
}

export interface EngineDefault {
  sourceLang: string;
  targetLang: string;
  engineId: string;
}

export const ENGINE_CONFIG_KEY = 'engines.config';
export const ENGINE_DEFAULTS_KEY = 'engines.defaults';

export const DEFAULT_ENGINE_CONFIG: StoredEngineConfig = {
  deepl: { enabled: false, baseUrl: '', formality: 'default', glossaryId: '' },
  libretranslate: { enabled: false, baseUrl: '' },
  openai: { enabled: false, baseUrl: '', model: '' },
  apertiumApy: { enabled: false, baseUrl: '' },
};

const configSchema = z.object({
  deepl: z.object({ enabled: z.boolean(), baseUrl: z.string(), formality: z.enum(DEEPL_FORMALITIES), glossaryId: z.string() }),
  libretranslate: z.object({ enabled: z.boolean(), baseUrl: z.string() }),
  openai: z.object({ enabled: z.boolean(), baseUrl: z.string(), model: z.string() }),
  // Added later: settings saved before it existed read as "not set up".
  apertiumApy: z.object({ enabled: z.boolean(), baseUrl: z.string() }).default({ enabled: false, baseUrl: '' }),
});
const defaultsSchema = z.array(z.object({ sourceLang: z.string(), targetLang: z.string(), engineId: z.string() }));

export function readEngineConfig(settings: SettingsRepo): StoredEngineConfig {
  const parsed = configSchema.safeParse(settings.get(ENGINE_CONFIG_KEY));
  if (!parsed.success) return structuredClone(DEFAULT_ENGINE_CONFIG);
  return parsed.data;
}

export function writeEngineConfig(settings: SettingsRepo, config: StoredEngineConfig): void {
  settings.set(ENGINE_CONFIG_KEY, configSchema.parse(config));
}

export function readEngineDefaults(settings: SettingsRepo): EngineDefault[] {
  const parsed = defaultsSchema.safeParse(settings.get(ENGINE_DEFAULTS_KEY));
  return parsed.success ? parsed.data : [];
}

export function writeEngineDefaults(settings: SettingsRepo, defaults: EngineDefault[]): void {
  settings.set(ENGINE_DEFAULTS_KEY, defaultsSchema.parse(defaults));
}

/**
 * An http(s) base URL without credentials, query or trailing slash; '' stays ''. Throws
 * ENGINE_URL_INVALID otherwise.
 */
export function normalizeBaseUrl(value: string): string {
  const trimmed = value.trim();
  if (trimmed === '') return '';
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new ServiceError('ENGINE_URL_INVALID', `"${trimmed.slice(0, 100)}" is not a web address.`, { url: trimmed.slice(0, 100) });
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw new ServiceError('ENGINE_URL_INVALID', `"${trimmed.slice(0, 100)}" is not an http(s) address without user, query or fragment.`, {
      url: `${url.protocol}//${url.host}`,
    });
  }
  return url.toString().replace(/\/+$/, '');
}

/** The HTTP engines for these settings; each reads its key (if it has one) from `secrets` when it needs it. */
export function buildHttpEngines(config: StoredEngineConfig, secrets: SecretStore, http: HttpOptions): MtEngine[] {
  return [
    createDeeplEngine({ ...config.deepl, getKey: () => secrets.get('deepl'), http }),
    createLibreTranslateEngine({ ...config.libretranslate, getKey: () => secrets.get('libretranslate'), http }),
    createOpenAiEngine({ ...config.openai, getKey: () => secrets.get('openai'), http }),
    createApertiumApyEngine({ ...config.apertiumApy, http }),
  ];
}
