/** MT cache, provenance, retranslate, translation scopes, defaults per pair and engine settings (scripted engines). */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentDetail, LanguagePair } from '../../../shared/types.js';
import { createBackend, type Backend, type BackendOptions } from '../../backend.js';
import { createMemorySecretStore } from '../../engines/secretStore.js';
import type { EngineDescription, MtEngine, MtOutput, ParagraphContext, TranslateOptions } from '../../engines/mtEngine.js';
import { failure } from '../../testing/failure.js';
import { createMtStore } from '../../engines/mtStore.js';
import type { MtProvenanceEntry } from '../../../shared/features/enginesApi.js';
import { recordJobEvents } from '../../testing/jobEvents.js';
import { makeTempDir, removeTempDir } from '../../testing/tempDir.js';
import { startLibreTranslate, type LoopbackServer } from '../../engines/testing/loopbackServers.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

interface CountingEngine extends MtEngine {
  calls: string[][];
  contexts: (readonly ParagraphContext[] | undefined)[];
  version: string;
  counter: number;
  available: boolean;
}

/** Translates "x" to "ES(x)#n" where n counts every paragraph it ever translated (so a new call gives new text). */
function countingEngine(options: { id?: string; usesContext?: boolean; failFor?: RegExp; itemFailFor?: RegExp } = {}): CountingEngine {
  const engine: CountingEngine = {
    id: options.id ?? 'counting',
    name: 'Counting MT',
    kind: 'apertium',
    local: true,
    usesContext: options.usesContext ?? false,
    calls: [],
    contexts: [],
    version: 'v1',
    counter: 0,
    available: true,
    async describe(): Promise<EngineDescription> {
      return engine.available
        ? { available: true, unavailableReason: null, version: engine.version, pairs: [{ source: 'en', target: 'es' }] }
        : { available: false, unavailableReason: 'ENGINE_NETWORK', version: engine.version, pairs: [] };
    },
    async translateBatch(
      texts: readonly string[],
      _pair: LanguagePair,
      { signal, onResult, onItemError, context }: TranslateOptions,
    ): Promise<MtOutput[]> {
      if (!engine.available) throw Object.assign(new Error('down'), { code: 'ECONNREFUSED' });
      engine.calls.push([...texts]);
      engine.contexts.push(context);
      const out: MtOutput[] = [];
      for (const [i, text] of texts.entries()) {
        signal.throwIfAborted();
        if (options.failFor?.test(text)) throw new Error(`cannot do "${text}"`);
        if (options.itemFailFor?.test(text) && onItemError) {
          onItemError(i, new Error('not a translation'));
          out.push({ text: '', unknownWords: [] });
          continue;
        }
        const output = { text: `ES(${text})#${++engine.counter}`, unknownWords: text.includes('Zorg') ? ['Zorg'] : [] };
        out.push(output);
        onResult?.(i, output);
      }
      return out;
    },
  };
  return engine;
}

function start(options: Partial<BackendOptions> & { engines: MtEngine[] }): Backend {
  const dir = makeTempDir();
  const backend = createBackend({ dataDir: dir, mode: 'browser', version: '1.0.0', secrets: createMemorySecretStore(), ...options });
  cleanups.push(() => {
    backend.close();
    removeTempDir(dir);
  });
  return backend;
}

async function importArticle(backend: Backend, paragraphs: string[]): Promise<DocumentDetail> {
  return backend.api.importDocument({
    source: { kind: 'text', text: paragraphs.join('\n\n'), format: 'txt' },
    sourceLang: 'en',
    targetLang: 'es',
  });
}

async function finalOf(backend: Backend, start: Promise<{ jobId: string; total: number }>) {
  const log = recordJobEvents(backend.events);
  const { jobId, total } = await start;
  const final = await log.final(jobId);
  log.stop();
  return { ...final, startedTotal: total };
}

function rows(backend: Backend, sql: string): Record<string, unknown>[] {
  const db = new Database(backend.dbPath, { readonly: true });
  const out = db.prepare(sql).all() as Record<string, unknown>[];
  db.close();
  return out;
}

/** The MT provenance Verso recorded for a paragraph (read from the library; no API method reads it). */
function mtProvenance(backend: Backend, paragraphId: string): MtProvenanceEntry[] {
  const db = new Database(backend.dbPath, { readonly: true });
  const out = createMtStore(db).provenanceOf(paragraphId);
  db.close();
  return out;
}

describe('MT cache', () => {
  it('reuses the cached MT of an unchanged paragraph (no engine call), with provenance saying so', async () => {
    const engine = countingEngine();
    const backend = start({ engines: [engine] });
    await backend.api.setProfile({ name: 'Tomás', role: 'translator' });
    const first = await importArticle(backend, ['One.', 'Two.', 'Three.']);
    const done = await finalOf(backend, backend.api.translateDocument({ documentId: first.id, scope: 'all' }));
    expect(done).toMatchObject({ state: 'done', done: 3, total: 3 });
    expect(engine.calls).toEqual([['One.', 'Two.', 'Three.']]);

    // The same text in another article (and one new paragraph): only the new one goes to the engine.
    const second = await importArticle(backend, ['Two.', 'Four.', 'One.']);
    await finalOf(backend, backend.api.translateDocument({ documentId: second.id, scope: 'all' }));
    expect(engine.calls).toEqual([['One.', 'Two.', 'Three.'], ['Four.']]);
    const doc = await backend.api.getDocument({ documentId: second.id });
    expect(doc.paragraphs.map((p) => p.target)).toEqual(['ES(Two.)#2', 'ES(Four.)#4', 'ES(One.)#1']);
    const firstDoc = await backend.api.getDocument({ documentId: first.id });
    // The cached MT keeps when the engine produced it.
    expect(doc.paragraphs[0]!.mt).toMatchObject({
      engineId: 'counting',
      engineVersion: 'v1',
      createdAt: firstDoc.paragraphs[1]!.mt!.createdAt,
    });
    const provenance = mtProvenance(backend, doc.paragraphs[0]!.id);
    expect(provenance).toEqual([
      expect.objectContaining({
        engineId: 'counting',
        engineVersion: 'v1',
        sourceLang: 'en',
        targetLang: 'es',
        fromCache: true,
        retranslated: false,
        text: 'ES(Two.)#2',
      }),
    ]);
    expect(mtProvenance(backend, doc.paragraphs[1]!.id)[0]).toMatchObject({ fromCache: false });
  });

  it('is keyed by engine version: a new version translates again', async () => {
    const engine = countingEngine();
    const backend = start({ engines: [engine] });
    await backend.api.setProfile({ name: 'Tomás', role: 'translator' });
    const doc = await importArticle(backend, ['One.']);
    await finalOf(backend, backend.api.translateDocument({ documentId: doc.id, scope: 'all' }));
    engine.version = 'v2';
    const other = await importArticle(backend, ['One.']);
    await finalOf(backend, backend.api.translateDocument({ documentId: other.id, scope: 'all' }));
    expect(engine.calls).toEqual([['One.'], ['One.']]);
    expect(rows(backend, 'SELECT engine_version FROM mt_cache ORDER BY engine_version').map((r) => r['engine_version'])).toEqual([
      'v1',
      'v2',
    ]);
  });

  it('works offline: an engine out of reach still serves its cached MT, and says which paragraphs it could not do', async () => {
    const engine = countingEngine();
    const backend = start({ engines: [engine] });
    await backend.api.setProfile({ name: 'Tomás', role: 'translator' });
    const doc = await importArticle(backend, ['One.', 'Two.']);
    await finalOf(backend, backend.api.translateDocument({ documentId: doc.id, scope: 'all' }));
    engine.available = false;
    const again = await importArticle(backend, ['Two.', 'One.']);
    const ok = await finalOf(backend, backend.api.translateDocument({ documentId: again.id, scope: 'all', engineId: 'counting' }));
    expect(ok).toMatchObject({ state: 'done', done: 2 });
    const third = await importArticle(backend, ['One.', 'Five.']);
    const partial = await finalOf(backend, backend.api.translateDocument({ documentId: third.id, scope: 'all', engineId: 'counting' }));
    expect(partial).toMatchObject({ state: 'failed', done: 1, total: 2 });
    expect(partial.error).toMatchObject({
      code: 'MT_INCOMPLETE',
      details: { translated: 1, untranslated: 1, paragraphs: [2], engine: 'Counting MT' },
    });
    expect((await backend.api.getDocument({ documentId: third.id })).paragraphs.map((p) => p.status)).toEqual(['machine', 'new']);
  });

  it('for engines that use the neighbours as context, keys the cache by them too', async () => {
    const engine = countingEngine({ usesContext: true });
    const backend = start({ engines: [engine] });
    await backend.api.setProfile({ name: 'Tomás', role: 'translator' });
    const a = await importArticle(backend, ['Before.', 'Middle.', 'After.']);
    await finalOf(backend, backend.api.translateDocument({ documentId: a.id, scope: 'all' }));
    expect(engine.contexts[0]).toEqual([
      { previous: null, next: 'Middle.' },
      { previous: 'Before.', next: 'After.' },
      { previous: 'Middle.', next: null },
    ]);
    const b = await importArticle(backend, ['Before.', 'Middle.', 'Changed.']);
    await finalOf(backend, backend.api.translateDocument({ documentId: b.id, scope: 'all' }));
    // "Before." has the same neighbours: cached; "Middle." has a new neighbour: translated again.
    expect(engine.calls[1]).toEqual(['Middle.', 'Changed.']);
  });
});

describe('retranslate', () => {
  it('bypasses the cache, keeps the earlier MT in the history and replaces the cached MT', async () => {
    const engine = countingEngine();
    const backend = start({ engines: [engine] });
    await backend.api.setProfile({ name: 'Tomás', role: 'translator' });
    const doc = await importArticle(backend, ['One.', 'Two.']);
    await finalOf(backend, backend.api.translateDocument({ documentId: doc.id, scope: 'all' }));
    const p = doc.paragraphs[1]!;
    const final = await finalOf(backend, backend.api.retranslateParagraph({ paragraphId: p.id }));
    expect(final).toMatchObject({ state: 'done', done: 1, total: 1 });
    expect(engine.calls).toEqual([['One.', 'Two.'], ['Two.']]);
    const after = (await backend.api.getDocument({ documentId: doc.id })).paragraphs[1]!;
    expect(after).toMatchObject({ target: 'ES(Two.)#3', status: 'machine' });
    const history = await backend.api.getParagraphHistory({ paragraphId: p.id });
    const mt = history.entries.filter((e) => e.action === 'mt');
    expect(mt.map((e) => [e.beforeText, e.afterText])).toEqual([
      ['', 'ES(Two.)#2'],
      ['ES(Two.)#2', 'ES(Two.)#3'],
    ]);
    const provenance = mtProvenance(backend, p.id);
    expect(provenance.map((e) => [e.text, e.fromCache, e.retranslated])).toEqual([
      ['ES(Two.)#2', false, false],
      ['ES(Two.)#3', false, true],
    ]);
    // The new MT is what the cache gives from now on.
    const other = await importArticle(backend, ['Two.']);
    await finalOf(backend, backend.api.translateDocument({ documentId: other.id, scope: 'all' }));
    expect((await backend.api.getDocument({ documentId: other.id })).paragraphs[0]!.target).toBe('ES(Two.)#3');
    expect(engine.calls).toHaveLength(2);
  });

  it('refuses a paragraph a person has changed, and an unknown one', async () => {
    const backend = start({ engines: [countingEngine()] });
    await backend.api.setProfile({ name: 'Tomás', role: 'translator' });
    const doc = await importArticle(backend, ['One.']);
    await backend.api.updateParagraphTarget({ paragraphId: doc.paragraphs[0]!.id, target: 'Uno.' });
    expect(await failure(backend.api.retranslateParagraph({ paragraphId: doc.paragraphs[0]!.id }))).toMatchObject({
      code: 'PARAGRAPH_HAS_HUMAN_WORK',
      details: { number: 1 },
    });
    expect(await failure(backend.api.retranslateParagraph({ paragraphId: 'nope' }))).toMatchObject({ code: 'PARAGRAPH_NOT_FOUND' });
    expect((await backend.api.getDocument({ documentId: doc.id })).paragraphs[0]!.target).toBe('Uno.');
  });
});

describe('translation scopes', () => {
  it('"empty" takes only paragraphs without a translation; "selection" only those named; human work never', async () => {
    const engine = countingEngine();
    const backend = start({ engines: [engine] });
    await backend.api.setProfile({ name: 'Tomás', role: 'translator' });
    const doc = await importArticle(backend, ['One.', 'Two.', 'Three.', 'Four.']);
    const [p1, p2, p3, p4] = doc.paragraphs;
    await finalOf(backend, backend.api.translateDocument({ documentId: doc.id, scope: 'selection', paragraphIds: [p1!.id] }));
    await backend.api.updateParagraphTarget({ paragraphId: p2!.id, target: 'Dos.' });
    expect(engine.calls).toEqual([['One.']]);
    const empty = await finalOf(backend, backend.api.translateDocument({ documentId: doc.id, scope: 'empty' }));
    expect(empty).toMatchObject({ state: 'done', total: 2 });
    expect(engine.calls[1]).toEqual(['Three.', 'Four.']);
    const selection = await finalOf(
      backend,
      backend.api.translateDocument({ documentId: doc.id, scope: 'selection', paragraphIds: [p2!.id, p4!.id] }),
    );
    // p2 has human work (left out); p4 is cached.
    expect(selection).toMatchObject({ state: 'done', total: 1 });
    expect(engine.calls).toHaveLength(2);
    const after = await backend.api.getDocument({ documentId: doc.id });
    expect(after.paragraphs.map((p) => p.target)).toEqual(['ES(One.)#1', 'Dos.', 'ES(Three.)#2', 'ES(Four.)#3']);
    void p3;
    expect(await failure(backend.api.translateDocument({ documentId: doc.id, scope: 'selection' }))).toMatchObject({ code: 'BAD_REQUEST' });
    expect(await failure(backend.api.translateDocument({ documentId: doc.id, scope: 'selection', paragraphIds: ['nope'] }))).toMatchObject({
      code: 'PARAGRAPH_NOT_FOUND',
    });
  });

  it('a paragraph the engine fails on is reported with its number; the others are saved', async () => {
    const engine = countingEngine({ itemFailFor: /Bad/ });
    const backend = start({ engines: [engine] });
    await backend.api.setProfile({ name: 'Tomás', role: 'translator' });
    const doc = await importArticle(backend, ['One.', 'Bad one.', 'Three.']);
    const final = await finalOf(backend, backend.api.translateDocument({ documentId: doc.id, scope: 'all' }));
    expect(final).toMatchObject({ state: 'failed', done: 2, total: 3 });
    expect(final.error).toMatchObject({
      code: 'MT_INCOMPLETE',
      details: { translated: 2, untranslated: 1, paragraphs: [2], count: 1, reason: 'ENGINE_FAILED' },
    });
    expect((await backend.api.getDocument({ documentId: doc.id })).paragraphs.map((p) => p.status)).toEqual(['machine', 'new', 'machine']);
  });
});

describe('engine choice and settings', () => {
  it('lists online engines nobody set up with the reason, and uses the default engine of a pair', async () => {
    const a = countingEngine({ id: 'a' });
    const b = countingEngine({ id: 'b' });
    const backend = start({ engines: [a, b] });
    await backend.api.setProfile({ name: 'Tomás', role: 'translator' });
    const choices = await backend.api.getEngineChoices({ sourceLang: 'en', targetLang: 'es' });
    expect(choices.defaultEngineId).toBe('a');
    expect(choices.engines.map((e) => [e.id, e.kind, e.available, e.unavailableReason])).toEqual([
      ['a', 'apertium', true, null],
      ['b', 'apertium', true, null],
      ['deepl', 'deepl', false, 'ENGINE_NOT_CONFIGURED'],
      ['libretranslate', 'libretranslate', false, 'ENGINE_NOT_CONFIGURED'],
      ['openai', 'openai', false, 'ENGINE_NOT_CONFIGURED'],
      ['apertium-apy', 'apertium', false, 'ENGINE_NOT_CONFIGURED'],
    ]);
    // The core list leaves out what nobody set up.
    expect((await backend.api.listEngines({ sourceLang: 'en', targetLang: 'es' })).map((e) => e.id)).toEqual(['a', 'b']);

    const settings = await backend.api.setDefaultEngine({ sourceLang: 'en', targetLang: 'es', engineId: 'b' });
    expect(settings.defaults).toEqual([{ sourceLang: 'en', targetLang: 'es', engineId: 'b' }]);
    expect((await backend.api.getEngineChoices({ sourceLang: 'en', targetLang: 'es' })).defaultEngineId).toBe('b');
    expect((await backend.api.listEngines({ sourceLang: 'en', targetLang: 'es' })).map((e) => e.id)).toEqual(['b', 'a']);
    const doc = await importArticle(backend, ['One.']);
    await finalOf(backend, backend.api.translateDocument({ documentId: doc.id, scope: 'all' }));
    expect([a.calls.length, b.calls.length]).toEqual([0, 1]);
    expect((await backend.api.setDefaultEngine({ sourceLang: 'en', targetLang: 'es', engineId: null })).defaults).toEqual([]);
    expect(await failure(backend.api.setDefaultEngine({ sourceLang: 'en', targetLang: 'es', engineId: 'nope' }))).toMatchObject({
      code: 'ENGINE_NOT_FOUND',
    });
  });

  it('saves engine settings, keeps the key out of every reply and the database, and rejects bad addresses unchanged', async () => {
    const secrets = createMemorySecretStore({ VERSO_OPENAI_KEY: 'env-openai-key' });
    const backend = start({ engines: [countingEngine()], secrets });
    await backend.api.setProfile({ name: 'Tomás', role: 'translator' });
    const before = await backend.api.getEngineSettings({});
    expect(before.libretranslate).toMatchObject({ enabled: false, keySet: false, keySource: null, keyEnvVar: 'VERSO_LIBRETRANSLATE_KEY' });
    expect(before.openai).toMatchObject({ keySet: true, keySource: 'environment' });

    const saved = await backend.api.saveEngineSettings({
      engine: 'libretranslate',
      enabled: true,
      baseUrl: 'http://127.0.0.1:5000/',
      apiKey: 'secret-libre-key',
    });
    expect(saved.libretranslate).toEqual({
      enabled: true,
      baseUrl: 'http://127.0.0.1:5000',
      keySet: true,
      keySource: 'stored',
      keyEnvVar: 'VERSO_LIBRETRANSLATE_KEY',
      allowUnencrypted: false,
    });
    expect(JSON.stringify(saved)).not.toContain('secret-libre-key');
    expect(JSON.stringify(await backend.api.getEngineSettings({}))).not.toContain('secret-libre-key');
    expect(await secrets.get('libretranslate')).toBe('secret-libre-key');
    expect(fs.readFileSync(backend.dbPath).includes('secret-libre-key')).toBe(false);
    // Every file of the data folder, the backups folder's too.
    for (const f of fs.readdirSync(path.dirname(backend.dbPath), { recursive: true }) as string[]) {
      const file = path.join(path.dirname(backend.dbPath), f);
      // (A backup being written may be renamed or deleted meanwhile.)
      const bytes = fs.statSync(file, { throwIfNoEntry: false })?.isFile()
        ? (() => {
            try {
              return fs.readFileSync(file);
            } catch {
              return Buffer.alloc(0);
            }
          })()
        : Buffer.alloc(0);
      expect(bytes.includes('secret-libre-key'), f).toBe(false);
    }

    // Saving without a key keeps it; clearKey removes it.
    expect(
      (await backend.api.saveEngineSettings({ engine: 'libretranslate', enabled: true, baseUrl: 'http://127.0.0.1:5000' })).libretranslate
        .keySet,
    ).toBe(true);
    expect(
      (await backend.api.saveEngineSettings({ engine: 'libretranslate', enabled: false, baseUrl: '', clearKey: true })).libretranslate,
    ).toMatchObject({
      enabled: false,
      keySet: false,
    });

    for (const baseUrl of ['ftp://example.org', 'not a url', 'http://user:pw@example.org', 'http://example.org/?q=1']) {
      expect(await failure(backend.api.saveEngineSettings({ engine: 'openai', enabled: true, baseUrl, model: 'm' }))).toMatchObject({
        code: 'ENGINE_URL_INVALID',
      });
    }
    expect(
      await failure(backend.api.saveEngineSettings({ engine: 'openai', enabled: true, baseUrl: 'http://127.0.0.1:1/v1', model: ' ' })),
    ).toMatchObject({
      code: 'ENGINE_MODEL_MISSING',
    });
    expect(await failure(backend.api.saveEngineSettings({ engine: 'libretranslate', enabled: true, baseUrl: '' }))).toMatchObject({
      code: 'ENGINE_URL_INVALID',
    });
    expect((await backend.api.getEngineSettings({})).openai).toMatchObject({ enabled: false, baseUrl: '', model: '' });
    // Through the dispatcher, a payload of the wrong shape is refused before any service runs.
    const bad = await backend.dispatch('saveEngineSettings', {
      engine: 'deepl',
      enabled: true,
      baseUrl: '',
      formality: 'very',
      glossaryId: '',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    // An apertium-apy server has an address and no key; a key is refused, as is a missing address.
    expect(
      await backend.dispatch('saveEngineSettings', {
        engine: 'apertium-apy',
        enabled: true,
        baseUrl: 'http://127.0.0.1:2737',
        apiKey: 'x',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    expect(await failure(backend.api.saveEngineSettings({ engine: 'apertium-apy', enabled: true, baseUrl: '' }))).toMatchObject({
      code: 'ENGINE_URL_INVALID',
    });
    const apy = await backend.api.saveEngineSettings({ engine: 'apertium-apy', enabled: true, baseUrl: 'http://127.0.0.1:2737/' });
    expect(apy.apertiumApy).toEqual({ enabled: true, baseUrl: 'http://127.0.0.1:2737', allowUnencrypted: false });
    expect(apy.openai).toMatchObject({ enabled: false, baseUrl: '', model: '' });
  });
});

describe('an HTTP engine through the backend', () => {
  it('set up in the settings, translates a document, records provenance, and a refused key midway keeps what was done', async () => {
    const server: LoopbackServer = await startLibreTranslate({ apiKey: 'lt-secret' });
    cleanups.push(() => void server.close());
    const backend = start({ engines: [countingEngine()], http: { sleep: async () => undefined, timeoutMs: 5000, concurrency: 1 } });
    await backend.api.setProfile({ name: 'Tomás', role: 'translator' });
    await backend.api.saveEngineSettings({ engine: 'libretranslate', enabled: true, baseUrl: server.url, apiKey: 'lt-secret' });
    const choices = await backend.api.getEngineChoices({ sourceLang: 'en', targetLang: 'es' });
    expect(choices.engines.find((e) => e.id === 'libretranslate')).toMatchObject({
      available: true,
      unavailableReason: null,
      local: false,
      kind: 'libretranslate',
    });

    const doc = await importArticle(backend, ['One.', 'Two.']);
    const final = await finalOf(backend, backend.api.translateDocument({ documentId: doc.id, scope: 'all', engineId: 'libretranslate' }));
    expect(final).toMatchObject({ state: 'done', done: 2 });
    const after = await backend.api.getDocument({ documentId: doc.id });
    expect(after.paragraphs.map((p) => [p.target, p.mt?.engineId, p.mt?.engineVersion])).toEqual([
      ['[es] One.', 'libretranslate', `libretranslate ${new URL(server.url).host}`],
      ['[es] Two.', 'libretranslate', `libretranslate ${new URL(server.url).host}`],
    ]);
    expect(server.requests.filter((r) => r.method === 'POST').every((r) => (r.body as { api_key?: string }).api_key === 'lt-secret')).toBe(
      true,
    );

    // 429 with Retry-After is retried; then a refused key stops the job, keeping the paragraphs already saved.
    const next = await importArticle(
      backend,
      Array.from({ length: 30 }, (_, i) => `Paragraph ${i}.`),
    );
    server.script.push(
      { status: 429, headers: { 'Retry-After': '1' } },
      { body: { translatedText: Array.from({ length: 25 }, (_, i) => `[es] Paragraph ${i}.`) } },
      { status: 403, body: { error: 'Invalid API key' } },
    );
    const partial = await finalOf(
      backend,
      backend.api.translateDocument({ documentId: next.id, scope: 'all', engineId: 'libretranslate' }),
    );
    expect(partial).toMatchObject({ state: 'failed', done: 25, total: 30 });
    expect(partial.error).toMatchObject({
      code: 'MT_INCOMPLETE',
      details: { translated: 25, untranslated: 5, paragraphs: [26, 27, 28, 29, 30], reason: 'ENGINE_AUTH_FAILED' },
    });
    const saved = await backend.api.getDocument({ documentId: next.id });
    expect(saved.paragraphs.filter((p) => p.status === 'machine')).toHaveLength(25);
    expect(saved.paragraphs.filter((p) => p.status === 'new' && p.target === '')).toHaveLength(5);
  });
});
