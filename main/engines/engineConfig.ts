/**
 * The engine settings kept in the settings table (never the keys: those are in the SecretStore),
 * and the HTTP engines built from them.
 */
import { z } from 'zod';
import { DEEPL_FORMALITIES, type DeeplFormality } from '../../shared/features/enginesApi.js';
import { isUnencryptedRemote } from '../../shared/features/engineUrls.js';

export { isLoopbackHost, isUnencryptedRemote, keyServer } from '../../shared/features/engineUrls.js';
import type { SettingsRepo } from '../db/repositories/settingsRepo.js';
import { ServiceError } from '../core/serviceError.js';
import type { SecretStore } from './secretStore.js';
import { createApertiumApyEngine } from './http/apertiumApy.js';
import { createDeeplEngine } from './http/deepl.js';
import type { HttpOptions } from './http/httpClient.js';
import { createLibreTranslateEngine } from './http/libreTranslate.js';
import { createOpenAiEngine } from './http/openAiChat.js';
import type { MtEngine } from './mtEngine.js';

/** `allowUnencrypted`: the user ticked "allow unencrypted connection" for a plain http:// address that is not this computer. */
export interface StoredEngineConfig {
  deepl: { enabled: boolean; baseUrl: string; formality: DeeplFormality; glossaryId: string; allowUnencrypted: boolean };
  libretranslate: { enabled: boolean; baseUrl: string; allowUnencrypted: boolean };
  openai: { enabled: boolean; baseUrl: string; model: string; allowUnencrypted: boolean };
  /** A running apertium-apy server the user points at (no key). */
  apertiumApy: { enabled: boolean; baseUrl: string; allowUnencrypted: boolean };
}

export interface EngineDefault {
  sourceLang: string;
  targetLang: string;
  engineId: string;
}

export const ENGINE_CONFIG_KEY = 'engines.config';
export const ENGINE_DEFAULTS_KEY = 'engines.defaults';

export const DEFAULT_ENGINE_CONFIG: StoredEngineConfig = {
  deepl: { enabled: false, baseUrl: '', formality: 'default', glossaryId: '', allowUnencrypted: false },
  libretranslate: { enabled: false, baseUrl: '', allowUnencrypted: false },
  openai: { enabled: false, baseUrl: '', model: '', allowUnencrypted: false },
  apertiumApy: { enabled: false, baseUrl: '', allowUnencrypted: false },
};

// Added later: settings saved before it existed read as "not allowed".
const allowUnencrypted = z.boolean().default(false);

const configSchema = z.object({
  deepl: z.object({
    enabled: z.boolean(),
    baseUrl: z.string(),
    formality: z.enum(DEEPL_FORMALITIES),
    glossaryId: z.string(),
    allowUnencrypted,
  }),
  libretranslate: z.object({ enabled: z.boolean(), baseUrl: z.string(), allowUnencrypted }),
  openai: z.object({ enabled: z.boolean(), baseUrl: z.string(), model: z.string(), allowUnencrypted }),
  // Added later: settings saved before it existed read as "not set up".
  apertiumApy: z
    .object({ enabled: z.boolean(), baseUrl: z.string(), allowUnencrypted })
    .default({ enabled: false, baseUrl: '', allowUnencrypted: false }),
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
  if (
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    url.username !== '' ||
    url.password !== '' ||
    url.search !== '' ||
    url.hash !== ''
  ) {
    throw new ServiceError('ENGINE_URL_INVALID', `"${trimmed.slice(0, 100)}" is not an http(s) address without user, query or fragment.`, {
      url: `${url.protocol}//${url.host}`,
    });
  }
  return url.toString().replace(/\/+$/, '');
}

/** Refuses (ENGINE_URL_INSECURE) plain http:// to another computer unless the user allowed it. */
export function checkTransport(baseUrl: string, allowUnencrypted: boolean): void {
  if (isUnencryptedRemote(baseUrl) && !allowUnencrypted) {
    throw new ServiceError(
      'ENGINE_URL_INSECURE',
      `${new URL(baseUrl).host} would be reached without encryption (http://); use https:// or allow an unencrypted connection.`,
      {
        host: new URL(baseUrl).host,
      },
    );
  }
}

/** An engine whose stored address is plain http:// to another computer without the user's consent (settings older than the check). */
function refusedEngine(engine: MtEngine, baseUrl: string): MtEngine {
  const reason = (): ServiceError =>
    new ServiceError(
      'ENGINE_URL_INSECURE',
      `${engine.name} is set to an unencrypted address; open its settings to allow it or use https://.`,
      { host: new URL(baseUrl).host },
    );
  return {
    ...engine,
    describe: async () => ({ available: false, unavailableReason: 'ENGINE_URL_INSECURE', version: '', pairs: [] }),
    translateBatch: async () => {
      throw reason();
    },
  };
}

/** The HTTP engines for these settings; each reads its key (if it has one) from `secrets` when it needs it. */
export function buildHttpEngines(config: StoredEngineConfig, secrets: SecretStore, http: HttpOptions): MtEngine[] {
  const guarded = (engine: MtEngine, c: { baseUrl: string; allowUnencrypted: boolean }): MtEngine =>
    isUnencryptedRemote(c.baseUrl) && !c.allowUnencrypted ? refusedEngine(engine, c.baseUrl) : engine;
  return [
    guarded(createDeeplEngine({ ...config.deepl, getKey: () => secrets.get('deepl'), http }), config.deepl),
    guarded(
      createLibreTranslateEngine({ ...config.libretranslate, getKey: () => secrets.get('libretranslate'), http }),
      config.libretranslate,
    ),
    guarded(createOpenAiEngine({ ...config.openai, getKey: () => secrets.get('openai'), http }), config.openai),
    guarded(createApertiumApyEngine({ ...config.apertiumApy, http }), config.apertiumApy),
  ];
}
