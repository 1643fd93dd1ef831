/** Service rules over a temporary database, with scripted engines (the real engine: endToEnd.test.ts). */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { findFooterTemplate } from '../../shared/footer.js';
import type { DocumentDetail } from '../../shared/types.js';
import { createBackend, type Backend, type BackendOptions } from '../backend.js';
import type { MtEngine } from '../engines/mtEngine.js';
import { createFakeEngine } from '../testing/fakeEngine.js';
import { recordJobEvents } from '../testing/jobEvents.js';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';
import { failure } from '../testing/failure.js';
import { actAs } from '../testing/actAs.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

function start(options: Partial<BackendOptions> & { engines: MtEngine[] }): Backend {
  const dir = makeTempDir();
  const backend = createBackend({ dataDir: dir, mode: 'electron', version: '1.0.0', ...options });
  cleanups.push(() => {
    backend.close();
    removeTempDir(dir);
  });
  return backend;
}

async function importArticle(backend: Backend, paragraphs: string[], targetLang = 'es'): Promise<DocumentDetail> {
  return backend.api.importDocument({
    source: { kind: 'text', text: paragraphs.join('\n\n'), format: 'txt' },
    sourceLang: 'en',
    targetLang,
  });
}

async function translateAll(backend: Backend, documentId: string, engineId?: string) {
  const log = recordJobEvents(backend.events);
  const { jobId } = await backend.api.translateParagraphs({ documentId, ...(engineId ? { engineId } : {}) });
  const final = await log.final(jobId);
  log.stop();
  return final;
}

function revisionRows(backend: Backend) {
  const db = new Database(backend.dbPath, { readonly: true });
  const rows = db.prepare('SELECT * FROM revisions ORDER BY id').all() as Record<string, unknown>[];
  db.close();
  return rows;
}

describe('engine choice', () => {
  it('lists engines with the reason they cannot serve a pair, and picks the first available one', async () => {
    const off = createFakeEngine({ id: 'off', name: 'Off', available: false });
    const deOnly = createFakeEngine({ id: 'de', name: 'German only', pairs: [{ source: 'en', target: 'de' }] });
    const es = createFakeEngine({ id: 'es', name: 'Spanish', translate: (t) => `ES ${t}` });
    const backend = start({ engines: [off, deOnly, es] });
    await actAs(backend.api, { name: 'T', role: 'translator' });
    expect(await backend.api.listEngines({ sourceLang: 'en', targetLang: 'es' })).toEqual([
      { id: 'off', name: 'Off', available: false, unavailableReason: 'ENGINE_UNAVAILABLE', pairs: [] },
      {
        id: 'de',
        name: 'German only',
        available: true,
        unavailableReason: 'ENGINE_PAIR_UNSUPPORTED',
        pairs: [{ source: 'en', target: 'de' }],
      },
      { id: 'es', name: 'Spanish', available: true, unavailableReason: null, pairs: [{ source: 'en', target: 'es' }] },
    ]);
    const doc = await importArticle(backend, ['Hello.']);
    expect((await failure(backend.api.translateParagraphs({ documentId: doc.id, engineId: 'nope' }))).code).toBe('ENGINE_NOT_FOUND');
    expect((await failure(backend.api.translateParagraphs({ documentId: doc.id, engineId: 'off' }))).code).toBe('ENGINE_UNAVAILABLE');
    expect((await failure(backend.api.translateParagraphs({ documentId: doc.id, engineId: 'de' }))).code).toBe('ENGINE_PAIR_UNSUPPORTED');
    expect((await failure(backend.api.translateParagraphs({ documentId: 'missing' }))).code).toBe('DOCUMENT_NOT_FOUND');
    expect(await translateAll(backend, doc.id)).toMatchObject({ state: 'done', done: 1 });
    expect(es.batches).toEqual([['Hello.']]);
    expect(deOnly.batches).toEqual([]);
    const p = (await backend.api.getDocument({ documentId: doc.id })).paragraphs[0]!;
    expect(p).toMatchObject({ target: 'ES Hello.', status: 'machine', mt: { engineId: 'es', engineVersion: 'fake 1.0' } });

    const fr = await importArticle(backend, ['Bonjour.'], 'fr');
    const err = await failure(backend.api.translateParagraphs({ documentId: fr.id }));
    expect(err).toMatchObject({ code: 'ENGINE_PAIR_UNSUPPORTED', details: { source: 'en', target: 'fr' } });
  });

  it('says ENGINE_UNAVAILABLE when no engine can run at all', async () => {
    const backend = start({ engines: [createFakeEngine({ available: false })] });
    await actAs(backend.api, { name: 'T', role: 'translator' });
    const doc = await importArticle(backend, ['Hello.']);
    expect((await failure(backend.api.translateParagraphs({ documentId: doc.id }))).code).toBe('ENGINE_UNAVAILABLE');
  });
});

describe('MT jobs', () => {
  it('a failure midway keeps what was translated and reports the rest (MT_INCOMPLETE, because of ENGINE_FAILED)', async () => {
    const engine = createFakeEngine({ failAfter: { count: 2, error: new Error('connection reset') } });
    const backend = start({ engines: [engine] });
    await actAs(backend.api, { name: 'T', role: 'translator' });
    const doc = await importArticle(backend, ['One.', 'Two.', 'Three.', 'Four.']);
    const final = await translateAll(backend, doc.id);
    expect(final).toMatchObject({ state: 'failed', done: 2, total: 4 });
    expect(final.error).toMatchObject({
      code: 'MT_INCOMPLETE',
      details: { translated: 2, untranslated: 2, paragraphs: [3, 4], reason: 'ENGINE_FAILED' },
    });
    expect(final.error!.message).toContain('connection reset');
    const after = await backend.api.getDocument({ documentId: doc.id });
    expect(after.paragraphs.map((p) => p.status)).toEqual(['machine', 'machine', 'new', 'new']);
    expect(revisionRows(backend).filter((r) => r.action === 'mt')).toHaveLength(2);
  });

  it('never overwrites human work done while the job ran, and only translates the paragraphs asked for', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const backend = start({ engines: [createFakeEngine({ gate })] });
    await actAs(backend.api, { name: 'T', role: 'translator' });
    const doc = await importArticle(backend, ['One.', 'Two.', 'Three.']);
    const [one, two, three] = doc.paragraphs;
    const log = recordJobEvents(backend.events);
    const { jobId, total } = await backend.api.translateParagraphs({ documentId: doc.id, paragraphIds: [one!.id, two!.id] });
    expect(total).toBe(2);
    await backend.api.updateParagraphTarget({ paragraphId: one!.id, target: 'Uno (a mano).' });
    release();
    expect(await log.final(jobId)).toMatchObject({ state: 'done', done: 2 });
    const after = await backend.api.getDocument({ documentId: doc.id });
    expect(after.paragraphs.map((p) => [p.status, p.target])).toEqual([
      ['edited', 'Uno (a mano).'],
      ['machine', 'MT: TWO.'],
      ['new', ''],
    ]);
    expect(after.paragraphs[0]!.mt).toBeNull();
    expect((await failure(backend.api.translateParagraphs({ documentId: doc.id, paragraphIds: ['nope'] }))).code).toBe(
      'PARAGRAPH_NOT_FOUND',
    );
    void three;
  });

  it('cancelJob: unknown jobs are JOB_NOT_FOUND; deleting a document cancels its job', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const backend = start({ engines: [createFakeEngine({ gate })] });
    await actAs(backend.api, { name: 'T', role: 'translator' });
    expect((await failure(backend.api.cancelJob({ jobId: 'nope' }))).code).toBe('JOB_NOT_FOUND');
    const doc = await importArticle(backend, ['One.', 'Two.']);
    const log = recordJobEvents(backend.events);
    const { jobId } = await backend.api.translateParagraphs({ documentId: doc.id });
    await backend.api.deleteDocument({ documentId: doc.id });
    expect(await log.final(jobId)).toMatchObject({ state: 'cancelled', done: 0 });
    release();
    expect(await backend.api.listDocuments({})).toEqual([]);
  });

  it('needs a profile', async () => {
    const backend = start({ engines: [createFakeEngine()] });
    expect((await failure(backend.api.translateParagraphs({ documentId: 'x' }))).code).toBe('NO_PROFILE');
    expect((await failure(backend.api.updateParagraphTarget({ paragraphId: 'x', target: 'y' }))).code).toBe('NO_PROFILE');
    expect((await failure(backend.api.confirmParagraphs({ paragraphIds: ['x'] }))).code).toBe('NO_PROFILE');
    expect((await failure(backend.api.signOffParagraphs({ paragraphIds: ['x'] }))).code).toBe('NO_PROFILE');
  });
});

describe('editing, confirming, signing off', () => {
  it('coalesces edits by the same person within 60 s into one revision', async () => {
    let now = Date.parse('2025-05-01T09:00:00.000Z');
    const backend = start({ engines: [createFakeEngine()], now: () => new Date(now) });
    const ana = await actAs(backend.api, { name: 'Ana', role: 'translator' });
    const doc = await importArticle(backend, ['One.']);
    const id = doc.paragraphs[0]!.id;
    const edit = (target: string) => backend.api.updateParagraphTarget({ paragraphId: id, target });
    const edits = () => revisionRows(backend).filter((r) => r.action === 'edit');

    await edit('U');
    now += 30_000;
    await edit('Un');
    now += 30_000;
    await edit('Uno');
    expect(edits()).toEqual([
      expect.objectContaining({
        before_text: '',
        after_text: 'Uno',
        status_before: 'new',
        status_after: 'edited',
        profile_id: ana.id,
        created_at: '2025-05-01T09:00:00.000Z',
        updated_at: '2025-05-01T09:01:00.000Z',
      }),
    ]);
    // The same text again is no change at all.
    await edit('Uno');
    expect(edits()).toHaveLength(1);

    now += 61_000;
    await edit('Uno.');
    expect(edits()).toHaveLength(2);
    expect(edits()[1]).toMatchObject({ before_text: 'Uno', after_text: 'Uno.' });

    now += 1_000;
    await actAs(backend.api, { name: 'Bea', role: 'translator' });
    await edit('Uno!');
    expect(edits()).toHaveLength(3);
    expect(edits()[2]).toMatchObject({ author_name: 'Bea', before_text: 'Uno.', after_text: 'Uno!' });
  });

  it('confirm and sign-off are all-or-nothing and name the paragraphs that fail', async () => {
    const backend = start({ engines: [createFakeEngine()] });
    await actAs(backend.api, { name: 'Ed', role: 'editor' });
    const doc = await importArticle(backend, ['One.', 'Two.', 'Three.']);
    const ids = doc.paragraphs.map((p) => p.id);
    await backend.api.updateParagraphTarget({ paragraphId: ids[0]!, target: 'Uno.' });
    await backend.api.updateParagraphTarget({ paragraphId: ids[2]!, target: 'Tres.' });

    let err = await failure(backend.api.confirmParagraphs({ paragraphIds: ids }));
    expect(err).toMatchObject({ code: 'PARAGRAPH_EMPTY', details: { count: 1, paragraphs: [2] } });
    expect(err.message).toMatch(/^1 paragraph cannot be confirmed: 2 /);
    err = await failure(backend.api.signOffParagraphs({ paragraphIds: ids }));
    expect(err).toMatchObject({ code: 'PARAGRAPH_EMPTY', details: { paragraphs: [2] } });
    const unchanged = await backend.api.getDocument({ documentId: doc.id });
    expect(unchanged.paragraphs.map((p) => p.status)).toEqual(['edited', 'new', 'edited']);

    expect((await failure(backend.api.confirmParagraphs({ paragraphIds: [ids[0]!, 'ghost'] }))).code).toBe('PARAGRAPH_NOT_FOUND');
    await backend.api.confirmParagraphs({ paragraphIds: [ids[0]!] });
    err = await failure(backend.api.confirmParagraphs({ paragraphIds: [ids[0]!, ids[2]!] }));
    expect(err).toMatchObject({ code: 'PARAGRAPH_NOT_CONFIRMABLE', details: { paragraphs: [1] } });

    const signed = await backend.api.signOffParagraphs({ paragraphIds: [ids[2]!, ids[0]!] });
    expect(signed.map((p) => p.id)).toEqual([ids[2], ids[0]]);
    err = await failure(backend.api.signOffParagraphs({ paragraphIds: [ids[0]!] }));
    expect(err).toMatchObject({ code: 'PARAGRAPH_NOT_CONFIRMABLE', details: { paragraphs: [1] } });
  });
});

describe('export', () => {
  async function signedDocument(backend: Backend, targetLang = 'es', paragraphs = ['One.', 'Two.']): Promise<DocumentDetail> {
    await actAs(backend.api, { name: 'Ed', role: 'editor' });
    const doc = await importArticle(backend, paragraphs, targetLang);
    for (const p of doc.paragraphs) await backend.api.updateParagraphTarget({ paragraphId: p.id, target: `(${targetLang}) ${p.source}` });
    await backend.api.signOffParagraphs({ paragraphIds: doc.paragraphs.map((p) => p.id) });
    return doc;
  }

  it('follows the footer policy: never, when MT was used, always', async () => {
    const backend = start({ engines: [createFakeEngine()] });
    const doc = await signedDocument(backend);
    await backend.api.updateSettings({
      publisher: 'Diario',
      contactEmail: 'desk@example.org',
      footerPolicy: 'never',
      reason: 'Partner adds its own',
    });
    const footerLine = findFooterTemplate('es')!.lines[0]!;
    const content = async () => (await backend.api.exportFile({ documentId: doc.id, format: 'txt', mode: 'publish' })).content;
    expect(await content()).toBe('(es) One.\n\n(es) Two.\n');
    await backend.api.updateSettings({ footerPolicy: 'when-mt' });
    expect(await content()).not.toContain(footerLine); // no MT was used
    await backend.api.updateSettings({ footerPolicy: 'always' });
    const text = await content();
    expect(text.startsWith('(es) One.\n\n(es) Two.\n\n' + footerLine)).toBe(true);
    expect(text.split(footerLine)).toHaveLength(2);
  });

  it('with MT used, when-mt adds the footer', async () => {
    const backend = start({ engines: [createFakeEngine()] });
    await actAs(backend.api, { name: 'Ed', role: 'editor' });
    await backend.api.updateSettings({ publisher: 'Diario', contactEmail: 'desk@example.org', footerPolicy: 'when-mt' });
    const doc = await importArticle(backend, ['One.']);
    await translateAll(backend, doc.id);
    await backend.api.signOffParagraphs({ paragraphIds: [doc.paragraphs[0]!.id] });
    const out = await backend.api.exportFile({ documentId: doc.id, format: 'txt', mode: 'publish' });
    expect(out.content.startsWith('MT: ONE.\n\n')).toBe(true);
    expect(out.content).toContain(findFooterTemplate('es')!.lines[0]!);
  });

  it('refuses when the target language has no vetted footer, or the footer settings are empty', async () => {
    const backend = start({ engines: [createFakeEngine()] });
    const fi = await signedDocument(backend, 'fi');
    await backend.api.updateSettings({ publisher: 'Lehti', contactEmail: 'desk@example.org' });
    expect(findFooterTemplate('fi')).toBeNull();
    const err = await failure(backend.api.exportFile({ documentId: fi.id, format: 'txt', mode: 'publish' }));
    expect(err).toMatchObject({ code: 'FOOTER_TEMPLATE_MISSING', details: { lang: 'fi' } });
    // A draft is never refused.
    const draft = await backend.api.exportFile({ documentId: fi.id, format: 'md', mode: 'draft' });
    expect(draft.content.startsWith('DRAFT — not approved for publication (2 of 2 paragraphs signed off)')).toBe(true);
    expect(draft.fileName).toMatch(/\.fi\.draft\.md$/);

    await backend.api.updateSettings({ publisher: '' });
    const es = await signedDocument(backend, 'es');
    expect(await failure(backend.api.exportFile({ documentId: es.id, format: 'txt', mode: 'publish' }))).toMatchObject({
      code: 'EXPORT_SETTINGS_MISSING',
      details: { fields: ['publisher'] },
    });
    // A new library: both are empty, and both are named at once.
    await backend.api.updateSettings({ contactEmail: '' });
    expect(await failure(backend.api.exportFile({ documentId: es.id, format: 'txt', mode: 'publish' }))).toEqual({
      code: 'EXPORT_SETTINGS_MISSING',
      message: 'The disclosure footer needs the publisher name and the contact e-mail address: fill them in under Settings → Publication.',
      details: { fields: ['publisher', 'contactEmail'] },
    });
  });

  it('rejects invalid settings without storing them', async () => {
    const backend = start({ engines: [createFakeEngine()] });
    const err = await failure(backend.api.updateSettings({ contactEmail: 'not an address' }));
    expect(err.code).toBe('SETTINGS_INVALID');
    expect(await backend.api.getSettings({})).toEqual({ publisher: '', contactEmail: '', footerPolicy: 'always' });
  });
});
