/**
 * OpenAI-compatible chat completions (Ollama, llama.cpp server, LM Studio, vLLM, cloud services):
 * `POST {base}/chat/completions` with the model, a prompt that carries the language pair, the
 * neighbouring paragraphs as context and glossary terms, and `temperature: 0`; one request per
 * paragraph, a few at once. The reply is cleaned and checked (openAiReply.ts); a reply that is not
 * a translation fails that paragraph only.
 */
import { LANGUAGES, languageInfo } from '../../../shared/languages.js';
import { termsIn } from '../../../shared/glossary/match.js';
import type { LanguagePair } from '../../../shared/types.js';
import { ServiceError, isServiceError } from '../../core/serviceError.js';
import type { EngineDescription, GlossaryTerm, MtEngine, MtOutput, ParagraphContext, TranslateOptions } from '../mtEngine.js';
import { forEachBounded, requestJson, type HttpOptions } from './httpClient.js';
import { cachedDescription } from './languageCache.js';
import { judgeReply } from './openAiReply.js';

export interface OpenAiOptions {
  enabled: boolean;
  /** e.g. http://127.0.0.1:11434/v1 (Ollama), https://api.openai.com/v1 */
  baseUrl: string;
  model: string;
  getKey: () => Promise<string | null>;
  http: HttpOptions;
}

/** The largest model list read (`GET /models`). */
const MODEL_LIST_MAX_BYTES = 16 * 1024 * 1024;

/** Changes when the prompt changes (part of the version, so the cache does not mix prompts). */
export const PROMPT_REVISION = 'prompt 1';

const ALL_PAIRS: LanguagePair[] = LANGUAGES.flatMap((s) =>
  LANGUAGES.filter((t) => t.tag.split('-')[0] !== s.tag.split('-')[0]).map((t) => ({ source: s.tag, target: t.tag })),
);

function languageName(tag: string): string {
  return `${languageInfo(tag)?.englishName ?? tag} (${tag})`;
}

export interface ChatMessage {
  role: 'system' | 'user';
  content: string;
}

/** The messages asking for one paragraph's translation. */
export function buildMessages(
  text: string,
  pair: LanguagePair,
  context: ParagraphContext | null,
  glossary: readonly GlossaryTerm[],
): ChatMessage[] {
  const rules = [
    `You are a professional news translator. Translate from ${languageName(pair.source)} into ${languageName(pair.target)}.`,
    'Reply with the translation of the paragraph only: no quotation marks around it, no preamble, no notes, no explanations.',
    'Keep names, numbers, dates, URLs and line breaks as they are. Never translate the context paragraphs.',
  ];
  if (/<(?:t|x)\d{1,3}\/?>/.test(text)) {
    rules.push(
      'The paragraph is XML-escaped and holds formatting tags such as <t1>…</t1> and <x2/>: keep every tag exactly once, around or at the words they belong to, and keep the escapes (&amp;, &lt;, &gt;).',
    );
  }
  // Only the terms this paragraph contains (whole words, the glossary's own matching rules).
  const terms = termsIn(
    text,
    glossary.map((g) => ({ ...g, caseSensitive: g.caseSensitive ?? false })),
    pair.source,
  );
  if (terms.length > 0) {
    rules.push(
      'Use these terms:',
      ...terms.map(
        (g) => `- ${g.source} → ${g.target}${g.forbidden && g.forbidden.length > 0 ? ` (never: ${g.forbidden.join(', ')})` : ''}`,
      ),
    );
  }
  const parts: string[] = [];
  if (context?.previous) parts.push(`Previous paragraph (context only):\n${context.previous}`);
  if (context?.next) parts.push(`Next paragraph (context only):\n${context.next}`);
  parts.push(`Paragraph to translate:\n${text}`);
  return [
    { role: 'system', content: rules.join('\n') },
    { role: 'user', content: parts.join('\n\n') },
  ];
}

const REASON_TEXT = {
  empty: 'was empty',
  identical: 'repeated the source text',
  length: 'was far shorter or longer than the source',
  script: 'was not written in the target language’s script',
  language: 'was in the source language, not the target language',
} as const;

export function createOpenAiEngine(options: OpenAiOptions): MtEngine {
  const name = 'OpenAI-compatible';
  const base = options.baseUrl.replace(/\/+$/, '');
  let host: string;
  try {
    host = base === '' ? '' : new URL(base).host;
  } catch {
    host = base;
  }
  const version = `${options.model} @ ${host}; ${PROMPT_REVISION}`;
  const headers = async (): Promise<Record<string, string>> => {
    const key = await options.getKey();
    return key ? { Authorization: `Bearer ${key}` } : {};
  };

  const description = cachedDescription(async (): Promise<EngineDescription> => {
    if (!options.enabled || base === '' || options.model.trim() === '') {
      return { available: false, unavailableReason: 'ENGINE_NOT_CONFIGURED', version: '', pairs: [] };
    }
    try {
      // Reachable and the key accepted? Servers without a model list (404) are taken at their word.
      await requestJson(
        // Some services list hundreds of models with descriptions: a larger, still bounded, reply.
        {
          engine: name,
          method: 'GET',
          url: `${base}/models`,
          headers: await headers(),
          signal: AbortSignal.timeout(options.http.timeoutMs),
          maxReplyBytes: MODEL_LIST_MAX_BYTES,
        },
        { ...options.http, maxRetries: 0 },
      );
    } catch (err) {
      if (!isServiceError(err)) throw err;
      const status = err.details?.['status'];
      if (!(err.code === 'ENGINE_REQUEST_REJECTED' && (status === 404 || status === 405))) {
        return { available: false, unavailableReason: err.code, version, pairs: [] };
      }
    }
    return { available: true, unavailableReason: null, version, pairs: ALL_PAIRS };
  });

  async function translateOne(
    text: string,
    pair: LanguagePair,
    context: ParagraphContext | null,
    glossary: readonly GlossaryTerm[],
    signal: AbortSignal,
  ): Promise<string> {
    const reply = await requestJson(
      {
        engine: name,
        method: 'POST',
        url: `${base}/chat/completions`,
        headers: await headers(),
        body: { model: options.model, temperature: 0, stream: false, messages: buildMessages(text, pair, context, glossary) },
        signal,
      },
      options.http,
    );
    const content = (reply.body as { choices?: { message?: { content?: unknown } }[] } | null)?.choices?.[0]?.message?.content;
    if (typeof content !== 'string') {
      throw new ServiceError('ENGINE_BAD_REPLY', `${name} (${options.model}) sent a reply without a message.`, {
        engine: name,
        model: options.model,
      });
    }
    const verdict = judgeReply(content, text, pair.source, pair.target);
    if (!verdict.ok) {
      throw new ServiceError('ENGINE_NOT_A_TRANSLATION', `The reply of ${options.model} ${REASON_TEXT[verdict.reason]}.`, {
        engine: name,
        model: options.model,
        check: verdict.reason,
      });
    }
    return verdict.text;
  }

  async function translateBatch(
    texts: readonly string[],
    pair: LanguagePair,
    { signal, onResult, onItemError, context, glossary = [] }: TranslateOptions,
  ): Promise<MtOutput[]> {
    signal.throwIfAborted();
    const d = await description.get();
    if (!d.available)
      throw ServiceError.withDetails(d.unavailableReason ?? 'ENGINE_UNAVAILABLE', `${name} is not available.`, { engine: name });
    const results: MtOutput[] = texts.map(() => ({ text: '', unknownWords: [] }));
    const todo = texts.map((_, i) => i).filter((i) => texts[i]!.trim() !== '');
    await forEachBounded(todo, options.http.concurrency, signal, async (index) => {
      let text: string;
      try {
        text = await translateOne(texts[index]!, pair, context?.[index] ?? null, glossary, signal);
      } catch (err) {
        // A reply that is not a translation fails this paragraph only (when the caller can take that).
        if (onItemError && isServiceError(err) && err.code === 'ENGINE_NOT_A_TRANSLATION') {
          onItemError(index, err);
          return;
        }
        throw err;
      }
      const output = { text, unknownWords: [] };
      results[index] = output;
      signal.throwIfAborted();
      onResult?.(index, output);
    });
    return results;
  }

  const local = /^(?:localhost|127\.\d+\.\d+\.\d+|\[::1\])(?::\d+)?$/.test(host);
  return {
    id: 'openai',
    name,
    kind: 'openai',
    local,
    capabilities: { glossary: 'prompt', markup: 'xml', context: true },
    describe: () => description.get(),
    translateBatch,
  };
}
