/** MT engines, cache, provenance, engine settings (issue: Machine translation engines): the methods, declared once. */
import { z } from 'zod';
import { exactly, type ApiOf, type Contract } from '../contract/contract.js';
import { MT_START_ERRORS } from '../contract/errorSets.js';
import { empty, engineInfoShape, id, jobStartedSchema, langTag } from '../contract/models.js';
import { LIMITS } from '../limits.js';
import { DEEPL_FORMALITIES, TRANSLATE_SCOPES, type EngineChoices, type EngineSettings } from './enginesApi.js';

/** Longest base URL, model name, glossary id and key accepted. */
export const ENGINE_FIELD_LIMITS = { url: 2000, model: 200, glossaryId: 200, key: 1000 } as const;

/** '' (the engine's default) or an http(s) URL; checked again (and normalised) in main. */
const baseUrl = z.string().trim().max(ENGINE_FIELD_LIMITS.url);
/**
 * Changing the key: `apiKey` stores a new one, `clearKey` removes the stored one, neither keeps it —
 * unless the address now points at another server (origin): a stored key is never sent to a new host.
 */
const key = {
  apiKey: z.string().trim().min(1).max(ENGINE_FIELD_LIMITS.key).optional(),
  clearKey: z.boolean().optional(),
};
/** The explicit consent a plain http:// address on another computer needs (default false). */
const allowUnencrypted = z.boolean().optional();

const saveEngineSettingsInput = z.discriminatedUnion('engine', [
  z
    .object({
      engine: z.literal('deepl'),
      enabled: z.boolean(),
      baseUrl,
      formality: z.enum(DEEPL_FORMALITIES),
      glossaryId: z.string().trim().max(ENGINE_FIELD_LIMITS.glossaryId),
      allowUnencrypted,
      ...key,
    })
    .strict(),
  z.object({ engine: z.literal('libretranslate'), enabled: z.boolean(), baseUrl, allowUnencrypted, ...key }).strict(),
  z
    .object({
      engine: z.literal('openai'),
      enabled: z.boolean(),
      baseUrl,
      model: z.string().trim().max(ENGINE_FIELD_LIMITS.model),
      allowUnencrypted,
      ...key,
    })
    .strict(),
  z.object({ engine: z.literal('apertium-apy'), enabled: z.boolean(), baseUrl, allowUnencrypted }).strict(),
]);
export type SaveEngineSettingsInput = z.output<typeof saveEngineSettingsInput>;

const engineChoices = exactly<EngineChoices>()(
  z.object({
    engines: z.array(
      z.object({
        ...engineInfoShape,
        kind: z.enum(['apertium', 'deepl', 'libretranslate', 'openai']),
        local: z.boolean(),
        version: z.string(),
      }),
    ),
    defaultEngineId: z.string().nullable(),
  }),
);

const httpEngineView = {
  enabled: z.boolean(),
  baseUrl: z.string(),
  keySet: z.boolean(),
  keySource: z.enum(['stored', 'environment']).nullable(),
  keyEnvVar: z.string(),
  allowUnencrypted: z.boolean(),
};
const engineSettings = exactly<EngineSettings>()(
  z.object({
    deepl: z.object({ ...httpEngineView, formality: z.enum(DEEPL_FORMALITIES), glossaryId: z.string() }),
    libretranslate: z.object(httpEngineView),
    openai: z.object({ ...httpEngineView, model: z.string() }),
    apertiumApy: z.object({ enabled: z.boolean(), baseUrl: z.string(), allowUnencrypted: z.boolean() }),
    defaults: z.array(z.object({ sourceLang: z.string(), targetLang: z.string(), engineId: z.string() })),
  }),
);

export const enginesContract = {
  /** Engines for a pair, with why the others cannot serve it and the default choice. */
  getEngineChoices: { input: z.object({ sourceLang: langTag, targetLang: langTag }).strict(), output: engineChoices, errors: [] },
  getEngineSettings: { input: empty, output: engineSettings, errors: [] },
  saveEngineSettings: {
    input: saveEngineSettingsInput,
    output: engineSettings,
    errors: [
      'NO_PROFILE',
      'ENGINE_URL_INVALID',
      'ENGINE_URL_INSECURE',
      'ENGINE_MODEL_MISSING',
      'KEY_STORE_UNAVAILABLE',
      'KEY_STORE_PLAIN_TEXT',
    ],
  },
  /** `engineId: null` removes the pair's default. */
  setDefaultEngine: {
    input: z.object({ sourceLang: langTag, targetLang: langTag, engineId: id.nullable() }).strict(),
    output: engineSettings,
    errors: ['NO_PROFILE', 'ENGINE_NOT_FOUND'],
  },
  /** Starts a background MT job (cached results are reused); progress arrives as `jobProgress` events. */
  translateDocument: {
    input: z
      .object({
        documentId: id,
        scope: z.enum(TRANSLATE_SCOPES),
        /** For scope 'selection'. */
        paragraphIds: z.array(id).max(LIMITS.paragraphIds).optional(),
        engineId: id.optional(),
      })
      .strict(),
    output: jobStartedSchema,
    errors: [...MT_START_ERRORS],
  },
  /** New MT for one paragraph, bypassing the cache; the earlier MT stays in its history. */
  retranslateParagraph: {
    input: z.object({ paragraphId: id, engineId: id.optional() }).strict(),
    output: jobStartedSchema,
    errors: ['PARAGRAPH_HAS_HUMAN_WORK', ...MT_START_ERRORS],
  },
} as const satisfies Contract;

export type EnginesApi = ApiOf<typeof enginesContract>;
