/** LibreTranslate, DeepL and OpenAI-compatible engines against loopback servers speaking their documented APIs. */
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceError } from '../../core/serviceError.js';
import type { MtEngine, MtOutput, TranslateOptions } from '../mtEngine.js';
import { matchPair } from '../mtEngine.js';
import {
  fakeTranslate,
  paragraphOf,
  startDeepl,
  startLibreTranslate,
  startOpenAiCompatible,
  type ChatRequestBody,
  type LoopbackServer,
} from '../testing/loopbackServers.js';
import { createDeeplEngine, deeplBaseUrl, DEEPL_FREE_URL, DEEPL_PRO_URL } from './deepl.js';
import { DEFAULT_HTTP_OPTIONS, type HttpOptions } from './httpClient.js';
import { createLibreTranslateEngine } from './libreTranslate.js';
import { buildMessages, createOpenAiEngine } from './openAiChat.js';

const servers: LoopbackServer[] = [];
afterEach(async () => {
  while (servers.length > 0) await servers.pop()!.close();
});
async function track(p: Promise<LoopbackServer>): Promise<LoopbackServer> {
  const s = await p;
  servers.push(s);
  return s;
}

const EN_ES = { source: 'en', target: 'es' };
const http = (patch: Partial<HttpOptions> = {}): HttpOptions => ({
  ...DEFAULT_HTTP_OPTIONS,
  timeoutMs: 3000,
  sleep: async () => undefined,
  ...patch,
});
const key = (value: string | null) => async () => value;

async function translate(
  engine: MtEngine,
  texts: string[],
  extra: Partial<TranslateOptions> = {},
): Promise<{ out: MtOutput[]; order: number[] }> {
  const order: number[] = [];
  const out = await engine.translateBatch(texts, EN_ES, { signal: new AbortController().signal, onResult: (i) => order.push(i), ...extra });
  return { out, order };
}

async function rejection(p: Promise<unknown>): Promise<ServiceError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ServiceError);
  return err as ServiceError;
}

describe('LibreTranslate', () => {
  it('lists the pairs from /languages (mapped to BCP 47) and translates batches as arrays, in order', async () => {
    const s = await track(startLibreTranslate({ apiKey: 'lt-key' }));
    const engine = createLibreTranslateEngine({ enabled: true, baseUrl: s.url, getKey: key('lt-key'), http: http() });
    const d = await engine.describe(EN_ES);
    expect(d).toMatchObject({ available: true, unavailableReason: null, version: `libretranslate ${new URL(s.url).host}` });
    expect(d.pairs).toEqual(expect.arrayContaining([EN_ES, { source: 'en', target: 'pt-BR' }, { source: 'es', target: 'en' }]));
    const texts = Array.from({ length: 60 }, (_, i) => `Paragraph ${i}.\n\nWith a blank line.`);
    const { out, order } = await translate(engine, texts);
    expect(out.map((o) => o.text)).toEqual(texts.map((t) => fakeTranslate(t, 'es')));
    expect([...order].sort((a, b) => a - b)).toEqual(texts.map((_, i) => i));
    const posts = s.requests.filter((r) => r.method === 'POST');
    expect(posts.length).toBeGreaterThan(1);
    for (const r of posts) expect(r.body).toMatchObject({ source: 'en', target: 'es', format: 'text', api_key: 'lt-key' });
  });

  it('sends texts with inline-token tags as HTML (markup: xml)', async () => {
    const s = await track(startLibreTranslate({ apiKey: 'lt-key' }));
    const engine = createLibreTranslateEngine({ enabled: true, baseUrl: s.url, getKey: key('lt-key'), http: http() });
    await translate(engine, ['The <t0>river</t0> rose.'], { markup: 'xml' });
    expect(s.requests.at(-1)!.body).toMatchObject({ q: ['The <t0>river</t0> rose.'], format: 'html' });
  });

  it('is unavailable until set up, and says why when the server refuses or is down', async () => {
    expect(
      await createLibreTranslateEngine({ enabled: false, baseUrl: 'http://127.0.0.1:9', getKey: key(null), http: http() }).describe(),
    ).toMatchObject({
      available: false,
      unavailableReason: 'ENGINE_NOT_CONFIGURED',
    });
    const s = await track(startLibreTranslate({ apiKey: 'right' }));
    const wrong = createLibreTranslateEngine({ enabled: true, baseUrl: s.url, getKey: key('wrong'), http: http() });
    expect(await rejection(translate(wrong, ['Hello.']))).toMatchObject({
      code: 'ENGINE_AUTH_FAILED',
      details: { status: 403, reply: 'Invalid API key' },
    });
    await s.close();
    const down = createLibreTranslateEngine({ enabled: true, baseUrl: s.url, getKey: key(null), http: http() });
    expect(await down.describe()).toMatchObject({ available: false, unavailableReason: 'ENGINE_NETWORK' });
  });

  it('rejects a reply with the wrong number of translations (ENGINE_BAD_REPLY), and retries a 429', async () => {
    const s = await track(startLibreTranslate());
    const engine = createLibreTranslateEngine({ enabled: true, baseUrl: s.url, getKey: key(null), http: http() });
    await engine.describe();
    s.script.push({ body: { translatedText: ['only one'] } });
    expect((await rejection(translate(engine, ['One.', 'Two.']))).code).toBe('ENGINE_BAD_REPLY');
    s.script.push({ status: 429, headers: { 'Retry-After': '1' }, body: { error: 'Slowdown' } });
    expect((await translate(engine, ['One.'])).out[0]!.text).toBe('[es] One.');
  });
});

describe('DeepL', () => {
  it('picks the free or pro host from the key', () => {
    expect(deeplBaseUrl('', 'abc:fx')).toBe(DEEPL_FREE_URL);
    expect(deeplBaseUrl('', 'abc')).toBe(DEEPL_PRO_URL);
    expect(deeplBaseUrl('http://127.0.0.1:1/', 'abc:fx')).toBe('http://127.0.0.1:1');
  });

  it('sends the key header, stays within 50 texts and 128 KiB per request, and maps the languages', async () => {
    const s = await track(startDeepl({ key: 'dl-key:fx' }));
    const engine = createDeeplEngine({
      enabled: true,
      baseUrl: s.url,
      formality: 'more',
      glossaryId: 'g-1',
      getKey: key('dl-key:fx'),
      http: http(),
    });
    const d = await engine.describe(EN_ES);
    expect(d).toMatchObject({ available: true, version: 'deepl v2; formality more; glossary g-1' });
    expect(d.pairs).toEqual(expect.arrayContaining([EN_ES, { source: 'de', target: 'en' }, { source: 'en', target: 'pt-BR' }]));
    // 120 paragraphs, some long: more than one request, none over the limits.
    const texts = Array.from({ length: 120 }, (_, i) => (i % 10 === 0 ? `Long ${i} ` + 'word '.repeat(6000) : `Short ${i}.`));
    const { out } = await translate(engine, texts);
    expect(out.map((o) => o.text)).toEqual(texts.map((t) => fakeTranslate(t, 'ES')));
    const posts = s.requests.filter((r) => r.method === 'POST');
    expect(posts.length).toBeGreaterThanOrEqual(3);
    for (const r of posts) {
      expect(r.headers['authorization']).toBe('DeepL-Auth-Key dl-key:fx');
      expect(r.bytes).toBeLessThanOrEqual(128 * 1024);
      expect((r.body as { text: string[] }).text.length).toBeLessThanOrEqual(50);
      expect(r.body).toMatchObject({ source_lang: 'EN', target_lang: 'ES', formality: 'more', glossary_id: 'g-1' });
    }
  });

  it('asks for XML tag handling when the texts carry inline-token tags (markup: xml), and not otherwise', async () => {
    const s = await track(startDeepl({ key: 'k' }));
    const engine = createDeeplEngine({
      enabled: true,
      baseUrl: s.url,
      formality: 'default',
      glossaryId: '',
      getKey: key('k'),
      http: http(),
    });
    await translate(engine, ['The <t0>river</t0> rose.'], { markup: 'xml' });
    expect(s.requests.at(-1)!.body).toMatchObject({ text: ['The <t0>river</t0> rose.'], tag_handling: 'xml' });
    await translate(engine, ['Plain.']);
    expect(s.requests.at(-1)!.body).not.toHaveProperty('tag_handling');
  });

  it('asks formality only as a preference where the target language has none, and EN-US for English', async () => {
    const s = await track(startDeepl({ key: 'k' }));
    const engine = createDeeplEngine({ enabled: true, baseUrl: s.url, formality: 'less', glossaryId: '', getKey: key('k'), http: http() });
    await engine.translateBatch(['Hola.'], { source: 'es', target: 'en' }, { signal: new AbortController().signal });
    expect(s.requests.at(-1)!.body).toEqual({ text: ['Hola.'], source_lang: 'ES', target_lang: 'EN-US', formality: 'prefer_less' });
    // Issue 14: a regional document gets DeepL's regional target (en-GB → EN-GB), found by BCP 47 lookup.
    const d = await engine.describe({ source: 'es', target: 'en-GB' });
    expect(matchPair(d.pairs, { source: 'es-MX', target: 'en-GB' })).toEqual({ source: 'es', target: 'en-GB' });
    await engine.translateBatch(['Hola.'], { source: 'es', target: 'en-GB' }, { signal: new AbortController().signal });
    expect(s.requests.at(-1)!.body).toMatchObject({ target_lang: 'EN-GB' });
  });

  it('needs a key; a wrong key is ENGINE_AUTH_FAILED; 456 is ENGINE_QUOTA_EXCEEDED', async () => {
    const s = await track(startDeepl({ key: 'right' }));
    expect(
      await createDeeplEngine({
        enabled: true,
        baseUrl: s.url,
        formality: 'default',
        glossaryId: '',
        getKey: key(null),
        http: http(),
      }).describe(),
    ).toMatchObject({
      unavailableReason: 'ENGINE_NOT_CONFIGURED',
    });
    expect(
      await createDeeplEngine({
        enabled: true,
        baseUrl: s.url,
        formality: 'default',
        glossaryId: '',
        getKey: key('wrong'),
        http: http(),
      }).describe(),
    ).toMatchObject({
      available: false,
      unavailableReason: 'ENGINE_AUTH_FAILED',
    });
    const engine = createDeeplEngine({
      enabled: true,
      baseUrl: s.url,
      formality: 'default',
      glossaryId: '',
      getKey: key('right'),
      http: http(),
    });
    await engine.describe();
    s.script.push({ status: 456, body: { message: 'Quota exceeded' } });
    expect((await rejection(translate(engine, ['One.']))).code).toBe('ENGINE_QUOTA_EXCEEDED');
  });
});

describe('OpenAI-compatible chat completions', () => {
  const spanish = (body: ChatRequestBody): string =>
    `Traducción: ${paragraphOf(body).replace('The house', 'La casa').replace('is red', 'es roja')}`;

  it('sends the pair, the neighbours as context and the glossary, and keeps only the translation', async () => {
    const s = await track(startOpenAiCompatible({ key: 'sk-test', reply: spanish }));
    const engine = createOpenAiEngine({
      enabled: true,
      baseUrl: `${s.url}/v1`,
      model: 'test-model',
      getKey: key('sk-test'),
      http: http({ concurrency: 2 }),
    });
    expect(await engine.describe(EN_ES)).toMatchObject({ available: true, version: expect.stringContaining('test-model') });
    const { out } = await translate(engine, ['The house is red.', 'The house is red and big.'], {
      context: [
        { previous: null, next: 'The house is red and big.' },
        { previous: 'The house is red.', next: 'Bye.' },
      ],
      glossary: [{ source: 'house', target: 'casa' }],
    });
    expect(out.map((o) => o.text)).toEqual(['La casa es roja.', 'La casa es roja and big.']);
    const chats = s.requests.filter((r) => r.path === '/v1/chat/completions');
    expect(chats).toHaveLength(2);
    const body = chats.find((r) => paragraphOf(r.body as ChatRequestBody) === 'The house is red and big.')!.body as ChatRequestBody;
    expect(body).toMatchObject({ model: 'test-model', temperature: 0 });
    expect(body.messages[0]!.content).toContain('from English (en) into Spanish (es)');
    expect(body.messages[0]!.content).toContain('- house → casa');
    expect(body.messages[1]!.content).toContain('Previous paragraph (context only):\nThe house is red.');
    expect(body.messages[1]!.content).toContain('Next paragraph (context only):\nBye.');
    expect(chats[0]!.headers['authorization']).toBe('Bearer sk-test');
    expect(s.maxInFlight).toBeLessThanOrEqual(2);
  });

  it('fails only the paragraphs whose reply is not a translation, and says why', async () => {
    const s = await track(
      startOpenAiCompatible({
        reply: (body) => {
          const p = paragraphOf(body);
          if (p.startsWith('Echo')) return p; // identical to the source
          if (p.startsWith('English')) return 'This is the same text in English and it is not in Spanish at all, is it?';
          return `"${p.replace('The', 'El')}"`; // wrapped in quotes
        },
      }),
    );
    const engine = createOpenAiEngine({ enabled: true, baseUrl: `${s.url}/v1`, model: 'm', getKey: key(null), http: http() });
    const failed: [number, string][] = [];
    const { out } = await translate(
      engine,
      ['The dog barks at the postman.', 'Echo this sentence back to me please.', 'English reply for a paragraph that is long enough.'],
      {
        onItemError: (i, e) => failed.push([i, (e as ServiceError).details?.['check'] as string]),
      },
    );
    expect(out[0]!.text).toBe('El dog barks at the postman.');
    expect(failed.sort()).toEqual([
      [1, 'identical'],
      [2, 'language'],
    ]);
    // Without onItemError the batch rejects.
    expect((await rejection(translate(engine, ['Echo this sentence back to me please.']))).code).toBe('ENGINE_NOT_A_TRANSLATION');
  });

  it('maps a wrong key to ENGINE_AUTH_FAILED, malformed replies to ENGINE_BAD_REPLY and slow ones to ENGINE_TIMEOUT', async () => {
    const s = await track(startOpenAiCompatible({ key: 'right', reply: () => 'Hola.' }));
    const wrong = createOpenAiEngine({ enabled: true, baseUrl: `${s.url}/v1`, model: 'm', getKey: key('wrong'), http: http() });
    expect(await wrong.describe()).toMatchObject({ available: false, unavailableReason: 'ENGINE_AUTH_FAILED' });
    const engine = createOpenAiEngine({
      enabled: true,
      baseUrl: `${s.url}/v1`,
      model: 'm',
      getKey: key('right'),
      http: http({ timeoutMs: 200, maxRetries: 0 }),
    });
    await engine.describe();
    s.script.push({ body: { choices: [] } });
    expect((await rejection(translate(engine, ['Hello.']))).code).toBe('ENGINE_BAD_REPLY');
    s.script.push({ body: '{"choices": [' });
    expect((await rejection(translate(engine, ['Hello.']))).code).toBe('ENGINE_BAD_REPLY');
    s.script.push({ delayMs: 1500, body: {} });
    expect((await rejection(translate(engine, ['Hello.']))).code).toBe('ENGINE_TIMEOUT');
  });

  it('builds a prompt without context or glossary when there is none', () => {
    const [system, user] = buildMessages('Hi.', { source: 'de', target: 'ja' }, null, []);
    expect(system!.content).toContain('from German (de) into Japanese (ja)');
    expect(system!.content).not.toContain('Use these terms');
    expect(user!.content).toBe('Paragraph to translate:\nHi.');
    expect(system!.content).not.toContain('formatting tags');
  });

  it('tells the model to keep inline-token tags when the paragraph has them', () => {
    const [system] = buildMessages('The <t0>river</t0> rose<x1/>.', { source: 'en', target: 'es' }, null, []);
    expect(system!.content).toContain('keep every tag exactly once');
  });
});
