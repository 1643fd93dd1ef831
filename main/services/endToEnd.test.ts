/** The whole workflow over a temporary database with the REAL Apertium engine (en → es). */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { LIMITS } from '../../shared/limits.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../backend.js';
import { recordJobEvents } from '../testing/jobEvents.js';
import { referenceArticleBody } from '../testing/referenceArticle.js';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';
import { apertiumEngSpaInstalled } from '../testing/apertiumInstalled.js';
import { failure } from '../testing/failure.js';

const installed = apertiumEngSpaInstalled('the end-to-end service tests');

const SPANISH_FOOTER_FIRST_LINE = 'Este artículo ha sido traducido con ayuda de herramientas de IA y revisado por nuestra redacción.';

function occurrences(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

let dir: string;
let backend: Backend;
beforeEach(() => {
  dir = makeTempDir();
  backend = createBackend({ dataDir: dir, mode: 'browser', version: '9.9.9-test' });
});
afterEach(() => {
  backend.close();
  removeTempDir(dir);
});

describe.runIf(installed)('services end to end with Apertium', () => {
  it('imports, translates, edits, confirms, signs off, exports with the footer once, and survives a reopen', async () => {
    const { api } = backend;
    expect(await api.getProfile({})).toBeNull();
    const body = referenceArticleBody();
    const importInput = { source: { kind: 'text' as const, text: body, format: 'txt' as const }, sourceLang: 'en', targetLang: 'es' };
    expect((await failure(api.importDocument(importInput))).code).toBe('NO_PROFILE');

    const translator = await api.setProfile({ name: '  Tomás  ', role: 'translator' });
    expect(translator).toMatchObject({ name: 'Tomás', role: 'translator' });
    expect(await api.getProfile({})).toEqual(translator);
    expect(await api.getSettings({})).toEqual({ publisher: '', contactEmail: '', footerPolicy: 'always' });
    await api.updateSettings({ publisher: 'Diario Ejemplo' });
    expect(await api.updateSettings({ contactEmail: 'redaccion@example.org' })).toEqual({
      publisher: 'Diario Ejemplo',
      contactEmail: 'redaccion@example.org',
      footerPolicy: 'always',
    });

    // Import: 10 paragraphs, status new, one import revision each.
    const doc = await api.importDocument(importInput);
    expect(doc.paragraphs).toHaveLength(10);
    expect(doc.title.startsWith('The Chinese e-commerce giant Alibaba')).toBe(true);
    expect(doc.paragraphs.every((p) => p.status === 'new' && p.target === '')).toBe(true);
    expect(doc.paragraphs.at(-1)!.source.endsWith('cyber piracy.')).toBe(true);
    expect(await api.listEngines({ sourceLang: 'en', targetLang: 'es' })).toEqual([
      expect.objectContaining({ id: 'apertium', available: true, unavailableReason: null }),
    ]);
    expect((await api.listEngines({ sourceLang: 'en', targetLang: 'ja' }))[0]!.unavailableReason).toBe('ENGINE_PAIR_UNSUPPORTED');

    // Machine translation as a background job with progress events.
    const log = recordJobEvents(backend.events);
    const { jobId, total } = await api.translateParagraphs({ documentId: doc.id });
    expect(total).toBe(10);
    const final = await log.final(jobId);
    expect(final).toMatchObject({ state: 'done', done: 10, total: 10, error: null, documentId: doc.id });
    // Progress events are coalesced (at most about ten a second), rising, the first at 0.
    const running = log.events.filter((e) => e.jobId === jobId && e.state === 'running').map((e) => e.done);
    expect(running[0]).toBe(0);
    expect(running).toEqual([...running].sort((a, b) => a - b));
    expect(running.every((d) => d <= 10)).toBe(true);

    let detail = await api.getDocument({ documentId: doc.id });
    const dpkgVersion = execFileSync('dpkg-query', ['-W', '-f=${Version}', 'apertium-eng-spa'], { encoding: 'utf8' });
    for (const p of detail.paragraphs) {
      expect(p.status).toBe('machine');
      expect(p.target).not.toBe('');
      expect(p.target).not.toContain('*');
      expect(p.mt).toMatchObject({ engineId: 'apertium', sourceLang: 'en', targetLang: 'es', text: p.target });
      expect(p.mt!.engineVersion).toContain(`apertium-eng-spa ${dpkgVersion}`);
    }
    expect(detail.paragraphs[0]!.target).toContain('gigante');
    expect(detail.paragraphs[0]!.mt!.unknownWords).toContain('Alibaba');

    // A human edit.
    const edited = `${detail.paragraphs[1]!.target} (revisado)`;
    const editResult = await api.updateParagraphTarget({ paragraphId: detail.paragraphs[1]!.id, target: edited });
    expect(editResult).toMatchObject({ signOffWithdrawn: false, paragraph: { status: 'edited', target: edited } });

    // Publishing is refused while anything is unsigned.
    let err = await failure(api.exportFile({ documentId: doc.id, format: 'txt', mode: 'publish' }));
    expect(err.code).toBe('EXPORT_NOT_SIGNED_OFF');
    expect(err.details).toEqual({ count: 10, paragraphs: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] });

    // The translator confirms everything but cannot sign off.
    const ids = detail.paragraphs.map((p) => p.id);
    const confirmed = await api.confirmParagraphs({ paragraphIds: ids });
    expect(confirmed.map((p) => p.status)).toEqual(Array(10).fill('translated'));
    err = await failure(api.signOffParagraphs({ paragraphIds: ids }));
    expect(err.code).toBe('ROLE_FORBIDDEN');
    expect((await api.getDocument({ documentId: doc.id })).signedOffCount).toBe(0);

    // The editor signs off all but one: the export names the one left.
    const editor = await api.setProfile({ name: 'Elena', role: 'editor' });
    await api.signOffParagraphs({ paragraphIds: ids.slice(0, 6) });
    await api.signOffParagraphs({ paragraphIds: ids.slice(7) });
    err = await failure(api.exportFile({ documentId: doc.id, format: 'txt', mode: 'publish' }));
    expect(err).toMatchObject({ code: 'EXPORT_NOT_SIGNED_OFF', details: { count: 1, paragraphs: [7] } });
    expect(err.message).toBe('1 paragraph is not signed off: 7');
    const [seventh] = await api.signOffParagraphs({ paragraphIds: [ids[6]!] });
    expect(seventh!.signOff).toMatchObject({ profileId: editor.id, name: 'Elena', role: 'editor' });
    expect(seventh!.signOff!.textHash).toBe(createHash('sha256').update(seventh!.target).digest('hex'));

    // Publish export: every translation in order, the Spanish footer exactly once at the end.
    detail = await api.getDocument({ documentId: doc.id });
    expect(detail.signedOffCount).toBe(10);
    const exported = await api.exportFile({ documentId: doc.id, format: 'txt', mode: 'publish' });
    expect(exported.draft).toBe(false);
    expect(exported.mimeType).toBe('text/plain;charset=utf-8');
    expect(exported.fileName).toMatch(/^the-chinese-e-commerce-giant-alibaba[a-z0-9-]*\.es\.txt$/);
    expect(occurrences(exported.content, SPANISH_FOOTER_FIRST_LINE)).toBe(1);
    expect(occurrences(exported.content, 'Diario Ejemplo')).toBe(1);
    expect(exported.content.trimEnd().endsWith('escríbanos a redaccion@example.org.')).toBe(true);
    let cursor = 0;
    for (const p of detail.paragraphs) {
      const at = exported.content.indexOf(p.target, cursor);
      expect(at).toBeGreaterThanOrEqual(cursor);
      cursor = at + p.target.length;
    }
    expect(exported.content.indexOf(SPANISH_FOOTER_FIRST_LINE)).toBeGreaterThan(cursor);
    expect(exported.content).not.toContain('DRAFT');
    const md = await api.exportFile({ documentId: doc.id, format: 'md', mode: 'publish' });
    expect(md.fileName.endsWith('.es.md')).toBe(true);
    expect(md.mimeType).toBe('text/markdown;charset=utf-8');
    expect(occurrences(md.content, SPANISH_FOOTER_FIRST_LINE)).toBe(1);

    // Editing a signed-off paragraph withdraws the sign-off and records it.
    const fourth = detail.paragraphs[3]!;
    const withdrawn = await api.updateParagraphTarget({ paragraphId: fourth.id, target: `${fourth.target} Cambio.` });
    expect(withdrawn.signOffWithdrawn).toBe(true);
    expect(withdrawn.paragraph).toMatchObject({ status: 'edited', signOff: null });
    err = await failure(api.exportFile({ documentId: doc.id, format: 'txt', mode: 'publish' }));
    expect(err).toMatchObject({ code: 'EXPORT_NOT_SIGNED_OFF', details: { count: 1, paragraphs: [4] } });

    // Draft export is never refused and carries the notice, not the footer.
    const draft = await api.exportFile({ documentId: doc.id, format: 'txt', mode: 'draft' });
    expect(draft.draft).toBe(true);
    expect(draft.fileName).toMatch(/\.es\.draft\.txt$/);
    expect(draft.content.startsWith('BORRADOR — no aprobado para su publicación (párrafos aprobados: 9 de 10)\n\n')).toBe(true);
    expect(draft.content).not.toContain(SPANISH_FOOTER_FIRST_LINE);

    // Reopen the database: everything is there.
    const before = await api.getDocument({ documentId: doc.id });
    backend.close();
    backend = createBackend({ dataDir: dir, mode: 'browser', version: '9.9.9-test' });
    const reopened = backend.api;
    expect(await reopened.getDocument({ documentId: doc.id })).toEqual(before);
    expect(await reopened.getProfile({})).toEqual(editor);
    expect((await reopened.getSettings({})).publisher).toBe('Diario Ejemplo');
    expect(await reopened.listDocuments({})).toEqual([expect.objectContaining({ id: doc.id, paragraphCount: 10, signedOffCount: 9 })]);

    // The history: every change is a revision with who did it.
    const db = (await import('better-sqlite3')).default(backend.dbPath, { readonly: true });
    const revisions = db.prepare('SELECT paragraph_id, action, origin, author_name, role, profile_id FROM revisions ORDER BY id').all() as {
      paragraph_id: string;
      action: string;
      origin: string;
      author_name: string;
      role: string;
      profile_id: string;
    }[];
    db.close();
    const count = (action: string): number => revisions.filter((r) => r.action === action).length;
    expect([count('import'), count('mt'), count('edit'), count('confirm'), count('sign-off'), count('sign-off-withdrawn')]).toEqual([
      10, 10, 2, 10, 10, 1,
    ]);
    const withdrawal = revisions.find((r) => r.action === 'sign-off-withdrawn')!;
    expect(withdrawal).toMatchObject({
      paragraph_id: fourth.id,
      author_name: 'Elena',
      role: 'editor',
      profile_id: editor.id,
      origin: 'human',
    });
    expect(revisions.filter((r) => r.action === 'confirm').every((r) => r.author_name === 'Tomás' && r.role === 'translator')).toBe(true);
  });

  it('cancelling a job keeps the paragraphs already translated and leaves none half-written', async () => {
    const { api, events } = backend;
    await api.setProfile({ name: 'Tomás', role: 'translator' });
    const text = Array.from({ length: 400 }, (_, i) => `Paragraph ${i}: the government announced a new plan for the economy.`).join('\n\n');
    const doc = await api.importDocument({ source: { kind: 'text', text, format: 'txt' }, sourceLang: 'en', targetLang: 'es' });
    expect(doc.paragraphs).toHaveLength(400);

    const log = recordJobEvents(events);
    // Assigned in the event callback, which the compiler does not follow: the type is not narrowed to null.
    let cancelRequested = null as Promise<{ cancelled: boolean }> | null;
    let jobId = '';
    events.subscribe((event, payload) => {
      if (event === 'jobProgress' && payload.jobId === jobId && payload.state === 'running' && payload.done >= 3 && !cancelRequested) {
        cancelRequested = api.cancelJob({ jobId });
      }
    });
    ({ jobId } = await api.translateParagraphs({ documentId: doc.id }));
    const err = await failure(api.translateParagraphs({ documentId: doc.id }));
    expect(err.code).toBe('JOB_ALREADY_RUNNING');

    const final = await log.final(jobId);
    expect(await cancelRequested).toEqual({ cancelled: true });
    expect(final.state).toBe('cancelled');
    expect(final.done).toBeGreaterThanOrEqual(3);
    expect(final.done).toBeLessThan(400);
    expect(await api.cancelJob({ jobId })).toEqual({ cancelled: false });

    const after = await api.getDocument({ documentId: doc.id });
    const machine = after.paragraphs.filter((p) => p.status === 'machine');
    expect(machine).toHaveLength(final.done);
    for (const p of after.paragraphs) {
      const translated = p.status === 'machine';
      expect(p.mt !== null).toBe(translated);
      expect(p.target !== '').toBe(translated);
      if (translated) expect(p.target).toContain(String(p.index));
    }
    // Translated paragraphs are the first ones (results arrive in order).
    expect(machine.map((p) => p.index)).toEqual(Array.from({ length: final.done }, (_, i) => i));

    // "Translate all" again covers every paragraph without human work (machine ones included).
    await api.updateParagraphTarget({ paragraphId: after.paragraphs[0]!.id, target: 'Hecho a mano.' });
    const next = await api.translateParagraphs({ documentId: doc.id });
    expect(next.total).toBe(399);
    await backend.api.cancelJob({ jobId: next.jobId });
    await log.final(next.jobId);
  });
});

describe('bad imports change nothing', () => {
  it('rejects empty, blank, binary, invalid UTF-8, unsupported, too large and unknown-language imports', async () => {
    const { api, dispatch } = backend;
    await api.setProfile({ name: 'Tomás', role: 'translator' });
    await api.importDocument({ source: { kind: 'text', text: 'One good article.', format: 'txt' }, sourceLang: 'en', targetLang: 'es' });
    const Database = (await import('better-sqlite3')).default;
    const counts = (): number[] => {
      const db = new Database(backend.dbPath, { readonly: true });
      const row = db
        .prepare(
          'SELECT (SELECT count(*) FROM documents) AS d, (SELECT count(*) FROM paragraphs) AS p, (SELECT count(*) FROM revisions) AS r',
        )
        .get() as { d: number; p: number; r: number };
      db.close();
      return [row.d, row.p, row.r];
    };
    const initial = counts();
    expect(initial).toEqual([1, 1, 1]);

    const file = (fileName: string, bytes: Uint8Array) => ({ kind: 'file', fileName, dataBase64: Buffer.from(bytes).toString('base64') });
    const text = (t: string, format = 'txt') => ({ kind: 'text', text: t, format });
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
    const cases: [unknown, string, Record<string, unknown>?][] = [
      [{ source: text(''), sourceLang: 'en', targetLang: 'es' }, 'IMPORT_EMPTY'],
      [{ source: text('  \n\t\n   \n', 'md'), sourceLang: 'en', targetLang: 'es' }, 'IMPORT_EMPTY'],
      [{ source: file('empty.txt', new Uint8Array()), sourceLang: 'en', targetLang: 'es' }, 'IMPORT_EMPTY'],
      [{ source: file('image.txt', png), sourceLang: 'en', targetLang: 'es' }, 'IMPORT_FILE_TYPE_MISMATCH', { detected: 'png' }],
      // UTF-8 ("á") with a broken sequence after it (Windows-1252 without UTF-8 in it is read as such).
      [
        {
          source: file('broken.md', Uint8Array.from([0x48, 0x6f, 0x6c, 0xc3, 0xa1, 0x20, 0xc3, 0x28])),
          sourceLang: 'en',
          targetLang: 'es',
        },
        'IMPORT_ENCODING_INVALID',
        { offset: 6 },
      ],
      [{ source: text('nul\u0000\u0000bytes here'), sourceLang: 'en', targetLang: 'es' }, 'IMPORT_BINARY'],
      [{ source: file('article.pdf', new TextEncoder().encode('Hello')), sourceLang: 'en', targetLang: 'es' }, 'IMPORT_UNSUPPORTED_FORMAT'],
      [
        { source: text('é'.repeat(LIMITS.importBytes / 2 + 1_000)), sourceLang: 'en', targetLang: 'es' },
        'IMPORT_TOO_LARGE',
        { limitBytes: LIMITS.importBytes },
      ],
      [{ source: text('Hello there.'), sourceLang: 'xx-nope', targetLang: 'es' }, 'LANGUAGE_UNKNOWN', { tag: 'xx-nope' }],
      [{ source: text('Hello there.'), sourceLang: 'en', targetLang: 'klingon' }, 'LANGUAGE_UNKNOWN', { tag: 'klingon' }],
      [{ source: text('Hello there.'), sourceLang: 'EN', targetLang: 'en' }, 'LANGUAGE_SAME'],
      [{ source: { kind: 'file', fileName: 'a.txt', dataBase64: '***' }, sourceLang: 'en', targetLang: 'es' }, 'BAD_REQUEST'],
    ];
    for (const [input, code, details] of cases) {
      const result = await dispatch('importDocument', input);
      expect(result.ok, code).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe(code);
      if (details) expect(result.error.details).toMatchObject(details);
      expect(counts()).toEqual(initial);
    }
  });

  it('imports a Markdown file by extension, keeping block kinds, and a given title', async () => {
    const { api } = backend;
    await api.setProfile({ name: 'Tomás', role: 'translator' });
    const md = '# Big news\n\nFirst paragraph.\n\n- one item\n- two item\n\n> A quote.\n';
    const doc = await api.importDocument({
      source: { kind: 'file', fileName: 'News.Markdown', dataBase64: Buffer.from(md).toString('base64') },
      sourceLang: 'en',
      targetLang: 'de',
      title: '  My title ',
    });
    expect(doc.title).toBe('My title');
    expect(doc.paragraphs.map((p) => [p.kind, p.source])).toEqual([
      ['heading', 'Big news'],
      ['paragraph', 'First paragraph.'],
      ['list-item', 'one item'],
      ['list-item', 'two item'],
      ['quote', 'A quote.'],
    ]);
    expect(await api.listDocuments({})).toEqual([expect.objectContaining({ id: doc.id, targetLang: 'de', paragraphCount: 5 })]);
    expect(await api.deleteDocument({ documentId: doc.id })).toEqual({ deleted: true });
    expect((await failure(api.getDocument({ documentId: doc.id }))).code).toBe('DOCUMENT_NOT_FOUND');
    expect((await failure(api.deleteDocument({ documentId: doc.id }))).code).toBe('DOCUMENT_NOT_FOUND');
  });
});
