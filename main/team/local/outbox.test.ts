/**
 * The outbox over a real library (the backend, its services and repositories, and a second
 * connection to the same file as the sync loop would hold): what is captured and when, base
 * chaining, autosave coalescing, sign-off claims, push results, refusals, and a restart.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutgoingChange } from '../../../shared/team/changes.js';
import type { TeamLocalStore } from '../ports.js';
import { encodeSignOff, type SignOffClaim } from '../../../shared/signing/canonical.js';
import { createBackend, type Backend } from '../../backend.js';
import { verifyEd25519 } from '../../core/crypto.js';
import { createRepositories } from '../../db/repositories/index.js';
import { actAs } from '../../testing/actAs.js';
import { makeTempDir, removeTempDir } from '../../testing/tempDir.js';
import { runWithoutCapture } from './captureSwitch.js';
import { createRevisionCapture } from './captureRevisions.js';
import { createOutbox, type Outbox } from './outbox.js';
import { TEAM_SERVER_AUTHOR } from './outboxWithdraw.js';

interface Library {
  backend: Backend;
  /** The sync loop's view: its own connection, repositories and outbox. */
  db: Database.Database;
  outbox: Outbox;
  dir: string;
  clock: { now: Date };
  advance(ms: number): void;
  reopen(): void;
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

function open(dir: string, clock: { now: Date }): Pick<Library, 'backend' | 'db' | 'outbox'> {
  const backend = createBackend({
    dataDir: dir,
    mode: 'browser',
    version: '1.0.0',
    engines: [],
    now: () => clock.now,
    backups: false,
    verifyAtStart: false,
  });
  const db = new Database(backend.dbPath);
  const repos = createRepositories(db, { revisionObserver: createRevisionCapture(db) });
  // The outbox is the TeamLocalStore's outbox part as it is.
  const outbox = createOutbox(db, repos, () => clock.now) satisfies Pick<TeamLocalStore, 'pendingChanges' | 'markPushed' | 'waitingCount'>;
  return { backend, db, outbox };
}

function library(): Library {
  const dir = makeTempDir();
  const clock = { now: new Date('2026-12-03T10:00:00.000Z') };
  const lib = { dir, clock, ...open(dir, clock) } as Library;
  lib.advance = (ms) => (clock.now = new Date(clock.now.getTime() + ms));
  lib.reopen = () => {
    lib.db.close();
    lib.backend.close();
    Object.assign(lib, open(dir, clock));
  };
  cleanups.push(() => {
    lib.db.close();
    lib.backend.close();
    removeTempDir(dir);
  });
  return lib;
}

function joinTeam(lib: Library): void {
  lib.db.prepare(`INSERT INTO team_state (key, value) VALUES ('me', '"ana"')`).run();
}

function outboxRows(lib: Library): (OutgoingChange & { sent: number; ackedSeq: number | null })[] {
  const rows = lib.db.prepare<[], Record<string, string | number | null>>('SELECT * FROM team_outbox ORDER BY rowid').all();
  return rows.map((r) => ({
    id: String(r.change_id),
    kind: r.kind as OutgoingChange['kind'],
    documentId: String(r.document_id),
    entityId: String(r.entity_id),
    baseId: r.base_id === null ? null : String(r.base_id),
    payload: JSON.parse(String(r.payload)) as Record<string, unknown>,
    clientAt: String(r.client_at),
    sent: Number(r.sent),
    ackedSeq: r.acked_seq === null ? null : Number(r.acked_seq),
  }));
}

function localHead(lib: Library, entityId: string): string | null {
  return (
    lib.db.prepare<[string], { local_head: string }>('SELECT local_head FROM team_heads WHERE entity_id = ?').get(entityId)?.local_head ??
    null
  );
}

async function importArticle(lib: Library, paragraphs: string[]) {
  return lib.backend.api.importDocument({
    source: { kind: 'text', text: paragraphs.join('\n\n'), format: 'txt' },
    sourceLang: 'en',
    targetLang: 'es',
  });
}

describe('capture', () => {
  it('captures nothing in a library that is in no team', async () => {
    const lib = library();
    await actAs(lib.backend.api, { name: 'Ana', role: 'translator' });
    const doc = await importArticle(lib, ['Rain fell.']);
    await lib.backend.api.updateParagraphTarget({ paragraphId: doc.paragraphs[0]!.id, target: 'Llovió.' });
    await lib.backend.api.addComment({ paragraphId: doc.paragraphs[0]!.id, body: 'Check the tense.' });
    expect(outboxRows(lib)).toEqual([]);
    expect(lib.outbox.waitingCount()).toBe(0);
    expect(lib.outbox.pendingChanges(10)).toEqual([]);
  });

  it('in a team: an import is one document change; edits chain on it per paragraph; comments and their resolution are captured', async () => {
    const lib = library();
    joinTeam(lib);
    await actAs(lib.backend.api, { name: 'Ana', role: 'translator' });
    const doc = await importArticle(lib, ['Rain fell.', 'Roads closed.']);
    const [p1, p2] = doc.paragraphs.map((p) => p.id) as [string, string];

    let rows = outboxRows(lib);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'document', documentId: doc.id, entityId: doc.id, baseId: null });
    expect(rows[0]!.payload).toMatchObject({
      title: doc.title,
      sourceLang: 'en',
      targetLang: 'es',
      paragraphs: [
        { id: p1, position: 0, source: 'Rain fell.', target: '', status: 'new', excluded: false, mt: null },
        { id: p2, position: 1, source: 'Roads closed.', target: '', status: 'new', excluded: false, mt: null },
      ],
    });
    expect(localHead(lib, doc.id)).toBe(rows[0]!.id);

    // Two offline edits of one paragraph that are not folded together: the second is based on the first.
    await lib.backend.api.updateParagraphTarget({ paragraphId: p1, target: 'Llovía.' });
    lib.advance(120_000);
    await lib.backend.api.updateParagraphTarget({ paragraphId: p1, target: 'Llovió.' });
    await lib.backend.api.confirmParagraphs({ paragraphIds: [p1] });
    await lib.backend.api.setParagraphsExcluded({ paragraphIds: [p2], excluded: true });
    rows = outboxRows(lib);
    const [first, second, confirm, exclude] = rows.slice(1);
    expect(rows.slice(1).map((r) => [r.kind, r.entityId, r.payload.action])).toEqual([
      ['paragraph', p1, 'edit'],
      ['paragraph', p1, 'edit'],
      ['paragraph', p1, 'confirm'],
      ['paragraph', p2, 'exclude'],
    ]);
    expect(first!.baseId).toBeNull();
    expect(second!.baseId).toBe(first!.id);
    expect(confirm!.baseId).toBe(second!.id);
    expect(exclude!.baseId).toBeNull();
    expect(second!.payload).toMatchObject({ origin: 'human', target: 'Llovió.', status: 'edited', excluded: false, authorName: 'Ana' });
    expect(confirm!.payload).toMatchObject({ target: 'Llovió.', status: 'translated' });
    expect(exclude!.payload).toMatchObject({ excluded: true, exclusion: { name: 'Ana', role: 'translator', origin: 'human' } });
    expect(localHead(lib, p1)).toBe(confirm!.id);

    const comment = await lib.backend.api.addComment({ paragraphId: p1, body: 'Check the tense.' });
    await lib.backend.api.setCommentResolved({ commentId: comment.id, resolved: true });
    const [added, resolved] = outboxRows(lib).slice(5);
    expect(added).toMatchObject({
      kind: 'comment',
      entityId: comment.id,
      baseId: null,
      payload: { paragraphId: p1, body: 'Check the tense.' },
    });
    expect(resolved).toMatchObject({
      kind: 'comment',
      entityId: comment.id,
      baseId: added!.id,
      payload: { resolved: { at: '2026-12-03T10:02:00.000Z', byName: 'Ana' } },
    });
    expect(lib.outbox.waitingCount()).toBe(7);
  });

  it('captures nothing while pulled changes are applied (capture suspended)', async () => {
    const lib = library();
    joinTeam(lib);
    await actAs(lib.backend.api, { name: 'Ana', role: 'translator' });
    const doc = await importArticle(lib, ['Rain fell.']);
    const p = doc.paragraphs[0]!;
    const repos = createRepositories(lib.db, { revisionObserver: createRevisionCapture(lib.db) });
    const write = (target: string) =>
      lib.db.transaction(() => {
        repos.paragraphs.update({ ...repos.paragraphs.get(p.id)!, target, status: 'edited' });
        repos.revisions.insert({
          paragraphId: p.id,
          documentId: doc.id,
          profileId: null,
          authorName: 'Ben',
          role: 'translator',
          origin: 'human',
          action: 'edit',
          mtEngine: null,
          beforeText: '',
          afterText: target,
          statusBefore: 'new',
          statusAfter: 'edited',
          createdAt: '2026-12-03T10:00:00.000Z',
        });
      })();
    runWithoutCapture(lib.db, () => write('Llovió (pulled).'));
    expect(outboxRows(lib).map((r) => r.kind)).toEqual(['document']);
    write('Llovió (mine).');
    expect(outboxRows(lib).map((r) => r.kind)).toEqual(['document', 'paragraph']);
  });

  it('autosave folds edits into the unsent change; once a push read it, a further edit is a new change based on it', async () => {
    const lib = library();
    joinTeam(lib);
    await actAs(lib.backend.api, { name: 'Ana', role: 'translator' });
    const doc = await importArticle(lib, ['Rain fell.']);
    const p = doc.paragraphs[0]!.id;
    lib.outbox.markPushed(lib.outbox.pendingChanges(10).map((c, i) => ({ id: c.id, ok: true, seq: i + 1, outcome: 'applied' })));

    await lib.backend.api.updateParagraphTarget({ paragraphId: p, target: 'Llo' });
    lib.advance(1_000);
    await lib.backend.api.updateParagraphTarget({ paragraphId: p, target: 'Llovió' });
    let edits = outboxRows(lib).filter((r) => r.kind === 'paragraph');
    expect(edits).toHaveLength(1);
    expect(edits[0]!.payload.target).toBe('Llovió');
    expect(edits[0]!.clientAt).toBe('2026-12-03T10:00:01.000Z');
    // One revision in the history still.
    expect(lib.db.prepare("SELECT count(*) AS n FROM revisions WHERE action = 'edit'").get()).toEqual({ n: 1 });

    const pushed = lib.outbox.pendingChanges(10);
    expect(pushed.map((c) => c.payload.target)).toEqual(['Llovió']);
    lib.advance(1_000);
    await lib.backend.api.updateParagraphTarget({ paragraphId: p, target: 'Llovió.' });
    edits = outboxRows(lib).filter((r) => r.kind === 'paragraph');
    expect(edits.map((e) => e.payload.target)).toEqual(['Llovió', 'Llovió.']);
    expect(edits[1]!.baseId).toBe(edits[0]!.id);
    expect(edits[0]!.sent).toBe(1);
    // Still one revision: autosave folding is unchanged by the team.
    expect(lib.db.prepare("SELECT count(*) AS n FROM revisions WHERE action = 'edit'").get()).toEqual({ n: 1 });
  });
});

describe('glossary capture', () => {
  it('a term added, changed and removed is three glossary-term changes on one chain; none without a team', async () => {
    const lib = library();
    await actAs(lib.backend.api, { name: 'Ana', role: 'translator' });
    const { api } = lib.backend;
    await api.addGlossaryTerm({ sourceLang: 'en', targetLang: 'es', term: { source: 'flood', target: 'inundación' } });
    expect(outboxRows(lib)).toEqual([]);
    joinTeam(lib);
    const term = await api.addGlossaryTerm({ sourceLang: 'en', targetLang: 'es', term: { source: 'storm', target: 'tormenta' } });
    await api.updateGlossaryTerm({ termId: term.id, term: { source: 'storm', target: 'temporal' } });
    await api.deleteGlossaryTerm({ termId: term.id });
    const rows = outboxRows(lib);
    expect(rows.map((r) => [r.kind, r.documentId, r.entityId])).toEqual([
      ['glossary-term', 'glossary:en:es', term.id],
      ['glossary-term', 'glossary:en:es', term.id],
      ['glossary-term', 'glossary:en:es', term.id],
    ]);
    expect(rows.map((r) => r.baseId)).toEqual([null, rows[0]!.id, rows[1]!.id]);
    expect(rows[0]!.payload).toMatchObject({ sourceLang: 'en', targetLang: 'es', source: 'storm', target: 'tormenta', forbidden: [] });
    expect(rows[1]!.payload).toMatchObject({ target: 'temporal' });
    expect(rows[2]!.payload).toEqual({ removed: true, sourceLang: 'en', targetLang: 'es', source: 'storm' });
  });
});

describe('glossary import capture', () => {
  it('a CSV import in a team is one change per term added, changed or removed, in the import’s transaction', async () => {
    const lib = library();
    joinTeam(lib);
    await actAs(lib.backend.api, { name: 'Ana', role: 'translator' });
    const { api } = lib.backend;
    const kept = await api.addGlossaryTerm({ sourceLang: 'en', targetLang: 'es', term: { source: 'storm', target: 'tormenta' } });
    const csv = (text: string) => Buffer.from(text, 'utf8').toString('base64');
    const pair = { sourceLang: 'en', targetLang: 'es', fileName: 'terms.csv' };
    await api.importGlossary({ ...pair, dataBase64: csv('source,target\r\nstorm,temporal\r\nNATO,OTAN\r\n'), mode: 'merge' });
    await api.importGlossary({ ...pair, dataBase64: csv('source,target\r\nNATO,OTAN\r\n'), mode: 'replace' });
    const rows = outboxRows(lib);
    expect(rows.map((r) => [r.entityId === kept.id, r.payload.source, r.payload.target ?? null, r.payload.removed ?? false])).toEqual([
      [true, 'storm', 'tormenta', false],
      [true, 'storm', 'temporal', false],
      [false, 'NATO', 'OTAN', false],
      [true, 'storm', null, true],
    ]);
    expect(rows[3]!.baseId).toBe(rows[1]!.id);
  });
});

async function signedOffParagraph(lib: Library) {
  joinTeam(lib);
  await actAs(lib.backend.api, { name: 'Ana', role: 'translator' });
  const doc = await importArticle(lib, ['Rain fell.']);
  const p = doc.paragraphs[0]!.id;
  await lib.backend.api.updateParagraphTarget({ paragraphId: p, target: 'Llovió.' });
  await lib.backend.api.confirmParagraphs({ paragraphIds: [p] });
  await actAs(lib.backend.api, { name: 'Elena', role: 'editor' });
  await lib.backend.api.signOffParagraphs({ paragraphIds: [p] });
  const rows = outboxRows(lib);
  return { doc, p, rows, signOff: rows.at(-1)!, confirm: rows.at(-2)! };
}

describe('sign-off', () => {
  it('is a sign-off change on the paragraph head whose claim verifies with the signer’s public key', async () => {
    const lib = library();
    const { p, signOff, confirm } = await signedOffParagraph(lib);
    expect(signOff).toMatchObject({ kind: 'sign-off', entityId: p, baseId: confirm.id });
    const payload = signOff.payload as { claim: SignOffClaim; signature: string; keyId: string; target: string };
    expect(payload.target).toBe('Llovió.');
    expect(payload.claim).toMatchObject({ paragraphId: p, role: 'editor', keyId: payload.keyId });
    const key = lib.db
      .prepare<[string], { public_key: string }>('SELECT public_key FROM signing_keys WHERE key_id = ?')
      .get(payload.keyId)!;
    expect(verifyEd25519(key.public_key, encodeSignOff(payload.claim), payload.signature)).toBe(true);
    expect(verifyEd25519(key.public_key, encodeSignOff({ ...payload.claim, targetSha256: '0'.repeat(64) }), payload.signature)).toBe(false);
  });
});

describe('markPushed', () => {
  it('ok: acknowledged changes wait no more; the server head is left to the pull', async () => {
    const lib = library();
    await signedOffParagraph(lib);
    expect(lib.outbox.waitingCount()).toBe(4);
    const batch = lib.outbox.pendingChanges(2);
    expect(batch.map((c) => c.kind)).toEqual(['document', 'paragraph']);
    lib.outbox.markPushed([
      { id: batch[0]!.id, ok: true, seq: 7, outcome: 'applied' },
      { id: batch[1]!.id, ok: true, seq: 8, outcome: 'conflict' },
    ]);
    expect(outboxRows(lib).map((r) => r.ackedSeq)).toEqual([7, 8, null, null]);
    expect(lib.outbox.waitingCount()).toBe(2);
    expect(lib.outbox.pendingChanges(10).map((c) => c.kind)).toEqual(['paragraph', 'sign-off']);
    expect(lib.db.prepare('SELECT count(*) AS n FROM team_heads WHERE server_head IS NOT NULL').get()).toEqual({ n: 0 });
    // Pushing again (idempotent on the server) changes nothing here.
    lib.outbox.markPushed([{ id: batch[0]!.id, ok: true, seq: 7, outcome: 'applied' }]);
    expect(outboxRows(lib).map((r) => r.ackedSeq)).toEqual([7, 8, null, null]);
  });

  it('a refused sign-off is withdrawn locally with the reason kept; the next change builds on the sign-off’s base', async () => {
    const lib = library();
    const { doc, p, signOff, confirm } = await signedOffParagraph(lib);
    const message = 'The text of this paragraph changed on the team server before the sign-off arrived.';
    lib.outbox.markPushed([{ id: signOff.id, ok: false, code: 'TEAM_SIGN_OFF_STALE', message }]);

    const after = await lib.backend.api.getDocument({ documentId: doc.id });
    expect(after.paragraphs[0]).toMatchObject({ status: 'translated', signOff: null, target: 'Llovió.' });
    const history = await lib.backend.api.getParagraphHistory({ paragraphId: p });
    expect(history.entries.at(-1)).toMatchObject({ action: 'sign-off-withdrawn', authorName: TEAM_SERVER_AUTHOR });
    expect(lib.outbox.refusals()).toEqual([
      {
        changeId: signOff.id,
        kind: 'sign-off',
        documentId: doc.id,
        documentTitle: doc.title,
        paragraphId: p,
        paragraphNumber: 1,
        code: 'TEAM_SIGN_OFF_STALE',
        message,
        clientAt: signOff.clientAt,
      },
    ]);
    expect(lib.outbox.waitingCount()).toBe(3);
    expect(lib.outbox.pendingChanges(10).map((c) => c.id)).not.toContain(signOff.id);
    // The withdrawal is not sent (the server never had the sign-off); the paragraph's head is back on the confirm.
    expect(outboxRows(lib)).toHaveLength(4);
    expect(localHead(lib, p)).toBe(confirm.id);
    await actAs(lib.backend.api, { name: 'Ana', role: 'translator' });
    await lib.backend.api.updateParagraphTarget({ paragraphId: p, target: 'Llovió mucho.' });
    expect(outboxRows(lib).at(-1)).toMatchObject({ kind: 'paragraph', baseId: confirm.id });

    expect(lib.outbox.dismissRefusal(signOff.id)).toBe(true);
    expect(lib.outbox.refusals()).toEqual([]);
  });

  it('a refused sign-off already undone by a later edit withdraws nothing; the unsent edit is rebased on the sign-off’s base', async () => {
    const lib = library();
    const { doc, p, signOff, confirm } = await signedOffParagraph(lib);
    const sent = lib.outbox.pendingChanges(10);
    expect(sent.at(-1)!.id).toBe(signOff.id);
    await lib.backend.api.updateParagraphTarget({ paragraphId: p, target: 'Llovió mucho.' });
    const [edit, withdrawn] = outboxRows(lib).slice(-2);
    expect([edit!.payload.action, edit!.baseId, withdrawn!.payload.action]).toEqual(['edit', signOff.id, 'sign-off-withdrawn']);

    lib.outbox.markPushed([{ id: signOff.id, ok: false, code: 'TEAM_SIGN_OFF_STALE', message: 'changed meanwhile' }]);
    expect(outboxRows(lib).find((r) => r.id === edit!.id)!.baseId).toBe(confirm.id);
    const history = await lib.backend.api.getParagraphHistory({ paragraphId: p });
    expect(history.entries.filter((e) => e.authorName === TEAM_SERVER_AUTHOR)).toEqual([]);
    expect((await lib.backend.api.getDocument({ documentId: doc.id })).paragraphs[0]!.target).toBe('Llovió mucho.');
    expect(localHead(lib, p)).toBe(withdrawn!.id);
  });

  it('another refused change stays in the library, is listed, and can be sent again', async () => {
    const lib = library();
    joinTeam(lib);
    await actAs(lib.backend.api, { name: 'Ana', role: 'translator' });
    const doc = await importArticle(lib, ['Rain fell.']);
    await lib.backend.api.updateParagraphTarget({ paragraphId: doc.paragraphs[0]!.id, target: 'Llovió.' });
    const [, edit] = lib.outbox.pendingChanges(10);
    lib.outbox.markPushed([{ id: edit!.id, ok: false, code: 'TEAM_NOT_MEMBER', message: 'ana is not a member of this team.' }]);
    expect((await lib.backend.api.getDocument({ documentId: doc.id })).paragraphs[0]!.target).toBe('Llovió.');
    expect(lib.outbox.refusals().map((r) => [r.kind, r.paragraphNumber, r.code])).toEqual([['paragraph', 1, 'TEAM_NOT_MEMBER']]);
    expect(lib.outbox.waitingCount()).toBe(1);
    expect(lib.outbox.retryRefused(edit!.id)).toBe(true);
    expect(lib.outbox.pendingChanges(10).map((c) => c.id)).toEqual([outboxRows(lib)[0]!.id, edit!.id]);
  });
});

describe('dismissRefusal', () => {
  it('giving up a refused edit keeps the text here; the later unsent edit is rebased on its base', async () => {
    const lib = library();
    joinTeam(lib);
    await actAs(lib.backend.api, { name: 'Ana', role: 'translator' });
    const doc = await importArticle(lib, ['Rain fell.']);
    const p = doc.paragraphs[0]!.id;
    await lib.backend.api.updateParagraphTarget({ paragraphId: p, target: 'Llovió' });
    const [, refused] = lib.outbox.pendingChanges(10);
    lib.outbox.markPushed([{ id: refused!.id, ok: false, code: 'TEAM_CHANGE_INVALID', message: 'malformed' }]);
    lib.advance(1_000);
    // Autosave cannot fold into a refused change: a new change, on it.
    await lib.backend.api.updateParagraphTarget({ paragraphId: p, target: 'Llovió.' });
    const later = outboxRows(lib).at(-1)!;
    expect([later.baseId, later.payload.target]).toEqual([refused!.id, 'Llovió.']);

    expect(lib.outbox.dismissRefusal(refused!.id)).toBe(true);
    expect(lib.outbox.dismissRefusal(refused!.id)).toBe(false);
    expect(outboxRows(lib).map((r) => r.id)).not.toContain(refused!.id);
    expect(outboxRows(lib).at(-1)!.baseId).toBeNull();
    expect(localHead(lib, p)).toBe(later.id);
    expect((await lib.backend.api.getDocument({ documentId: doc.id })).paragraphs[0]!.target).toBe('Llovió.');
  });
});

describe('pendingChanges', () => {
  it('never hands out a row that is not a valid change: it is refused here with the reason', () => {
    const lib = library();
    lib.db
      .prepare(
        `INSERT INTO team_outbox (change_id, kind, document_id, entity_id, base_id, payload, client_at)
         VALUES ('not-a-uuid', 'paragraph', 'd1', 'p1', NULL, '{}', '2026-12-03T10:00:00.000Z')`,
      )
      .run();
    expect(lib.outbox.pendingChanges(10)).toEqual([]);
    expect(lib.outbox.waitingCount()).toBe(0);
    expect(lib.outbox.refusals()).toMatchObject([{ changeId: 'not-a-uuid', code: 'TEAM_CHANGE_INVALID', message: /^Not sent: / }]);
  });
});

describe('restart', () => {
  it('the outbox survives closing and reopening the library; a change read before the restart is not rewritten', async () => {
    const lib = library();
    joinTeam(lib);
    await actAs(lib.backend.api, { name: 'Ana', role: 'translator' });
    const doc = await importArticle(lib, ['Rain fell.']);
    const p = doc.paragraphs[0]!.id;
    await lib.backend.api.updateParagraphTarget({ paragraphId: p, target: 'Llo' });
    const before = lib.outbox.pendingChanges(10);
    lib.reopen();
    expect(lib.outbox.waitingCount()).toBe(2);
    expect(lib.outbox.pendingChanges(10)).toEqual(before);
    await lib.backend.api.updateParagraphTarget({ paragraphId: p, target: 'Llovió.' });
    const edits = outboxRows(lib).filter((r) => r.kind === 'paragraph');
    expect(edits.map((e) => [e.payload.target, e.baseId])).toEqual([
      ['Llo', null],
      ['Llovió.', before[1]!.id],
    ]);
  });
});
