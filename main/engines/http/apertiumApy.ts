/**
 * Apertium through a running apertium-apy server the user points at (Verso never starts one: it
 * listens on every interface). `GET /listPairs` lists the pairs (ISO 639-3 codes, mapped to BCP 47
 * as for the local engine); `POST /translate` takes one paragraph (`q`, `langpair=eng|spa`,
 * `markUnknown=yes`) and answers `{ responseData: { translatedText }, responseStatus }`. One request
 * per paragraph keeps boundaries exact; requests run with the HTTP engines' bounded concurrency.
 * Unknown-word marks are stripped and recorded, as for the local engine.
 */
import type { LanguagePair } from '../../../shared/types.js';
import { ServiceError, isServiceError } from '../../core/serviceError.js';
import { stripMarks } from '../apertiumFormat.js';
import { apertiumCodeToTag } from '../apertiumLanguages.js';
import type { EngineDescription, MtEngine, MtOutput, TranslateOptions } from '../mtEngine.js';
import { forEachBounded, requestJson, type HttpOptions } from './httpClient.js';
import { cachedDescription } from './languageCache.js';

export interface ApertiumApyOptions {
  enabled: boolean;
  baseUrl: string;
  http: HttpOptions;
}

interface ApyEnvelope {
  responseData?: unknown;
  responseStatus?: unknown;
  responseDetails?: unknown;
}

/** A reply field in a message: a string as it is, anything else as JSON (never "[object Object]"). */
const asText = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));

function envelope(engine: string, body: unknown): ApyEnvelope {
  if (typeof body !== 'object' || body === null)
    throw new ServiceError('ENGINE_BAD_REPLY', `${engine} sent a reply of an unknown shape.`, { engine });
  const e = body as ApyEnvelope;
  if (e.responseStatus !== undefined && e.responseStatus !== 200) {
    throw new ServiceError(
      'ENGINE_BAD_REPLY',
      `${engine} answered with status ${asText(e.responseStatus)}: ${asText(e.responseDetails ?? '').slice(0, 200)}`,
      { engine },
    );
  }
  return e;
}

export function createApertiumApyEngine(options: ApertiumApyOptions): MtEngine {
  const name = 'Apertium server';
  const base = options.baseUrl.replace(/\/+$/, '');
  const host = base === '' ? '' : new URL(base).host;
  /** `en>es` -> `eng|spa`, the server's own pair name. */
  const langpairs = new Map<string, string>();

  const description = cachedDescription(async (): Promise<EngineDescription> => {
    if (!options.enabled || base === '') return { available: false, unavailableReason: 'ENGINE_NOT_CONFIGURED', version: '', pairs: [] };
    try {
      const reply = await requestJson(
        { engine: name, method: 'GET', url: `${base}/listPairs`, signal: AbortSignal.timeout(options.http.timeoutMs) },
        { ...options.http, maxRetries: 0 },
      );
      const data = envelope(name, reply.body).responseData;
      if (!Array.isArray(data))
        throw new ServiceError('ENGINE_BAD_REPLY', `${name} sent a pair list of an unknown shape.`, { engine: name });
      const pairs: LanguagePair[] = [];
      for (const p of data) {
        const { sourceLanguage, targetLanguage } = (p ?? {}) as { sourceLanguage?: unknown; targetLanguage?: unknown };
        if (typeof sourceLanguage !== 'string' || typeof targetLanguage !== 'string') continue;
        const source = apertiumCodeToTag(sourceLanguage);
        const target = apertiumCodeToTag(targetLanguage);
        if (!source || !target || source === target) continue;
        const key = `${source}>${target}`;
        if (langpairs.has(key)) continue;
        langpairs.set(key, `${sourceLanguage}|${targetLanguage}`);
        pairs.push({ source, target });
      }
      return { available: true, unavailableReason: null, version: `apertium-apy ${host}`, pairs };
    } catch (err) {
      if (isServiceError(err)) return { available: false, unavailableReason: err.code, version: `apertium-apy ${host}`, pairs: [] };
      throw err;
    }
  });

  async function translateBatch(texts: readonly string[], pair: LanguagePair, { signal, onResult }: TranslateOptions): Promise<MtOutput[]> {
    signal.throwIfAborted();
    const d = await description.get();
    if (!d.available)
      throw ServiceError.withDetails(d.unavailableReason ?? 'ENGINE_UNAVAILABLE', `${name} is not available.`, { engine: name });
    const langpair = langpairs.get(`${pair.source}>${pair.target}`);
    if (!langpair)
      throw new ServiceError('ENGINE_PAIR_UNSUPPORTED', `${name} cannot translate ${pair.source} → ${pair.target}.`, {
        source: pair.source,
        target: pair.target,
      });
    const results: MtOutput[] = texts.map(() => ({ text: '', unknownWords: [] }));
    const todo = texts.map((_, i) => i).filter((i) => texts[i]!.trim() !== '');
    await forEachBounded(todo, options.http.concurrency, signal, async (index) => {
      const reply = await requestJson(
        { engine: name, method: 'POST', url: `${base}/translate`, form: { q: texts[index]!, langpair, markUnknown: 'yes' }, signal },
        options.http,
      );
      const data = envelope(name, reply.body).responseData as { translatedText?: unknown } | null | undefined;
      if (typeof data?.translatedText !== 'string') {
        throw new ServiceError('ENGINE_BAD_REPLY', `${name} sent no translation for paragraph ${index + 1}.`, { engine: name, host });
      }
      const output = stripMarks(data.translatedText);
      results[index] = output;
      signal.throwIfAborted();
      onResult?.(index, output);
    });
    return results;
  }

  return {
    id: 'apertium-apy',
    name,
    kind: 'apertium',
    local: false,
    capabilities: { glossary: 'none', markup: 'placeholders', context: false },
    describe: () => description.get(),
    translateBatch,
  };
}
