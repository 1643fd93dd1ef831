/**
 * DeepL API v2: `POST /v2/translate` with `Authorization: DeepL-Auth-Key …`, `text` as an array
 * (≤ 50 texts and ≤ 128 KiB per request), `source_lang`, `target_lang`, optional `formality` and
 * `glossary_id`; `GET /v2/languages?type=source|target` for the languages. Free keys (ending
 * `:fx`) use api-free.deepl.com, others api.deepl.com, unless a base URL is set. Without a fixed
 * glossary id in the settings, the batch's glossary terms go to DeepL as a glossary of its own
 * (`deeplGlossary.ts`).
 */
import { canonicalLanguageTag, normalizeLanguageTag } from '../../../shared/languages.js';
import type { DeeplFormality } from '../../../shared/features/enginesApi.js';
import type { LanguagePair } from '../../../shared/types.js';
import { ServiceError, isServiceError } from '../../core/serviceError.js';
import type { EngineDescription, MtEngine, MtOutput, TranslateOptions } from '../mtEngine.js';
import { createGlossarySync } from './deeplGlossary.js';
import { chunkTexts, forEachBounded, jsonBytes, requestJson, type HttpOptions } from './httpClient.js';

export interface DeeplOptions {
  enabled: boolean;
  /** '' = chosen from the key (free or pro host). */
  baseUrl: string;
  formality: DeeplFormality;
  glossaryId: string;
  getKey: () => Promise<string | null>;
  http: HttpOptions;
}

export const DEEPL_FREE_URL = 'https://api-free.deepl.com';
export const DEEPL_PRO_URL = 'https://api.deepl.com';
/** The API's limits per request. */
export const DEEPL_MAX_TEXTS = 50;
export const DEEPL_MAX_BYTES = 128 * 1024;
/** Room for the rest of the request body (languages, options). */
const BODY_OVERHEAD = 1024;

/** Verso tag for a DeepL language code ('EN-GB' and 'EN-US' both serve 'en'; 'PT-PT' serves 'pt'). */
export function deeplCodeToTag(code: string): string | null {
  const upper = code.toUpperCase();
  const special: Record<string, string> = {
    'EN-US': 'en',
    'EN-GB': 'en',
    'PT-PT': 'pt',
    'PT-BR': 'pt-BR',
    ZH: 'zh-Hans',
    'ZH-HANS': 'zh-Hans',
    'ZH-HANT': 'zh-Hant',
    NB: 'nb',
  };
  return special[upper] ?? normalizeLanguageTag(upper.toLowerCase());
}

/** The host for a key: free keys end with ':fx'. */
export function deeplBaseUrl(configured: string, key: string): string {
  if (configured.trim() !== '') return configured.replace(/\/+$/, '');
  return key.endsWith(':fx') ? DEEPL_FREE_URL : DEEPL_PRO_URL;
}

function parseLanguageList(body: unknown): { language: string; supportsFormality: boolean }[] {
  if (!Array.isArray(body))
    throw new ServiceError('ENGINE_BAD_REPLY', 'DeepL sent a language list of an unknown shape.', { engine: 'DeepL' });
  return body
    .filter((l): l is { language: string; supports_formality?: unknown } => typeof (l as { language?: unknown })?.language === 'string')
    .map((l) => ({ language: l.language, supportsFormality: l.supports_formality === true }));
}

export function createDeeplEngine(options: DeeplOptions): MtEngine {
  const name = 'DeepL';
  /** Per Verso tag: the code to send, and whether formality may be sent. */
  const sourceCodes = new Map<string, string>();
  const targetCodes = new Map<string, { code: string; formality: boolean }>();
  let cache: { key: string; at: number; value: Promise<EngineDescription> } | null = null;
  const glossaries = createGlossarySync(options.http);

  async function load(key: string): Promise<EngineDescription> {
    const base = deeplBaseUrl(options.baseUrl, key);
    const headers = { Authorization: `DeepL-Auth-Key ${key}` };
    const get = (type: 'source' | 'target') =>
      requestJson(
        {
          engine: name,
          method: 'GET',
          url: `${base}/v2/languages?type=${type}`,
          headers,
          signal: AbortSignal.timeout(options.http.timeoutMs),
        },
        { ...options.http, maxRetries: 0 },
      ).then((r) => parseLanguageList(r.body));
    try {
      const [sources, targets] = await Promise.all([get('source'), get('target')]);
      sourceCodes.clear();
      targetCodes.clear();
      for (const s of sources) {
        const tag = deeplCodeToTag(s.language);
        if (tag && !sourceCodes.has(tag)) sourceCodes.set(tag, s.language.toUpperCase());
      }
      // EN-US before EN-GB for 'en' (first wins), as the list usually has EN-GB first: prefer US.
      const ordered = [...targets].sort((a, b) =>
        a.language.toUpperCase() === 'EN-US' ? -1 : b.language.toUpperCase() === 'EN-US' ? 1 : 0,
      );
      for (const t of ordered) {
        // Issue 14: a regional target (EN-GB, EN-US, PT-PT) also serves its own tag, so an en-GB
        // document gets EN-GB (BCP 47 lookup, mtEngine.ts matchPair); the language keeps its default.
        const regional = /^[A-Z]{2}-[A-Z]{2}$/.test(t.language.toUpperCase()) ? canonicalLanguageTag(t.language) : null;
        for (const tag of [regional, deeplCodeToTag(t.language)]) {
          if (tag && !targetCodes.has(tag)) targetCodes.set(tag, { code: t.language.toUpperCase(), formality: t.supportsFormality });
        }
      }
      const pairs: LanguagePair[] = [];
      for (const source of sourceCodes.keys()) {
        for (const target of targetCodes.keys()) {
          if (source !== target && source.split('-')[0] !== target.split('-')[0]) pairs.push({ source, target });
        }
      }
      return { available: true, unavailableReason: null, version: versionLabel(), pairs };
    } catch (err) {
      if (isServiceError(err)) return { available: false, unavailableReason: err.code, version: versionLabel(), pairs: [] };
      throw err;
    }
  }

  function versionLabel(): string {
    const parts = ['deepl v2'];
    if (options.formality !== 'default') parts.push(`formality ${options.formality}`);
    if (options.glossaryId !== '') parts.push(`glossary ${options.glossaryId}`);
    return parts.join('; ');
  }

  async function describe(): Promise<EngineDescription> {
    if (!options.enabled) return { available: false, unavailableReason: 'ENGINE_NOT_CONFIGURED', version: '', pairs: [] };
    const key = await options.getKey();
    if (!key) return { available: false, unavailableReason: 'ENGINE_NOT_CONFIGURED', version: '', pairs: [] };
    const now = Date.now();
    if (!cache || cache.key !== key || now - cache.at > 5 * 60_000) {
      const value = load(key);
      const entry = { key, at: now, value };
      cache = entry;
      void value.then(
        (d) => {
          if (!d.available && cache === entry) cache = { ...entry, at: now - 5 * 60_000 + 10_000 };
        },
        () => {
          if (cache === entry) cache = null;
        },
      );
    }
    return cache.value;
  }

  async function translateBatch(
    texts: readonly string[],
    pair: LanguagePair,
    { signal, onResult, markup, glossary }: TranslateOptions,
  ): Promise<MtOutput[]> {
    signal.throwIfAborted();
    const d = await describe();
    if (!d.available)
      throw ServiceError.withDetails(d.unavailableReason ?? 'ENGINE_UNAVAILABLE', `${name} is not available.`, { engine: name });
    const key = (await options.getKey())!;
    const source = sourceCodes.get(pair.source);
    const target = targetCodes.get(pair.target);
    if (!source || !target) {
      throw new ServiceError('ENGINE_PAIR_UNSUPPORTED', `${name} cannot translate ${pair.source} → ${pair.target}.`, {
        source: pair.source,
        target: pair.target,
      });
    }
    const base = deeplBaseUrl(options.baseUrl, key);
    const results: MtOutput[] = texts.map(() => ({ text: '', unknownWords: [] }));
    const todo = texts.map((_, i) => i).filter((i) => texts[i]!.trim() !== '');
    // 2 bytes per text for the comma and the array; the rest of the body fits in BODY_OVERHEAD.
    const chunks = chunkTexts(todo, texts, DEEPL_MAX_TEXTS, DEEPL_MAX_BYTES - BODY_OVERHEAD, (t) => jsonBytes(t) + 2);
    const tooLong = todo.find((i) => jsonBytes(texts[i]!) + BODY_OVERHEAD > DEEPL_MAX_BYTES);
    if (tooLong !== undefined) {
      throw new ServiceError('ENGINE_REQUEST_REJECTED', `Paragraph ${tooLong + 1} is longer than DeepL accepts in one request (128 KiB).`, {
        engine: name,
        status: 413,
      });
    }
    const glossaryId =
      options.glossaryId !== ''
        ? options.glossaryId
        : glossary && glossary.length > 0
          ? await glossaries.idFor(base, key, source, target.code, glossary, signal)
          : null;
    await forEachBounded(chunks, options.http.concurrency, signal, async (chunk) => {
      const body: Record<string, unknown> = {
        text: chunk.map((i) => texts[i]!),
        source_lang: source,
        target_lang: target.code,
      };
      if (options.formality !== 'default') {
        // Plain 'more'/'less' fail for languages without formality; the prefer_ forms never do.
        body['formality'] = target.formality
          ? options.formality
          : options.formality.startsWith('prefer_')
            ? options.formality
            : `prefer_${options.formality}`;
      }
      if (glossaryId !== null) body['glossary_id'] = glossaryId;
      // Inline tokens travel as XML tags DeepL keeps in place.
      if (markup === 'xml') body['tag_handling'] = 'xml';
      const reply = await requestJson(
        { engine: name, method: 'POST', url: `${base}/v2/translate`, headers: { Authorization: `DeepL-Auth-Key ${key}` }, body, signal },
        options.http,
      );
      const translations = (reply.body as { translations?: unknown } | null)?.translations;
      if (
        !Array.isArray(translations) ||
        translations.length !== chunk.length ||
        !translations.every((t) => typeof (t as { text?: unknown })?.text === 'string')
      ) {
        throw new ServiceError('ENGINE_BAD_REPLY', `${name} sent a reply of an unknown shape.`, { engine: name });
      }
      chunk.forEach((index, k) => {
        const output = { text: (translations[k] as { text: string }).text, unknownWords: [] };
        results[index] = output;
        signal.throwIfAborted();
        onResult?.(index, output);
      });
    });
    return results;
  }

  return {
    id: 'deepl',
    name,
    kind: 'deepl',
    local: false,
    capabilities: { glossary: 'native', markup: 'xml', context: false },
    describe,
    translateBatch,
  };
}
