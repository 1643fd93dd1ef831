/** Verso's glossary as a DeepL glossary, against the DeepL loopback fake. */
import { afterEach, describe, expect, it } from 'vitest';
import { fakeTranslate, startDeepl, type LoopbackServer } from '../testing/loopbackServers.js';
import type { GlossaryTerm } from '../mtEngine.js';
import { createDeeplEngine } from './deepl.js';
import { glossaryEntries, glossaryLanguage } from './deeplGlossary.js';
import { DEFAULT_HTTP_OPTIONS, type HttpOptions } from './httpClient.js';

const servers: LoopbackServer[] = [];
afterEach(async () => {
  while (servers.length > 0) await servers.pop()!.close();
});
const http = (): HttpOptions => ({ ...DEFAULT_HTTP_OPTIONS, timeoutMs: 3000, sleep: async () => undefined });
const TERMS: GlossaryTerm[] = [
  { source: 'prime minister', target: 'primer ministro', forbidden: ['premier'] },
  { source: 'European Union', target: 'Unión Europea' },
];

async function deepl(glossaryPairs?: string[]) {
  const s = await startDeepl({ key: 'k', ...(glossaryPairs ? { glossaryPairs } : {}) });
  servers.push(s);
  const engine = (glossaryId = '') =>
    createDeeplEngine({ enabled: true, baseUrl: s.url, formality: 'default', glossaryId, getKey: async () => 'k', http: http() });
  const calls = (method: string, path: string) => s.requests.filter((r) => r.method === method && r.path === path);
  return { s, engine, calls };
}
const run = (glossary?: GlossaryTerm[]) => ({ signal: new AbortController().signal, ...(glossary ? { glossary } : {}) });

describe('DeepL glossaries', () => {
  it('turns terms into TSV entries DeepL accepts and maps language codes', () => {
    expect(
      glossaryEntries([
        ...TERMS,
        { source: 'prime minister', target: 'premier' },
        { source: 'a\tb', target: 'x' },
        { source: ' ', target: 'y' },
      ]),
    ).toBe('prime minister\tprimer ministro\nEuropean Union\tUnión Europea');
    expect(glossaryLanguage('EN-US')).toBe('en');
    expect(glossaryLanguage('PT-BR')).toBe('pt');
  });

  it('sends the terms as a DeepL glossary, reuses it for the same terms (also after a restart) and replaces it when they change', async () => {
    const { s, engine, calls } = await deepl();
    const first = engine();
    const out = await first.translateBatch(['The prime minister spoke.'], { source: 'en', target: 'es' }, run(TERMS));
    expect(out[0]!.text).toBe(fakeTranslate('The primer ministro spoke.', 'ES'));
    expect(s.glossaries).toHaveLength(1);
    expect(s.glossaries[0]).toMatchObject({
      source_lang: 'en',
      target_lang: 'es',
      entries: 'prime minister\tprimer ministro\nEuropean Union\tUnión Europea',
    });
    expect(s.glossaries[0]!.name).toMatch(/^verso en-es [0-9a-f]{16}$/);
    const id = s.glossaries[0]!.glossary_id;
    expect(calls('POST', '/v2/translate').at(-1)!.body).toMatchObject({ glossary_id: id, source_lang: 'EN' });

    await first.translateBatch(['Again.'], { source: 'en', target: 'es' }, run(TERMS));
    await engine().translateBatch(['After a restart.'], { source: 'en', target: 'es' }, run(TERMS));
    expect(calls('POST', '/v2/glossaries')).toHaveLength(1);
    expect(calls('POST', '/v2/translate').at(-1)!.body).toMatchObject({ glossary_id: id });

    await first.translateBatch(['Changed.'], { source: 'en', target: 'es' }, run([{ source: 'mayor', target: 'alcaldesa' }]));
    expect(s.glossaries.map((g) => g.entries)).toEqual(['mayor\talcaldesa']);
    expect(calls('DELETE', `/v2/glossaries/${id}`)).toHaveLength(1);
  });

  it('translates without a glossary for a pair DeepL has none for, asking only once; a fixed glossary id wins', async () => {
    const { s, engine, calls } = await deepl(['en>de']);
    const e = engine();
    await e.translateBatch(['The prime minister.'], { source: 'en', target: 'es' }, run(TERMS));
    await e.translateBatch(['Again.'], { source: 'en', target: 'es' }, run(TERMS));
    expect(calls('POST', '/v2/glossaries')).toHaveLength(1);
    expect(s.glossaries).toHaveLength(0);
    for (const r of calls('POST', '/v2/translate')) expect(r.body).not.toHaveProperty('glossary_id');

    const fixed = engine('my-own-glossary');
    await fixed.translateBatch(['Text.'], { source: 'en', target: 'es' }, run(TERMS));
    expect(calls('POST', '/v2/translate').at(-1)!.body).toMatchObject({ glossary_id: 'my-own-glossary' });
    expect(calls('POST', '/v2/glossaries')).toHaveLength(1);
  });

  it('no terms, no glossary calls', async () => {
    const { engine, calls } = await deepl();
    await engine().translateBatch(['Plain.'], { source: 'en', target: 'es' }, run());
    await engine().translateBatch(['Plain.'], { source: 'en', target: 'es' }, run([]));
    expect(calls('GET', '/v2/glossaries')).toHaveLength(0);
  });
});
