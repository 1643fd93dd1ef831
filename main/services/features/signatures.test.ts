/** Issue 12, defeat 3: signed-off text changed behind Verso's back (a direct SQL edit) is caught. */
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportFixture, type ExportFixture } from '../../export/testing/exportFixture.js';
import { failure } from '../../testing/failure.js';
import { createBackend, DB_FILE_NAME, type Backend } from '../../backend.js';
import { passphraseProtector } from '../../db/audit/keyProtection.js';
import { makeTempDir, removeTempDir } from '../../testing/tempDir.js';

const fixtures: ExportFixture[] = [];
afterEach(() => {
  while (fixtures.length > 0) fixtures.pop()!.cleanup();
});
const ARTICLE = ['# Storm hits the coast', 'The storm closed roads on Monday.', 'Schools stay open.'];

/** What an attacker with the SQLite file does: change the text, and even the stored hash and status. */
function tamper(dataDir: string, sql: string, ...params: unknown[]): void {
  const db = new Database(path.join(dataDir, DB_FILE_NAME));
  db.prepare(sql).run(...params);
  db.close();
}

describe('signed-off text changed behind Verso’s back', () => {
  it('a direct UPDATE of a signed-off target marks it broken and refuses publish-ready export, naming the paragraph', async () => {
    const f = await exportFixture(ARTICLE);
    fixtures.push(f);
    const { backend, doc, dataDir } = f;
    tamper(dataDir, 'UPDATE paragraphs SET target = ? WHERE id = ?', 'Las escuelas cierran.', doc.paragraphs[2]!.id);

    const reread = await backend.api.getDocument({ documentId: doc.id });
    expect(reread.paragraphs.map((p) => p.signatureBroken ?? false)).toEqual([false, false, true]);
    const err = await failure(backend.api.exportFile({ documentId: doc.id, format: 'txt', mode: 'publish' }));
    expect(err.code).toBe('EXPORT_SIGNATURE_BROKEN');
    expect(err.details).toMatchObject({ paragraphs: [3] });
    expect(err.message).toContain('3');
    // A draft still exports (it claims no sign-off).
    await expect(backend.api.exportFile({ documentId: doc.id, format: 'txt', mode: 'draft' })).resolves.toBeTruthy();
  });

  it('rewriting the stored sign-off hash with the text does not help: the signature covers the text', async () => {
    const f = await exportFixture(ARTICLE);
    fixtures.push(f);
    const { backend, doc, dataDir } = f;
    const forged = 'Las escuelas cierran.';
    const { createHash } = await import('node:crypto');
    tamper(
      dataDir,
      'UPDATE paragraphs SET target = ?, signed_off_hash = ? WHERE id = ?',
      forged,
      createHash('sha256').update(forged, 'utf8').digest('hex'),
      doc.paragraphs[1]!.id,
    );
    const err = await failure(backend.api.exportFile({ documentId: doc.id, format: 'html', mode: 'publish' }));
    expect(err.code).toBe('EXPORT_SIGNATURE_BROKEN');
    expect(err.details).toMatchObject({ paragraphs: [2] });
  });

  it('an untouched signed-off article still exports publish-ready', async () => {
    const f = await exportFixture(ARTICLE);
    fixtures.push(f);
    const result = await f.backend.api.exportFile({ documentId: f.doc.id, format: 'txt', mode: 'publish' });
    expect(result.draft).toBe(false);
  });
});

describe('the library check service', () => {
  it('runs at start-up in the background, and Verify library finds a change made behind Verso’s back', async () => {
    const f = await exportFixture(ARTICLE);
    fixtures.push(f);
    const { backend, doc, dataDir } = f;
    // The start-up check of this backend (an empty library then) has finished or is running.
    expect(['running', 'done']).toContain((await backend.api.getLibraryCheck({})).state);
    const clean = await backend.api.verifyLibrary({});
    expect(clean).toMatchObject({ state: 'done', trigger: 'manual', signedOff: 3, problems: [], problemCount: 0 });
    expect(clean.done).toBe(clean.total);

    tamper(dataDir, 'UPDATE paragraphs SET target = ? WHERE id = ?', 'Las escuelas cierran.', doc.paragraphs[2]!.id);
    const found = await backend.api.verifyLibrary({});
    expect(found.problems).toEqual([
      { kind: 'signature', documentId: doc.id, title: 'Storm hits the coast', paragraph: 3, problem: 'text-changed' },
    ]);
    expect(await backend.api.getLibraryCheck({})).toEqual(found);
  });
});

const keysIn = (dataDir: string) => {
  const db = new Database(path.join(dataDir, DB_FILE_NAME), { readonly: true });
  const rows = db
    .prepare<[], { key_id: string; sealed_private_key: string; protection: string }>(
      'SELECT key_id, sealed_private_key, protection FROM signing_keys ORDER BY rowid',
    )
    .all();
  db.close();
  return rows;
};

describe('signing keys at rest', () => {
  const CHEAP = { N: 2 ** 10, r: 8, p: 1 };

  it('a passphrase-sealed key is reused after a restart; another passphrase gets a new key and old signatures still verify', async () => {
    const dataDir = makeTempDir();
    try {
      const open = (passphrase: string) =>
        createBackend({
          dataDir,
          mode: 'browser',
          version: '0.1.0',
          engines: [],
          keyProtector: passphraseProtector(passphrase, CHEAP),
          verifyAtStart: false,
        });
      // The same profile stays current across restarts (setProfile would make a new one).
      const signOne = async (b: Backend, text: string) => {
        if (!(await b.api.getProfile({}))) await b.api.setProfile({ name: 'Elena Editor', role: 'editor' });
        const doc = await b.api.importDocument({ source: { kind: 'text', text, format: 'txt' }, sourceLang: 'en', targetLang: 'es' });
        await b.api.updateParagraphTarget({ paragraphId: doc.paragraphs[0]!.id, target: `ES ${text}` });
        await b.api.signOffParagraphs({ paragraphIds: [doc.paragraphs[0]!.id] });
      };
      let b = open('first passphrase');
      await signOne(b, 'One.');
      b.close();
      b = open('first passphrase');
      await signOne(b, 'Two.');
      b.close();
      const one = keysIn(dataDir);
      expect(one).toHaveLength(1);
      expect(one[0]!.protection).toBe('scrypt-aes-256-gcm');
      expect(one[0]!.sealed_private_key.startsWith('v1.scrypt.')).toBe(true);

      b = open('another passphrase');
      await signOne(b, 'Three.');
      expect(keysIn(dataDir)).toHaveLength(2);
      expect(await b.api.verifyLibrary({})).toMatchObject({ signedOff: 3, problemCount: 0 });
      b.close();
    } finally {
      removeTempDir(dataDir);
    }
  });
});

describe('a signing passphrase typed by the person', () => {
  it('creates the key the first time, is asked again after a restart, refuses a wrong one and keeps one key', async () => {
    const dataDir = makeTempDir();
    try {
      const open = () => createBackend({ dataDir, mode: 'browser', version: '0.1.0', engines: [], verifyAtStart: false });
      let b = open();
      await b.api.setProfile({ name: 'Elena Editor', role: 'editor' });
      expect(await b.api.getSigningKey({})).toEqual({ state: 'none' });
      expect(await b.api.unlockSigningKey({ passphrase: 'correct horse battery' })).toEqual({ state: 'unlocked', created: true });
      const doc = await b.api.importDocument({
        source: { kind: 'text', text: 'One.\n\nTwo.', format: 'txt' },
        sourceLang: 'en',
        targetLang: 'es',
      });
      const [p1, p2] = doc.paragraphs;
      await b.api.updateParagraphTarget({ paragraphId: p1!.id, target: 'Uno.' });
      await b.api.updateParagraphTarget({ paragraphId: p2!.id, target: 'Dos.' });
      await b.api.signOffParagraphs({ paragraphIds: [p1!.id] });
      b.close();

      b = open();
      expect(await b.api.getSigningKey({})).toEqual({ state: 'locked' });
      const locked = await failure(b.api.signOffParagraphs({ paragraphIds: [p2!.id] }));
      expect(locked.code).toBe('SIGNING_KEY_LOCKED');
      expect((await b.api.getDocument({ documentId: doc.id })).paragraphs[1]!.status).toBe('edited');
      expect((await failure(b.api.unlockSigningKey({ passphrase: 'wrong horse battery' }))).code).toBe('SIGNING_PASSPHRASE_WRONG');
      expect(await b.api.unlockSigningKey({ passphrase: 'correct horse battery' })).toEqual({ state: 'unlocked', created: false });
      await b.api.signOffParagraphs({ paragraphIds: [p2!.id] });
      expect(await b.api.verifyLibrary({})).toMatchObject({ signedOff: 2, problemCount: 0 });
      b.close();
      expect(keysIn(dataDir).map((k) => k.protection)).toEqual(['user-passphrase']);
    } finally {
      removeTempDir(dataDir);
    }
  });
});
