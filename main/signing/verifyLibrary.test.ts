/** The library check over a real backend's database: intact, then each kind of tampering an attacker with the SQLite file could do. */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportFixture, type ExportFixture } from '../export/testing/exportFixture.js';
import { createRepositories } from '../db/repositories/index.js';
import { appendAuditEntry } from '../db/repositories/audit/auditRepo.js';
import { signOffPayload } from '../db/audit/auditEntries.js';
import { revisionTextHashes } from '../db/audit/revisionLinks.js';
import { describeProblem, verifyLibrary, verifyLibraryInBackground, verifyLibrarySteps } from './verifyLibrary.js';

let f: ExportFixture;
let db: Database.Database;
beforeEach(async () => {
  f = await exportFixture(['# Storm hits the coast', 'The storm closed roads on Monday.', 'Schools stay open.']);
  db = new Database(f.backend.dbPath);
});
afterEach(() => {
  db.close();
  f.cleanup();
});

const check = () => verifyLibrary(db, createRepositories(db));
/** An attacker first drops the append-only triggers. */
const unlock = () => db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');

describe('verifyLibrary', () => {
  it('passes an untouched library and reports progress up to the total', () => {
    const progress: [number, number][] = [];
    const report = verifyLibrary(db, createRepositories(db), (d, t) => progress.push([d, t]));
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.signedOff).toBe(3);
    expect(report.links).toBeGreaterThan(report.revisions);
    expect(progress.at(-1)![0]).toBe(progress.at(-1)![1]);
  });

  it('the log refuses UPDATE and DELETE while its triggers stand', () => {
    expect(() => db.exec('DELETE FROM audit_log WHERE seq = 1')).toThrow(/append-only/);
    expect(() => db.exec("UPDATE audit_log SET payload = '{}' WHERE seq = 1")).toThrow(/append-only/);
  });

  it('detects a tampered link', () => {
    unlock();
    db.exec(`UPDATE audit_log SET payload = json_set(payload, '$.author', 'Mallory') WHERE seq = 2`);
    expect(check().problems).toContainEqual({ kind: 'chain', seq: 2, detail: 'tampered' });
  });

  it('detects reordered links', () => {
    unlock();
    db.exec(
      'UPDATE audit_log SET seq = -1 WHERE seq = 2; UPDATE audit_log SET seq = 2 WHERE seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = -1;',
    );
    const problems = check().problems;
    expect(problems).toContainEqual({ kind: 'chain', seq: 2, detail: 'broken-link' });
    expect(problems).toContainEqual({ kind: 'chain', seq: 3, detail: 'broken-link' });
  });

  it('detects a deleted link, also where it sat at a page boundary', async () => {
    unlock();
    db.exec('DELETE FROM audit_log WHERE seq = 4');
    expect(check().problems).toContainEqual({ kind: 'chain', seq: 5, detail: 'gap' });
    const steps = verifyLibrarySteps(db, createRepositories(db), 3);
    let next = steps.next();
    while (!next.done) next = steps.next();
    // Paged by 3, the same problems as at once (the deleted link's revision has lost its record too).
    expect(next.value.problems).toEqual(check().problems);
    expect(next.value.problems.filter((p) => p.kind === 'chain')).toEqual([
      { kind: 'chain', seq: 5, detail: 'broken-link' },
      { kind: 'chain', seq: 5, detail: 'gap' },
    ]);
    expect((await verifyLibraryInBackground(db, createRepositories(db))).problems).toEqual(next.value.problems);
  });

  it('detects a revision rewritten by SQL and a signed-off text changed by SQL, one line each', () => {
    db.exec(`UPDATE revisions SET after_text = 'rewritten' WHERE id = 1`);
    const target = db.prepare<[], { id: string }>('SELECT id FROM paragraphs WHERE position = 2').get()!;
    db.prepare('UPDATE paragraphs SET target = ? WHERE id = ?').run('Las escuelas cierran.', target.id);
    const report = check();
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      { kind: 'revision', revisionId: 1, documentId: f.doc.id },
      { kind: 'signature', documentId: f.doc.id, title: 'Storm hits the coast', paragraph: 3, problem: 'text-changed' },
    ]);
    expect(report.problems.map(describeProblem)).toEqual([
      `revision 1 (document ${f.doc.id}): its text differs from the audit log (history changed outside Verso)`,
      '“Storm hits the coast” paragraph 3: signature broken (text-changed)',
    ]);
  });

  it('a sign-off claim rewritten to the new text (hash recomputed) fails its signature or the chain', () => {
    unlock();
    const target = db.prepare<[], { id: string }>('SELECT id FROM paragraphs WHERE position = 2').get()!;
    const forged = 'Las escuelas cierran.';
    const hash = createHash('sha256').update(forged, 'utf8').digest('hex');
    db.prepare('UPDATE paragraphs SET target = ? WHERE id = ?').run(forged, target.id);
    db.prepare(
      `UPDATE audit_log SET payload = json_set(payload, '$.claim.targetSha256', ?) WHERE paragraph_id = ? AND kind = 'sign-off'`,
    ).run(hash, target.id);
    const problems = check().problems;
    expect(problems).toContainEqual({
      kind: 'signature',
      documentId: f.doc.id,
      title: 'Storm hits the coast',
      paragraph: 3,
      problem: 'chain-broken',
    });
  });
});

describe("an import's one revisions link", () => {
  const revisionsOf = (documentId: string) =>
    db
      .prepare<[string], { id: number; action: string }>('SELECT id, action FROM revisions WHERE document_id = ? ORDER BY id')
      .all(documentId);
  const linksOf = (documentId: string) =>
    db
      .prepare<[string], { kind: string; revision_id: number | null; payload: string }>(
        "SELECT kind, revision_id, payload FROM audit_log WHERE document_id = ? AND kind IN ('revision', 'revisions') ORDER BY seq",
      )
      .all(documentId);

  it('covers every revision a bilingual import writes (the import and the translation of each paragraph), each checked against it', async () => {
    const { api } = f.backend;
    const xliff = (await api.exportFile({ documentId: f.doc.id, format: 'xliff12', mode: 'publish' })).content;
    const doc = await api.importDocument({
      source: { kind: 'file', fileName: 'story.xlf', dataBase64: Buffer.from(xliff).toString('base64') },
      sourceLang: 'en',
      targetLang: 'es',
    });
    const revisions = revisionsOf(doc.id);
    expect(new Set(revisions.map((r) => r.action))).toEqual(new Set(['import', 'confirm']));
    const links = linksOf(doc.id);
    expect(links.map((l) => [l.kind, l.revision_id])).toEqual([['revisions', null]]);
    expect(revisionTextHashes(links[0]!.payload).map(([id]) => id)).toEqual(revisions.map((r) => r.id));
    expect(check().problems).toEqual([]);

    const translation = revisions.find((r) => r.action === 'confirm')!;
    db.prepare(`UPDATE revisions SET after_text = 'rewritten' WHERE id = ?`).run(translation.id);
    expect(check().problems).toEqual([{ kind: 'revision', revisionId: translation.id, documentId: doc.id }]);
  });

  it('a revision taken out of the link breaks the chain and leaves that revision without a record', () => {
    unlock();
    const link = db.prepare<[], { seq: number }>("SELECT seq FROM audit_log WHERE kind = 'revisions' ORDER BY seq LIMIT 1").get()!;
    db.prepare("UPDATE audit_log SET payload = json_remove(payload, '$.revisions[0]') WHERE seq = ?").run(link.seq);
    const problems = check().problems;
    expect(problems).toContainEqual({ kind: 'chain', seq: link.seq, detail: 'tampered' });
    expect(problems).toContainEqual({ kind: 'revision', revisionId: 1, documentId: f.doc.id });
  });
});

describe('document deletion', () => {
  it('leaves a tombstone in the chain with every paragraph’s hashes; the library still verifies', async () => {
    await f.backend.api.deleteDocument({ documentId: f.doc.id });
    const tomb = db.prepare<[], { payload: string }>("SELECT payload FROM audit_log WHERE kind = 'document-deleted'").get()!;
    const payload = JSON.parse(tomb.payload) as { title: string; author: string; role: string; paragraphs: { targetSha256: string }[] };
    expect(payload).toMatchObject({ title: 'Storm hits the coast', author: 'Elena Editor', role: 'editor' });
    expect(payload.paragraphs.map((p) => p.targetSha256)).toEqual(
      f.doc.paragraphs.map((p) => createHash('sha256').update(p.target, 'utf8').digest('hex')),
    );
    expect(check().problems).toEqual([]);
  });
});

describe('a forged unsigned sign-off', () => {
  it('appended at the head with correct hashes is refused: unsigned sign-offs only exist before the first live record', () => {
    const target = db.prepare<[], { id: string; source: string }>('SELECT id, source FROM paragraphs WHERE position = 2').get()!;
    const forged = 'Las escuelas cierran.';
    db.prepare('UPDATE paragraphs SET target = ? WHERE id = ?').run(forged, target.id);
    const sha = (t: string) => createHash('sha256').update(t, 'utf8').digest('hex');
    appendAuditEntry(db, {
      kind: 'sign-off',
      documentId: f.doc.id,
      paragraphId: target.id,
      revisionId: null,
      build: (prevAuditHash) => ({
        payload: signOffPayload(
          {
            documentId: f.doc.id,
            paragraphId: target.id,
            sourceSha256: sha(target.source),
            targetSha256: sha(forged),
            role: 'editor',
            at: '2026-03-01T11:00:00.000Z',
            keyId: '',
            prevAuditHash,
          },
          { revisionId: 1, profileId: null, signerName: 'Mallory', signed: false },
        ),
      }),
    });
    const problems = check().problems;
    expect(problems.filter((p) => p.kind === 'chain')).toEqual([]);
    expect(problems).toContainEqual({
      kind: 'signature',
      documentId: f.doc.id,
      title: 'Storm hits the coast',
      paragraph: 3,
      problem: 'bad-signature',
    });
  });
});
