/** zod schemas for the methods of `EnginesApi`. */
import { z } from 'zod';
import { DEEPL_FORMALITIES, TRANSLATE_SCOPES, type EnginesApi } from './enginesApi.js';
import type { SchemaMap } from '../schemaMap.js';
import { LIMITS } from '../limits.js';

const id = z.string().min(1).max(64);
const langTag = z.string().min(2).max(35);
const empty = z.object({}).strict();

/** Longest base URL, model name, glossary id and key accepted. */
export const ENGINE_FIELD_LIMITS = { url: 2000, model: 200, glossaryId: 200, key: 1000 } as const;

/** '' (the engine's default) or an http(s) URL; checked again (and normalised) in main. */
const baseUrl = z.string().trim().max(ENGINE_FIELD_LIMITS.url);
const key = {
  apiKey: z.string().trim().min(1).max(ENGINE_FIELD_LIMITS.key).optional(),
  clearKey: z.boolean().optional(),
};
const allowUnencrypted = z.boolean().optional();

export const enginesSchemas = {
  getEngineChoices: z.object({ sourceLang: langTag, targetLang: langTag }).strict(),
  getEngineSettings: empty,
  saveEngineSettings: z.discriminatedUnion('engine', [
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
  ]),
  setDefaultEngine: z.object({ sourceLang: langTag, targetLang: langTag, engineId: id.nullable() }).strict(),
  translateDocument: z
    .object({
      documentId: id,
      scope: z.enum(TRANSLATE_SCOPES),
      paragraphIds: z.array(id).max(LIMITS.paragraphIds).optional(),
      engineId: id.optional(),
    })
    .strict(),
  retranslateParagraph: z.object({ paragraphId: id, engineId: id.optional() }).strict(),
} satisfies SchemaMap<EnginesApi>;
