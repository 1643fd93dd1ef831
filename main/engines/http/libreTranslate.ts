/**
 * LibreTranslate (self-hosted): `GET /languages` lists the languages and their targets,
 * `POST /translate` takes `q` as an array (one translation per paragraph, in order), `source`,
 * `target`, `format: "text"` and an optional `api_key`.
 */
import { normalizeLanguageTag } from '../../../shared/languages.js';
import type { LanguagePair } from '../../../shared/types.js';
import { ServiceError, isServiceError } from '../../core/serviceError.js';
import type { EngineDescription, MtEngine, MtOutput, TranslateOptions } from '../mtEngine.js';
import { chunkTexts, forEachBounded, jsonBytes, requestJson, type HttpOptions } from './httpClient.js';
import { cachedDescription } from './languageCache.js';

export interface LibreTranslateOptions {
  enabled: boolean;
  baseUrl: string;
  getKey: () => Promise<string | null>;
  http: HttpOptions;
}

/** Texts and bytes per request (LibreTranslate servers often limit characters per request). */
const MAX_TEXTS = 25;
const MAX_BYTES = 32 * 1024;

/** LibreTranslate's own codes that are not BCP 47 tags Verso knows. */
const SPECIAL: Readonly<Record<string, string>> = { zh: 'zh-Hans', 'zh-hans': 'zh-Hans', zt: 'zh-Hant', 'zh-hant': 'zh-Hant', pb: 'pt-BR' };

export function libreCodeToTag(code: string): string | null {
  return SPECIAL[code.toLowerCase()] ?? normalizeLanguageTag(code);
}

interface LibreLanguage {
  code: string;
  targets?: string[];
}

function parseLanguages(body: unknown): LibreLanguage[] {
  if (!Array.isArray(body))
    throw new ServiceError('ENGINE_BAD_REPLY', 'LibreTranslate sent a language list of an unknown shape.', { engine: 'LibreTranslate' });
  return body
    .filter(
      (l): l is { code: string; targets?: unknown } =>
        typeof l === 'object' && l !== null && typeof (l as { code?: unknown }).code === 'string',
    )
    .map((l) => ({
      code: l.code,
      ...(Array.isArray(l.targets) ? { targets: l.targets.filter((t): t is string => typeof t === 'string') } : {}),
    }));
}

export function createLibreTranslateEngine(options: LibreTranslateOptions): MtEngine {
  const name = 'LibreTranslate';
  const base = options.baseUrl.replace(/\/+$/, '');
  const host = base === '' ? '' : new URL(base).host;
  /** Verso tag -> the server's code, per direction. */
  const codes = new Map<string, string>();

  const description = cachedDescription(async (): Promise<EngineDescription> => {
    if (!options.enabled || base === '') return { available: false, unavailableReason: 'ENGINE_NOT_CONFIGURED', version: '', pairs: [] };
    try {
      const reply = await requestJson(
        { engine: name, method: 'GET', url: `${base}/languages`, signal: AbortSignal.timeout(options.http.timeoutMs) },
        { ...options.http, maxRetries: 0 },
      );
      const languages = parseLanguages(reply.body);
      const all = languages.map((l) => l.code);
      const pairs: LanguagePair[] = [];
      for (const l of languages) {
        const source = libreCodeToTag(l.code);
        if (!source) continue;
        codes.set(source, l.code);
        for (const t of l.targets ?? all) {
          const target = libreCodeToTag(t);
          if (!target || target === source) continue;
          codes.set(target, t);
          if (!pairs.some((p) => p.source === source && p.target === target)) pairs.push({ source, target });
        }
      }
      return { available: true, unavailableReason: null, version: `libretranslate ${host}`, pairs };
    } catch (err) {
      if (isServiceError(err)) return { available: false, unavailableReason: err.code, version: `libretranslate ${host}`, pairs: [] };
      throw err;
    }
  });

  async function translateBatch(
    texts: readonly string[],
    pair: LanguagePair,
    { signal, onResult, markup }: TranslateOptions,
  ): Promise<MtOutput[]> {
    signal.throwIfAborted();
    const d = await description.get();
    if (!d.available)
      throw ServiceError.withDetails(d.unavailableReason ?? 'ENGINE_UNAVAILABLE', `${name} is not available.`, { engine: name });
    const source = codes.get(pair.source);
    const target = codes.get(pair.target);
    if (!source || !target || !d.pairs.some((p) => p.source === pair.source && p.target === pair.target)) {
      throw new ServiceError('ENGINE_PAIR_UNSUPPORTED', `${name} cannot translate ${pair.source} → ${pair.target}.`, {
        source: pair.source,
        target: pair.target,
      });
    }
    const key = await options.getKey();
    const results: MtOutput[] = texts.map(() => ({ text: '', unknownWords: [] }));
    const todo = texts.map((_, i) => i).filter((i) => texts[i]!.trim() !== '');
    const chunks = chunkTexts(todo, texts, MAX_TEXTS, MAX_BYTES, jsonBytes);
    await forEachBounded(chunks, options.http.concurrency, signal, async (chunk) => {
      const reply = await requestJson(
        {
          engine: name,
          method: 'POST',
          url: `${base}/translate`,
          body: {
            q: chunk.map((i) => texts[i]!),
            source,
            target,
            format: markup === 'xml' ? 'html' : 'text',
            ...(key ? { api_key: key } : {}),
          },
          signal,
        },
        options.http,
      );
      const translated = (reply.body as { translatedText?: unknown } | null)?.translatedText;
      if (!Array.isArray(translated) || translated.length !== chunk.length || !translated.every((t) => typeof t === 'string')) {
        throw new ServiceError(
          'ENGINE_BAD_REPLY',
          `${name} sent ${Array.isArray(translated) ? translated.length : 'no'} translations for ${chunk.length} paragraphs.`,
          {
            engine: name,
            host,
          },
        );
      }
      chunk.forEach((index, k) => {
        const output = { text: (translated[k] as string).trim(), unknownWords: [] };
        results[index] = output;
        signal.throwIfAborted();
        onResult?.(index, output);
      });
    });
    return results;
  }

  return {
    id: 'libretranslate',
    name,
    kind: 'libretranslate',
    local: false,
    capabilities: { glossary: 'none', markup: 'xml', context: false },
    describe: () => description.get(),
    translateBatch,
  };
}
