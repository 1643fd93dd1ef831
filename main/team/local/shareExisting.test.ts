/**
 * Sharing the documents a library had before it joined the team, over a real library (the
 * backend, and a second connection as the sync loop holds): one document change each with the
 * current state, own sign-offs as sign-off changes, idempotent, in small transactions.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeSignOff, type SignOffClaim } from '../../../shared/signing/canonical.js';
import { createBackend, type Backend } from '../../backend.js';
import { verifyEd25519 } from '../../core/crypto.js';
import { actAs } from '../../testing/actAs.js';
import { makeTempDir, removeTempDir } from '../../testing/tempDir.js';
import type { TeamMember } from '../ports.js';
import { sharedDocumentCounts, shareExistingDocuments } from './shareExisting.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

const now = () => new Date('2026-12-04T10:00:00.000Z');

function library(): { backend: Backend; db: Database.Database } {
  const dir = makeTempDir();
  const backend = createBackend({
    dataDir: dir,
    mode: 'browser',
    version: '1.0.0',
    engines: [],
    now,
    backups: false,
    verifyAtStart: false,
  });
  const db = new Database(backend.dbPath);
  cleanups.push(() => {
    db.close();
    backend.close();
    removeTempDir(dir);
  });
  return { backend, db };
}

function join(db: Database.Database, me: TeamMember): void {
  db.prepare("INSERT INTO team_state (key, value) VALUES ('me', ?)").run(JSON.stringify(me));
}

interface Row {
  change_id: string;
  kind: string;
  entity_id: string;
  base_id: string | null;
  payload: string;
}
const outbox = (db: Database.Database) =>
  db
    .prepare<[], Row>('SELECT change_id, kind, entity_id, base_id, payload FROM team_outbox ORDER BY rowid')
    .all()
    .map((r) => ({ ...r, payload: JSON.parse(r.payload) as Record<string, unknown> }));

/** Two documents made before joining; the first has a paragraph signed off by the current profile. */
async function twoDocuments(backend: Backend) {
  const api = backend.api;
  const a = await api.importDocument({
    source: { kind: 'text', text: 'Rain fell.\n\nRoads closed.', format: 'txt' },
    sourceLang: 'en',
    targetLang: 'es',
    title: 'Rain',
  });
  const b = await api.importDocument({ source: { kind: 'text', text: 'Wind rose.', format: 'txt' }, sourceLang: 'en', targetLang: 'es' });
  const p1 = a.paragraphs[0]!.id;
  await api.updateParagraphTarget({ paragraphId: p1, target: 'Llovió.' });
  await api.signOffParagraphs({ paragraphIds: [p1] });
  return { a, b, p1 };
}

describe('sharing documents made before joining', () => {
  it('shares each once with its current state; an editor’s own sign-off travels with its claim and signature', async () => {
    const { backend, db } = library();
    await actAs(backend.api, { name: 'Eve', role: 'editor' });
    const { a, b, p1 } = await twoDocuments(backend);
    const key = await backend.api.getSigningPublicKey({});
    expect(outbox(db)).toEqual([]);
    expect(sharedDocumentCounts(db)).toEqual({ shared: 0, notShared: 2 });

    join(db, { roleName: 'eve', displayName: 'Eve', teamRole: 'editor', publicKey: key.publicKeyPem, keyId: key.keyId });
    expect(await shareExistingDocuments(db, { teamRole: 'editor', keyId: key.keyId }, now, 1)).toEqual({ documents: 2, signOffs: 1 });

    // Documents in creation order (here: the same instant, so by id); a document's own sign-offs right after it.
    const all = outbox(db);
    const at = all.findIndex((r) => r.entity_id === a.id);
    const rows = [all[at]!, all[at + 1]!, ...all.filter((r) => r.entity_id === b.id)];
    expect(all).toHaveLength(3);
    expect(rows.map((r) => [r.kind, r.entity_id, r.base_id])).toEqual([
      ['document', a.id, null],
      ['sign-off', p1, null],
      ['document', b.id, null],
    ]);
    expect(rows[0]!.payload).toMatchObject({
      title: 'Rain',
      paragraphs: [
        { id: p1, source: 'Rain fell.', target: 'Llovió.', status: 'signed-off' },
        { source: 'Roads closed.', target: '', status: 'new' },
      ],
    });
    const signOff = rows[1]!.payload as { claim: SignOffClaim; signature: string; keyId: string; target: string };
    expect(signOff).toMatchObject({ keyId: key.keyId, target: 'Llovió.', status: 'signed-off', authorName: 'Eve', role: 'editor' });
    expect(signOff.claim).toMatchObject({ documentId: a.id, paragraphId: p1, keyId: key.keyId });
    const raw = Buffer.from(key.publicKeyPem.replace(/-----[^-]+-----|\s/g, ''), 'base64')
      .subarray(12)
      .toString('base64');
    expect(verifyEd25519(raw, encodeSignOff(signOff.claim), signOff.signature)).toBe(true);
    // In the team now: heads set as for an import.
    const head = (id: string) =>
      db.prepare<[string], { local_head: string }>('SELECT local_head FROM team_heads WHERE entity_id = ?').get(id);
    expect(head(a.id)?.local_head).toBe(rows[0]!.change_id);
    expect(head(p1)?.local_head).toBe(rows[1]!.change_id);
    expect(sharedDocumentCounts(db)).toEqual({ shared: 2, notShared: 0 });

    // A second connect shares nothing twice.
    expect(await shareExistingDocuments(db, { teamRole: 'editor', keyId: key.keyId }, now)).toEqual({ documents: 0, signOffs: 0 });
    expect(outbox(db)).toHaveLength(3);
    // From now on its edits are captured like any team document's (the backend's own capture).
    await backend.api.updateParagraphTarget({ paragraphId: a.paragraphs[1]!.id, target: 'Carreteras cerradas.' });
    expect(outbox(db).at(-1)).toMatchObject({ kind: 'paragraph', entity_id: a.paragraphs[1]!.id, base_id: null });
  });

  it('a sign-off made with another key (or by a member who is not an editor) stays local: the team sees the text', async () => {
    const { backend, db } = library();
    await actAs(backend.api, { name: 'Eve', role: 'editor' });
    await twoDocuments(backend);
    join(db, { roleName: 'eve', displayName: 'Eve', teamRole: 'editor', publicKey: null, keyId: 'f'.repeat(32) });
    expect(await shareExistingDocuments(db, { teamRole: 'editor', keyId: 'f'.repeat(32) }, now)).toEqual({ documents: 2, signOffs: 0 });
    const key = await backend.api.getSigningPublicKey({});
    const other = library();
    await actAs(other.backend.api, { name: 'Eve', role: 'editor' });
    await twoDocuments(other.backend);
    join(other.db, { roleName: 'eve', displayName: 'Eve', teamRole: 'admin', publicKey: null, keyId: key.keyId });
    expect(await shareExistingDocuments(other.db, { teamRole: 'admin', keyId: key.keyId }, now)).toEqual({ documents: 2, signOffs: 0 });
    expect(outbox(other.db).map((r) => r.kind)).toEqual(['document', 'document']);
  });

  it('shares nothing while the library is in no team; documents pulled from the team are never shared back', async () => {
    const { backend, db } = library();
    await actAs(backend.api, { name: 'Ana', role: 'translator' });
    await twoDocuments(backend).catch(() => undefined); // a translator cannot sign off: the documents are there anyway
    expect(await shareExistingDocuments(db, { teamRole: 'translator', keyId: null }, now)).toEqual({ documents: 0, signOffs: 0 });
    // A document that came from the team has its head.
    const [first] = db.prepare<[], { id: string }>('SELECT id FROM documents ORDER BY created_at, id').all();
    db.prepare("INSERT INTO team_heads (entity_id, server_head, local_head) VALUES (?, 'x', 'x')").run(first!.id);
    join(db, { roleName: 'ana', displayName: 'Ana', teamRole: 'translator', publicKey: null, keyId: null });
    expect(await shareExistingDocuments(db, { teamRole: 'translator', keyId: null }, now)).toEqual({ documents: 1, signOffs: 0 });
    expect(outbox(db).map((r) => r.entity_id)).not.toContain(first!.id);
  });

  it('works in small transactions and lets the event loop run between them', async () => {
    const { backend, db } = library();
    await actAs(backend.api, { name: 'Ana', role: 'translator' });
    for (let i = 0; i < 3; i++)
      await backend.api.importDocument({ source: { kind: 'text', text: `Line ${i}.`, format: 'txt' }, sourceLang: 'en', targetLang: 'es' });
    join(db, { roleName: 'ana', displayName: 'Ana', teamRole: 'translator', publicKey: null, keyId: null });
    let seenMeanwhile = -1;
    const sharing = shareExistingDocuments(db, { teamRole: 'translator', keyId: null }, now, 1);
    setImmediate(() => (seenMeanwhile = outbox(db).length));
    expect(await sharing).toEqual({ documents: 3, signOffs: 0 });
    expect(seenMeanwhile).toBeGreaterThan(0);
    expect(seenMeanwhile).toBeLessThan(3);
  });
});
