/**
 * Engines held to bounds through the backend: plain http:// only to this computer unless allowed,
 * a stored key never follows a changed server, over-long MT never stored, and keys an engine echoes
 * never reach the renderer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { LanguagePair } from '../../../shared/types.js';
import { LIMITS } from '../../../shared/limits.js';
import { createBackend, type Backend, type BackendOptions } from '../../backend.js';
import { createMemorySecretStore } from '../../engines/secretStore.js';
import type { EngineDescription, MtEngine, MtOutput, TranslateOptions } from '../../engines/mtEngine.js';
import { startLibreTranslate, startOpenAiCompatible } from '../../engines/testing/loopbackServers.js';
import { failure } from '../../testing/failure.js';
import { recordJobEvents } from '../../testing/jobEvents.js';
import { makeTempDir, removeTempDir } from '../../testing/tempDir.js';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

function start(options: Partial<BackendOptions> = {}): Backend {
  const dir = makeTempDir();
  const backend = createBackend({
    dataDir: dir,
    mode: 'browser',
    version: '1.0.0',
    secrets: createMemorySecretStore(),
    engines: [],
    ...options,
  });
  cleanups.push(() => {
    backend.close();
    removeTempDir(dir);
  });
  return backend;
}

async function finalOf(backend: Backend, started: Promise<{ jobId: string }>) {
  const log = recordJobEvents(backend.events);
  const { jobId } = await started;
  const final = await log.final(jobId);
  log.stop();
  return final;
}

/** Sends back a text of `chars` characters for a paragraph containing "Huge", "ES(x)" for the rest. */
function bloatingEngine(chars: number): MtEngine {
  return {
    id: 'bloat',
    name: 'Bloating MT',
    kind: 'apertium',
    local: true,
    usesContext: false,
    describe: async (): Promise<EngineDescription> => ({
      available: true,
      unavailableReason: null,
      version: 'v1',
      pairs: [{ source: 'en', target: 'es' }],
    }),
    async translateBatch(texts: readonly string[], _pair: LanguagePair, { onResult }: TranslateOptions): Promise<MtOutput[]> {
      return texts.map((text, i) => {
        const output = { text: text.includes('Huge') ? 'y'.repeat(chars) : `ES(${text})`, unknownWords: [] };
        onResult?.(i, output);
        return output;
      });
    },
  };
}

describe('plain http:// to another computer', () => {
  it('is refused unless the user allows an unencrypted connection; this computer and https:// need no consent', async () => {
    const backend = start();
    await backend.api.setProfile({ name: 'Tomás', role: 'translator' });
    const openai = (baseUrl: string, allowUnencrypted?: boolean) =>
      backend.api.saveEngineSettings({
        engine: 'openai',
        enabled: true,
        baseUrl,
        model: 'm',
        ...(allowUnencrypted !== undefined ? { allowUnencrypted } : {}),
      });
    expect(await failure(openai('http://203.0.113.5/v1'))).toMatchObject({ code: 'ENGINE_URL_INSECURE', details: { host: '203.0.113.5' } });
    expect(await failure(openai('http://203.0.113.5/v1', false))).toMatchObject({ code: 'ENGINE_URL_INSECURE' });
    expect(
      await failure(backend.api.saveEngineSettings({ engine: 'apertium-apy', enabled: true, baseUrl: 'http://apy.example.org' })),
    ).toMatchObject({
      code: 'ENGINE_URL_INSECURE',
    });
    expect((await backend.api.getEngineSettings({})).openai).toMatchObject({ enabled: false, baseUrl: '' });

    const allowed = await openai('http://203.0.113.5/v1', true);
    expect(allowed.openai).toMatchObject({ enabled: true, baseUrl: 'http://203.0.113.5/v1', allowUnencrypted: true });
    expect((await backend.api.getEngineSettings({})).openai.allowUnencrypted).toBe(true);
    for (const url of ['https://203.0.113.5/v1', 'http://127.0.0.1:11434/v1', 'http://localhost:11434/v1', 'http://[::1]:8080/v1']) {
      expect((await openai(url)).openai).toMatchObject({ baseUrl: url, allowUnencrypted: false });
    }
  });
});

describe('a changed server', () => {
  it('never inherits the stored key: saving another origin without a key drops it; the same origin keeps it', async () => {
    const secrets = createMemorySecretStore();
    const backend = start({ secrets });
    await backend.api.setProfile({ name: 'Tomás', role: 'translator' });
    const save = (baseUrl: string, apiKey?: string) =>
      backend.api.saveEngineSettings({ engine: 'openai', enabled: true, baseUrl, model: 'm', ...(apiKey !== undefined ? { apiKey } : {}) });
    expect((await save('https://api.example.com/v1', 'sk-first-key-123456')).openai.keySet).toBe(true);
    expect((await save('https://api.example.com/v2')).openai.keySet).toBe(true);
    expect(await secrets.get('openai')).toBe('sk-first-key-123456');
    const moved = await save('https://203.0.113.5/v1');
    expect(moved.openai).toMatchObject({ keySet: false, keySource: null, baseUrl: 'https://203.0.113.5/v1' });
    expect(await secrets.get('openai')).toBeNull();
    // A new key given with the new address is kept.
    expect((await save('https://other.example.net/v1', 'sk-second-key-98765')).openai.keySet).toBe(true);
    expect(await secrets.get('openai')).toBe('sk-second-key-98765');

    // DeepL: '' means DeepL's own hosts (the key picks one); a proxy is another server.
    const deepl = (baseUrl: string, apiKey?: string) =>
      backend.api.saveEngineSettings({
        engine: 'deepl',
        enabled: true,
        baseUrl,
        formality: 'default',
        glossaryId: '',
        ...(apiKey !== undefined ? { apiKey } : {}),
      });
    await deepl('', 'deepl-key:fx');
    expect((await deepl('https://api-free.deepl.com')).deepl.keySet).toBe(true);
    expect((await deepl('https://deepl-proxy.example.org')).deepl.keySet).toBe(false);
  });
});

describe('MT longer than a paragraph may be', () => {
  it('is refused for that paragraph with a clear error and never stored; the others are saved', async () => {
    const backend = start({ engines: [bloatingEngine(LIMITS.paragraphChars + 1)] });
    await backend.api.setProfile({ name: 'Tomás', role: 'translator' });
    const doc = await backend.api.importDocument({
      source: { kind: 'text', text: 'One.\n\nHuge one.\n\nThree.', format: 'txt' },
      sourceLang: 'en',
      targetLang: 'es',
    });
    const final = await finalOf(backend, backend.api.translateDocument({ documentId: doc.id, scope: 'all' }));
    expect(final).toMatchObject({ state: 'failed', done: 2, total: 3 });
    expect(final.error).toMatchObject({
      code: 'MT_INCOMPLETE',
      details: { paragraphs: [2], reason: 'MT_PARAGRAPH_TOO_LONG', limit: LIMITS.paragraphChars, number: 2 },
    });
    const after = await backend.api.getDocument({ documentId: doc.id });
    expect(after.paragraphs.map((p) => [p.status, p.target.length])).toEqual([
      ['machine', 'ES(One.)'.length],
      ['new', 0],
      ['machine', 'ES(Three.)'.length],
    ]);
    // Exactly at the limit is accepted.
    const exact = start({ engines: [bloatingEngine(LIMITS.paragraphChars)] });
    await exact.api.setProfile({ name: 'Tomás', role: 'translator' });
    const d2 = await exact.api.importDocument({
      source: { kind: 'text', text: 'Huge.', format: 'txt' },
      sourceLang: 'en',
      targetLang: 'es',
    });
    expect(await finalOf(exact, exact.api.translateDocument({ documentId: d2.id, scope: 'all' }))).toMatchObject({
      state: 'done',
      done: 1,
    });
  });
});

describe('keys an engine echoes', () => {
  it('never reach the renderer in job progress errors (a bearer key and a key sent in the body)', async () => {
    const key = 'sk-test-SECRET1234567890';
    const server = await startOpenAiCompatible({ key, reply: () => 'Hola.' });
    cleanups.push(() => server.close());
    const backend = start({ http: { sleep: async () => undefined, timeoutMs: 5000, maxRetries: 0 } });
    await backend.api.setProfile({ name: 'Tomás', role: 'translator' });
    await backend.api.saveEngineSettings({
      engine: 'openai',
      enabled: true,
      baseUrl: `${server.url}/v1`,
      model: 'test-model',
      apiKey: key,
    });
    expect(
      (await backend.api.getEngineChoices({ sourceLang: 'en', targetLang: 'es' })).engines.find((e) => e.id === 'openai')?.available,
    ).toBe(true);
    server.script.push({
      status: 401,
      body: { error: { message: `Incorrect API key provided: ${key}. Header was Authorization: Bearer ${key}` } },
    });
    const doc = await backend.api.importDocument({
      source: { kind: 'text', text: 'Hello there, friends.', format: 'txt' },
      sourceLang: 'en',
      targetLang: 'es',
    });
    const final = await finalOf(backend, backend.api.translateDocument({ documentId: doc.id, scope: 'all', engineId: 'openai' }));
    expect(final.error?.code).toBe('ENGINE_AUTH_FAILED');
    expect(JSON.stringify(final)).not.toContain('SECRET1234567890');
    expect(JSON.stringify(final)).toContain('Incorrect API key provided');

    const lt = await startLibreTranslate({ apiKey: 'lt-body-key-777' });
    cleanups.push(() => lt.close());
    await backend.api.saveEngineSettings({ engine: 'libretranslate', enabled: true, baseUrl: lt.url, apiKey: 'lt-body-key-777' });
    expect(
      (await backend.api.getEngineChoices({ sourceLang: 'en', targetLang: 'es' })).engines.find((e) => e.id === 'libretranslate')
        ?.available,
    ).toBe(true);
    lt.script.push({ status: 403, body: { error: 'Invalid API key lt-body-key-777' } });
    const d2 = await backend.api.importDocument({
      source: { kind: 'text', text: 'Hello.', format: 'txt' },
      sourceLang: 'en',
      targetLang: 'es',
    });
    const f2 = await finalOf(backend, backend.api.translateDocument({ documentId: d2.id, scope: 'all', engineId: 'libretranslate' }));
    expect(f2.error?.code).toBe('ENGINE_AUTH_FAILED');
    expect(JSON.stringify(f2)).not.toContain('lt-body-key-777');
  });
});
