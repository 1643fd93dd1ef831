/** The HTTP base of the engines against a loopback server: timeouts, retries, Retry-After, error mapping, concurrency. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceError } from '../../core/serviceError.js';
import { startLibreTranslate, type LoopbackServer } from '../testing/loopbackServers.js';
import {
  chunkTexts,
  DEFAULT_HTTP_OPTIONS,
  forEachBounded,
  jsonBytes,
  parseRetryAfter,
  requestJson,
  type HttpOptions,
} from './httpClient.js';

const servers: LoopbackServer[] = [];
afterEach(async () => {
  while (servers.length > 0) await servers.pop()!.close();
});

async function server(): Promise<LoopbackServer> {
  const s = await startLibreTranslate();
  servers.push(s);
  return s;
}

function options(delays: number[], patch: Partial<HttpOptions> = {}): HttpOptions {
  return { ...DEFAULT_HTTP_OPTIONS, timeoutMs: 2000, retryBaseMs: 100, sleep: async (ms) => void delays.push(ms), ...patch };
}

async function error(p: Promise<unknown>): Promise<ServiceError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ServiceError);
  return e as ServiceError;
}

const get = (url: string) => ({ engine: 'Test', method: 'GET' as const, url, signal: new AbortController().signal });

describe('requestJson', () => {
  it('returns the JSON of a 2xx reply', async () => {
    const s = await server();
    const reply = await requestJson(get(`${s.url}/languages`), options([]));
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'en' })]));
  });

  it('maps 401/403 to ENGINE_AUTH_FAILED and 456 to ENGINE_QUOTA_EXCEEDED, without retrying', async () => {
    const s = await server();
    const delays: number[] = [];
    s.script.push({ status: 401, body: { message: 'Unauthorized' } });
    expect(await error(requestJson(get(`${s.url}/languages`), options(delays)))).toMatchObject({
      code: 'ENGINE_AUTH_FAILED',
      details: { engine: 'Test', status: 401, reply: 'Unauthorized' },
    });
    s.script.push({ status: 403, body: { error: 'Invalid API key' } });
    expect((await error(requestJson(get(`${s.url}/languages`), options(delays)))).code).toBe('ENGINE_AUTH_FAILED');
    s.script.push({ status: 456, body: { message: 'Quota exceeded' } });
    expect((await error(requestJson(get(`${s.url}/languages`), options(delays)))).code).toBe('ENGINE_QUOTA_EXCEEDED');
    s.script.push({ status: 400, body: { error: 'bad language' } });
    expect(await error(requestJson(get(`${s.url}/languages`), options(delays)))).toMatchObject({
      code: 'ENGINE_REQUEST_REJECTED',
      details: { reply: 'bad language' },
    });
    expect(s.requests).toHaveLength(4);
    expect(delays).toEqual([]);
  });

  it('retries 429 honouring Retry-After (seconds or an HTTP date), and 5xx with exponential backoff', async () => {
    const s = await server();
    const delays: number[] = [];
    s.script.push({ status: 429, headers: { 'Retry-After': '3' } }, { status: 503 }, { status: 500 });
    const reply = await requestJson(get(`${s.url}/languages`), options(delays));
    expect(reply.status).toBe(200);
    expect(s.requests).toHaveLength(4);
    // Retry-After 3 s beats the first backoff (100 ms); then 200 ms, 400 ms.
    expect(delays).toEqual([3000, 200, 400]);

    const later = new Date(Date.now() + 5_000).toUTCString();
    expect(parseRetryAfter(later)).toBeGreaterThan(3_000);
    expect(parseRetryAfter('soon')).toBeNull();
    // Retry-After is capped.
    const capped: number[] = [];
    s.script.push({ status: 429, headers: { 'Retry-After': '86400' } });
    await requestJson(get(`${s.url}/languages`), options(capped, { maxRetryDelayMs: 10_000 }));
    expect(capped).toEqual([10_000]);
  });

  it('gives up after the retries: ENGINE_RATE_LIMITED for 429, ENGINE_SERVER_ERROR for 5xx', async () => {
    const s = await server();
    const delays: number[] = [];
    s.script.push(...Array.from({ length: 4 }, () => ({ status: 429, headers: { 'Retry-After': '1' } })));
    expect(await error(requestJson(get(`${s.url}/languages`), options(delays)))).toMatchObject({
      code: 'ENGINE_RATE_LIMITED',
      details: { status: 429 },
    });
    expect(s.requests).toHaveLength(4);
    s.script.push(...Array.from({ length: 2 }, () => ({ status: 500, body: 'Internal Server Error' })));
    expect(await error(requestJson(get(`${s.url}/languages`), options(delays, { maxRetries: 1 })))).toMatchObject({
      code: 'ENGINE_SERVER_ERROR',
      details: { status: 500 },
    });
    expect(s.requests).toHaveLength(6);
  });

  it('times out a slow reply (ENGINE_TIMEOUT) after retrying it', async () => {
    const s = await server();
    s.script.push({ delayMs: 2_000 }, { delayMs: 2_000 });
    const delays: number[] = [];
    const err = await error(requestJson(get(`${s.url}/languages`), options(delays, { timeoutMs: 150, maxRetries: 1 })));
    expect(err).toMatchObject({ code: 'ENGINE_TIMEOUT', details: { engine: 'Test' } });
    expect(s.requests).toHaveLength(2);
  });

  it('reports malformed JSON as ENGINE_BAD_REPLY and a closed port as ENGINE_NETWORK', async () => {
    const s = await server();
    s.script.push({ body: '{"translatedText": ["half' });
    expect((await error(requestJson(get(`${s.url}/languages`), options([])))).code).toBe('ENGINE_BAD_REPLY');
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    expect(await error(requestJson(get(`http://127.0.0.1:${port}/languages`), options([])))).toMatchObject({
      code: 'ENGINE_NETWORK',
      details: { cause: 'ECONNREFUSED' },
    });
  });

  it('never puts the key of a header into an error', async () => {
    const s = await server();
    s.script.push({ status: 401, body: { message: 'no' } });
    const err = await error(
      requestJson({ ...get(`${s.url}/languages`), headers: { Authorization: 'DeepL-Auth-Key very-secret' } }, options([])),
    );
    expect(JSON.stringify(err.toApiError())).not.toContain('very-secret');
    expect(s.requests[0]!.headers['authorization']).toBe('DeepL-Auth-Key very-secret');
  });

  it('stops at once when the job is cancelled', async () => {
    const s = await server();
    s.script.push({ delayMs: 5_000 });
    const controller = new AbortController();
    const p = requestJson({ ...get(`${s.url}/languages`), signal: controller.signal }, options([], { timeoutMs: 10_000 }));
    setTimeout(() => controller.abort(new Error('cancelled by the user')), 50);
    await expect(p).rejects.toThrow('cancelled by the user');
  });
});

describe('forEachBounded and chunkTexts', () => {
  it('never runs more than the limit at once, and stops starting work after a failure', async () => {
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const err = await forEachBounded(
      Array.from({ length: 20 }, (_, i) => i),
      3,
      new AbortController().signal,
      async (i) => {
        started.push(i);
        running++;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        if (i === 4) throw new Error('boom');
      },
    ).catch((e: unknown) => e);
    expect((err as Error).message).toBe('boom');
    expect(most).toBe(3);
    expect(started.length).toBeLessThan(20);
  });

  it('chunks by count and by bytes', () => {
    const texts = ['a'.repeat(10), 'b'.repeat(10), 'c'.repeat(10), 'd'];
    const idx = [0, 1, 2, 3];
    expect(chunkTexts(idx, texts, 2, 1000, jsonBytes)).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(chunkTexts(idx, texts, 50, 25, jsonBytes)).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(chunkTexts(idx, texts, 50, 15, jsonBytes)).toEqual([[0], [1], [2, 3]]);
    expect(chunkTexts(idx, texts, 50, 14, jsonBytes)).toEqual([[0], [1], [2], [3]]);
  });
});
