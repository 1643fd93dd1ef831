/** The apertium-apy engine against a loopback server speaking apy's documented API. */
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceError } from '../../core/serviceError.js';
import { fakeTranslate, startApertiumApy, type LoopbackServer } from '../testing/loopbackServers.js';
import { createApertiumApyEngine } from './apertiumApy.js';
import { DEFAULT_HTTP_OPTIONS, type HttpOptions } from './httpClient.js';

const servers: LoopbackServer[] = [];
afterEach(async () => {
  while (servers.length > 0) await servers.pop()!.close();
});
async function track(p: Promise<LoopbackServer>): Promise<LoopbackServer> {
  const s = await p;
  servers.push(s);
  return s;
}
const http = (patch: Partial<HttpOptions> = {}): HttpOptions => ({
  ...DEFAULT_HTTP_OPTIONS,
  timeoutMs: 3000,
  sleep: async () => undefined,
  ...patch,
});
const EN_ES = { source: 'en', target: 'es' };
const run = () => ({ signal: new AbortController().signal });

describe('apertium-apy', () => {
  it('lists the pairs in BCP 47, skipping unknown codes, and translates one paragraph per request with exact boundaries', async () => {
    const s = await track(startApertiumApy({ unknown: ['Alibaba'] }));
    const engine = createApertiumApyEngine({ enabled: true, baseUrl: `${s.url}/`, http: http({ concurrency: 3 }) });
    const d = await engine.describe(EN_ES);
    expect(d).toMatchObject({ available: true, unavailableReason: null, version: `apertium-apy ${new URL(s.url).host}` });
    expect(d.pairs).toEqual([EN_ES, { source: 'es', target: 'en' }, { source: 'ca', target: 'es' }]);
    const texts = ['Alibaba said no.', 'Two lines\n\nin one paragraph.', '', 'Three.'];
    const seen: number[] = [];
    const out = await engine.translateBatch(texts, EN_ES, { ...run(), onResult: (i) => seen.push(i) });
    expect(out).toEqual([
      { text: fakeTranslate('Alibaba said no.', 'spa'), unknownWords: ['Alibaba'] },
      { text: fakeTranslate('Two lines\n\nin one paragraph.', 'spa'), unknownWords: [] },
      { text: '', unknownWords: [] },
      { text: fakeTranslate('Three.', 'spa'), unknownWords: [] },
    ]);
    expect(seen.sort()).toEqual([0, 1, 3]);
    const posts = s.requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(3);
    for (const r of posts) {
      expect(r.headers['content-type']).toBe('application/x-www-form-urlencoded');
      const form = new URLSearchParams(String(r.body));
      expect(form.get('langpair')).toBe('eng|spa');
      expect(form.get('markUnknown')).toBe('yes');
    }
    expect(s.maxInFlight).toBeLessThanOrEqual(3);
  });

  it('is unavailable until set up, or when the server is down; an unsupported pair is a clear error', async () => {
    expect(await createApertiumApyEngine({ enabled: false, baseUrl: 'http://127.0.0.1:9', http: http() }).describe()).toMatchObject({
      available: false,
      unavailableReason: 'ENGINE_NOT_CONFIGURED',
    });
    const down = await createApertiumApyEngine({ enabled: true, baseUrl: 'http://127.0.0.1:9', http: http() }).describe();
    expect(down.available).toBe(false);
    expect(down.unavailableReason).toMatch(/^ENGINE_/);
    const s = await track(startApertiumApy());
    const engine = createApertiumApyEngine({ enabled: true, baseUrl: s.url, http: http() });
    const err = await engine.translateBatch(['Hola.'], { source: 'es', target: 'de' }, run()).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ServiceError);
    expect((err as ServiceError).code).toBe('ENGINE_PAIR_UNSUPPORTED');
  });

  it('rejects a malformed reply instead of writing it', async () => {
    const s = await track(startApertiumApy());
    const engine = createApertiumApyEngine({ enabled: true, baseUrl: s.url, http: http() });
    await engine.describe(EN_ES);
    s.script.push({ body: { responseData: { somethingElse: 1 }, responseStatus: 200 } });
    const err = await engine.translateBatch(['One.'], EN_ES, run()).then(
      () => null,
      (e: unknown) => e,
    );
    expect((err as ServiceError).code).toBe('ENGINE_BAD_REPLY');
    s.script.push({ body: { responseData: null, responseStatus: 500, responseDetails: 'pipeline crashed' } });
    const err2 = await engine.translateBatch(['One.'], EN_ES, run()).then(
      () => null,
      (e: unknown) => e,
    );
    expect((err2 as ServiceError).code).toBe('ENGINE_BAD_REPLY');
    expect((err2 as ServiceError).message).toContain('pipeline crashed');
  });
});
