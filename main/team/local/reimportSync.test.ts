/**
 * A re-import in a team (captureReimport.ts, applyReimport.ts) over two real backends (the real
 * services, capture, outbox, sync loop and apply) and an in-memory server that orders changes by
 * the merge rules (shared/team/mergeRules.ts). The loop runs only on Sync now (no NOTIFY, no poll),
 * so what is sent when is up to each test.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_HEAD, mergeChange, type EntityHead } from '../../../shared/team/mergeRules.js';
import { createBackend, type Backend } from '../../backend.js';
import { createImportingRepo } from '../../db/repositories/importing/importingRepo.js';
import { createRepositories } from '../../db/repositories/index.js';
import { verifyLibrary } from '../../signing/verifyLibrary.js';
import { createMemorySecretStore } from '../../engines/secretStore.js';
import { createFakeEngine } from '../../testing/fakeEngine.js';
import { createFakeTeamDatabase, member as fakeMember, type FakeTeamDatabase } from '../../testing/fakeTeamPorts.js';
import { makeTempDir, removeTempDir } from '../../testing/tempDir.js';
import { teamPorts } from '../../teamPorts.js';
import type { Role } from '../../../shared/types.js';
import { stateHash } from './stateHash.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

/** The fake server with the real head/conflict rule applied to what it stores; no NOTIFY. */
function mergingServer(): FakeTeamDatabase {
  const server = createFakeTeamDatabase([fakeMember('ana'), fakeMember('ed', 'editor')]);
  const heads = new Map<string, EntityHead>();
  let merged = 0;
  const connect = server.connect.bind(server);
  server.connect = async (settings, password) => {
    const s = await connect(settings, password);
    return {
      ...s,
      async push(changes) {
        const results = await s.push(changes);
        for (; merged < server.changes.length; merged++) {
          const c = server.changes[merged]!;
          const result = mergeChange(heads.get(c.entityId) ?? EMPTY_HEAD, c);
          if (result.outcome === 'refused') throw new Error('no sign-offs in these tests');
          heads.set(c.entityId, result.head);
          c.outcome = result.outcome;
        }
        return results.map((r) => (r.ok ? { ...r, outcome: server.changes.find((c) => c.id === r.id)!.outcome } : r));
      },
      listen: async () => async () => {},
    };
  };
  return server;
}

interface Member {
  backend: Backend;
  sql: Database.Database;
}

async function join(server: FakeTeamDatabase, user: string, name: string, role: Role): Promise<Member> {
  const dir = makeTempDir('verso-reimport-team-');
  const backend = createBackend({
    dataDir: dir,
    mode: 'browser',
    version: '1.0.0',
    engines: [createFakeEngine()],
    secrets: createMemorySecretStore(),
    backups: false,
    integrityCheckIdleMs: null,
    team: {
      connect: (s, p) => server.connect(s, p),
      createLocalStore: teamPorts.createLocalStore,
      tuning: { pollMs: 3_600_000, pullEveryMs: 3_600_000 },
    },
  });
  const sql = new Database(backend.dbPath, { readonly: true });
  cleanups.push(() => {
    sql.close();
    backend.close();
    removeTempDir(dir);
  });
  await backend.api.setProfile({ name, role });
  // Registered as the admin would: sign-offs verify with the member's key.
  const key = await backend.api.getSigningPublicKey({});
  Object.assign(
    server.members.find((m) => m.roleName === user)!,
    { publicKey: key.publicKeyPem, keyId: key.keyId },
  );
  await backend.api.saveTeamSettings({ host: '127.0.0.1', port: 5999, database: 'team', user, password: 'pw', tls: 'none', caPem: null });
  return { backend, sql };
}

const sync = async (...members: Member[]) => {
  for (const m of members) expect((await m.backend.api.syncTeamNow({})).lastError).toBeNull();
};
const md = (text: string) => ({ kind: 'text' as const, text, format: 'md' as const });
const outbox = (m: Member) =>
  m.sql
    .prepare<[], { kind: string; entity_id: string; payload: string }>('SELECT kind, entity_id, payload FROM team_outbox ORDER BY rowid')
    .all();
const paragraphs = async (m: Member, documentId: string) =>
  (await m.backend.api.getDocument({ documentId })).paragraphs.map(({ id, index, source, target, status }) => ({
    id,
    index,
    source,
    target,
    status,
  }));

const ORIGINAL = [
  'The storm hit the northern coast on Sunday night.',
  'Schools in the region will stay closed on Monday.',
  'The mayor asked residents to avoid the beaches.',
].join('\n\n');
// Paragraph 2 changed, paragraph 3 removed, a new paragraph added.
const REVISED = [
  'The storm hit the northern coast on Sunday night.',
  'Schools in the region will stay closed on Monday and Tuesday.',
  'Emergency shelters opened in three towns.',
].join('\n\n');

async function twoMembersWithStory() {
  const server = mergingServer();
  const ana = await join(server, 'ana', 'Ana', 'translator');
  const ed = await join(server, 'ed', 'Ed', 'editor');
  const doc = await ana.backend.api.importDocument({ source: md(ORIGINAL), sourceLang: 'en', targetLang: 'es', title: 'Storm' });
  const [p1, p2, p3] = doc.paragraphs.map((p) => p.id) as [string, string, string];
  await ana.backend.api.updateParagraphTarget({ paragraphId: p1, target: 'La tormenta azotó la costa norte el domingo.' });
  await ana.backend.api.updateParagraphTarget({ paragraphId: p2, target: 'Las escuelas seguirán cerradas el lunes.' });
  await ana.backend.api.confirmParagraphs({ paragraphIds: [p2] });
  await ana.backend.api.updateParagraphTarget({ paragraphId: p3, target: 'El alcalde pidió evitar las playas.' });
  await sync(ana, ed, ana);
  expect(await paragraphs(ed, doc.id)).toEqual(await paragraphs(ana, doc.id));
  return { server, ana, ed, doc, p1, p2, p3 };
}

describe('a re-import in a team', () => {
  it('is captured as one document change with the new list, and a reopening change on the changed paragraph', async () => {
    const { ana, doc, p1, p2, p3 } = await twoMembersWithStory();
    expect(outbox(ana)).toEqual([]);
    const { summary } = await ana.backend.api.reimportDocument({ documentId: doc.id, source: md(REVISED) });
    expect(summary).toMatchObject({ unchanged: 1, changed: [2], added: [3] });

    const [reimport, reopen, ...rest] = outbox(ana);
    expect(rest).toEqual([]);
    expect(reimport).toMatchObject({ kind: 'document', entity_id: doc.id });
    const payload = JSON.parse(reimport!.payload) as { reimport: { paragraphs: Record<string, unknown>[]; removed: string[] } };
    expect(payload.reimport.removed).toEqual([p3]);
    const [l1, l2, l3] = payload.reimport.paragraphs;
    expect(l1).toEqual({ id: p1, position: 0, kind: 'paragraph', marker: null, source: REVISED.split('\n\n')[0], codes: [] });
    expect(l2).toMatchObject({ id: p2, position: 1, source: REVISED.split('\n\n')[1] });
    expect(l2).not.toHaveProperty('added');
    expect(l3).toMatchObject({ position: 2, added: { target: '', status: 'new', excluded: false, mt: null } });
    // The changed paragraph is reopened on its own chain: a concurrent edit of it is a conflict.
    expect(reopen).toMatchObject({ kind: 'paragraph', entity_id: p2 });
    expect(JSON.parse(reopen!.payload)).toMatchObject({ target: 'Las escuelas seguirán cerradas el lunes.', status: 'edited' });
  });

  it('gives the other member the same paragraphs, reopening and archive; both libraries end in the same state', async () => {
    const { ana, ed, doc, p2, p3 } = await twoMembersWithStory();
    await ana.backend.api.reimportDocument({ documentId: doc.id, source: md(REVISED) });
    await sync(ana, ed, ana);

    const mine = await paragraphs(ana, doc.id);
    expect(mine.map((p) => p.source)).toEqual(REVISED.split('\n\n'));
    expect(await paragraphs(ed, doc.id)).toEqual(mine);
    expect(mine[1]).toMatchObject({ id: p2, status: 'edited', target: 'Las escuelas seguirán cerradas el lunes.' });
    expect(await ed.backend.api.listReopenedParagraphs({ documentId: doc.id })).toEqual([
      expect.objectContaining({ paragraphId: p2, oldSource: ORIGINAL.split('\n\n')[1], oldStatus: 'translated' }),
    ]);
    expect(createImportingRepo(ed.sql).archived(doc.id)).toEqual([
      expect.objectContaining({ paragraphId: p3, target: 'El alcalde pidió evitar las playas.' }),
    ]);
    // A later edit of the added paragraph chains on as usual.
    await ed.backend.api.updateParagraphTarget({ paragraphId: mine[2]!.id, target: 'Se abrieron refugios en tres pueblos.' });
    await sync(ed, ana);
    expect((await paragraphs(ana, doc.id))[2]!.target).toBe('Se abrieron refugios en tres pueblos.');
    for (const m of [ana, ed]) expect((await m.backend.api.getTeamStatus({})).waiting).toBe(0);
    expect(stateHash(ed.sql)).toBe(stateHash(ana.sql));
  });

  for (const when of ['sent before the re-import', 'unsent while the re-import arrives'] as const) {
    it(`an edit of the changed paragraph ${when} is kept as a conflict on both sides, never overwritten`, async () => {
      const { ana, ed, doc, p2 } = await twoMembersWithStory();
      const edText = 'Los colegios de la región seguirán cerrados el lunes.';
      await ed.backend.api.updateParagraphTarget({ paragraphId: p2, target: edText });
      if (when === 'sent before the re-import') await sync(ed);
      await ana.backend.api.reimportDocument({ documentId: doc.id, source: md(REVISED) });
      await sync(ana, ed, ana);

      for (const m of [ana, ed]) {
        const { conflicts } = await m.backend.api.listTeamConflicts({ documentId: doc.id });
        expect(conflicts).toHaveLength(1);
        expect(conflicts[0]!.paragraphId).toBe(p2);
        const texts = [conflicts[0]!.mine.text, conflicts[0]!.theirs.text];
        expect(texts).toContain(edText);
        expect(texts).toContain('Las escuelas seguirán cerradas el lunes.');
        // The new source is there either way.
        expect((await paragraphs(m, doc.id))[1]!.source).toBe(REVISED.split('\n\n')[1]);
      }
      expect(stateHash(ed.sql)).toBe(stateHash(ana.sql));
    });
  }

  it('a sign-off the re-import withdrew (its source changed) is withdrawn for the other member too; both libraries check clean', async () => {
    const { ana, ed, doc, p2 } = await twoMembersWithStory();
    await ed.backend.api.signOffParagraphs({ paragraphIds: [p2] });
    await sync(ed, ana);
    expect((await paragraphs(ana, doc.id))[1]!.status).toBe('signed-off');
    const { summary } = await ana.backend.api.reimportDocument({ documentId: doc.id, source: md(REVISED) });
    expect(summary.signOffsWithdrawn).toBe(1);
    await sync(ana, ed);
    for (const m of [ana, ed]) {
      expect((await paragraphs(m, doc.id))[1]).toMatchObject({ id: p2, status: 'edited', source: REVISED.split('\n\n')[1] });
      expect(verifyLibrary(m.sql, createRepositories(m.sql)).problems).toEqual([]);
    }
    expect(stateHash(ed.sql)).toBe(stateHash(ana.sql));
  });

  it('a sign-off made while the re-import was on its way wins the paragraph: the reopening is kept as a conflict on both', async () => {
    const { ana, ed, doc, p2 } = await twoMembersWithStory();
    await ed.backend.api.signOffParagraphs({ paragraphIds: [p2] });
    await sync(ed);
    await ana.backend.api.reimportDocument({ documentId: doc.id, source: md(REVISED) });
    await sync(ana, ed, ana);
    for (const m of [ana, ed]) {
      expect((await m.backend.api.listTeamConflicts({ documentId: doc.id })).conflicts.map((c) => c.paragraphId)).toEqual([p2]);
      expect((await paragraphs(m, doc.id))[1]!.source).toBe(REVISED.split('\n\n')[1]);
    }
    expect(await paragraphs(ed, doc.id)).toEqual(await paragraphs(ana, doc.id));
    expect(stateHash(ed.sql)).toBe(stateHash(ana.sql));
    // Until it is resolved the sign-off shows as made on another text (visible, not hidden).
    for (const m of [ana, ed]) expect((await m.backend.api.getDocument({ documentId: doc.id })).paragraphs[1]!.signatureBroken).toBe(true);
    // Resolving it (Keep theirs: Ana's reopened text) leaves the paragraph to be signed again.
    await ed.backend.api.resolveTeamConflict({ paragraphId: p2, keep: 'theirs' });
    await sync(ed, ana, ed);
    for (const m of [ana, ed]) {
      expect((await m.backend.api.listTeamConflicts({ documentId: doc.id })).conflicts).toEqual([]);
      expect((await paragraphs(m, doc.id))[1]!.status).not.toBe('signed-off');
      expect(verifyLibrary(m.sql, createRepositories(m.sql)).problems).toEqual([]);
    }
    expect(stateHash(ed.sql)).toBe(stateHash(ana.sql));
  });

  it('an edit of a paragraph the re-import removed is kept in the archived copy on both sides', async () => {
    const { ana, ed, doc, p3 } = await twoMembersWithStory();
    await ed.backend.api.updateParagraphTarget({ paragraphId: p3, target: 'El alcalde pidió a los vecinos evitar las playas.' });
    await ana.backend.api.reimportDocument({ documentId: doc.id, source: md(REVISED) });
    await sync(ana, ed, ana);
    for (const m of [ana, ed]) {
      expect(createImportingRepo(m.sql).archived(doc.id)).toEqual([
        expect.objectContaining({ paragraphId: p3, target: 'El alcalde pidió a los vecinos evitar las playas.' }),
      ]);
      expect((await m.backend.api.getTeamStatus({})).waiting).toBe(0);
    }
    expect(stateHash(ed.sql)).toBe(stateHash(ana.sql));
  });

  it('a paragraph in conflict that the re-import removed keeps both sides in the archived copy on both', async () => {
    const { ana, ed, doc, p3 } = await twoMembersWithStory();
    await ed.backend.api.updateParagraphTarget({ paragraphId: p3, target: 'Texto de Ed.' });
    await ana.backend.api.updateParagraphTarget({ paragraphId: p3, target: 'Texto de Ana.' });
    await sync(ed, ana, ed);
    expect((await ana.backend.api.listTeamConflicts({ documentId: doc.id })).conflicts).toHaveLength(1);
    await ana.backend.api.reimportDocument({ documentId: doc.id, source: md(REVISED) });
    await sync(ana, ed);
    for (const m of [ana, ed]) {
      const row = m.sql
        .prepare<[string], { paragraph: string }>('SELECT paragraph FROM importing_archived_paragraphs WHERE paragraph_id = ?')
        .get(p3);
      const kept = JSON.parse(row!.paragraph) as { teamConflicts: { head_text: string; other_text: string }[] };
      expect(kept.teamConflicts.flatMap((c) => [c.head_text, c.other_text]).sort()).toEqual(['Texto de Ana.', 'Texto de Ed.']);
    }
  });

  it("an XLIFF re-import: the targets another tool changed reach the other member on each paragraph's chain", async () => {
    const { ana, ed, doc, p1 } = await twoMembersWithStory();
    const targets = ['La tormenta golpeó la costa norte el domingo por la noche.', null, null];
    const units = ORIGINAL.split('\n\n').map((source, i) => {
      const t = targets[i];
      return `<trans-unit id="${i + 1}"><source>${source}</source>${t ? `<target state="translated">${t}</target>` : ''}</trans-unit>`;
    });
    const xliff = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="storm" source-language="en" target-language="es" datatype="plaintext"><header><tool tool-id="mq" tool-name="memoQ" tool-version="9.12"/></header><body>
${units.join('\n')}
</body></file></xliff>`;
    const source = { kind: 'file' as const, fileName: 'storm.es.xlf', dataBase64: Buffer.from(xliff).toString('base64') };
    const { summary } = await ana.backend.api.reimportDocument({ documentId: doc.id, source });
    expect(summary.translations?.applied).toEqual([1]);
    expect(outbox(ana).map((c) => [c.kind, c.entity_id])).toEqual([
      ['document', doc.id],
      ['paragraph', p1],
    ]);
    await sync(ana, ed);
    expect((await paragraphs(ed, doc.id))[0]!.target).toBe(targets[0]);
    expect(await paragraphs(ed, doc.id)).toEqual(await paragraphs(ana, doc.id));
    expect(stateHash(ed.sql)).toBe(stateHash(ana.sql));
  });

  it('two members re-importing the same document before seeing each other end with the later one, alike', async () => {
    const { ana, ed, doc } = await twoMembersWithStory();
    await ana.backend.api.reimportDocument({ documentId: doc.id, source: md(REVISED) });
    const edVersion = `${ORIGINAL}\n\nThe coast guard rescued two fishermen.`;
    await ed.backend.api.reimportDocument({ documentId: doc.id, source: md(edVersion) });
    await sync(ana, ed, ana);
    const sources = (await paragraphs(ana, doc.id)).map((p) => p.source);
    expect(sources).toEqual(edVersion.split('\n\n'));
    expect(await paragraphs(ed, doc.id)).toEqual(await paragraphs(ana, doc.id));
    expect(stateHash(ed.sql)).toBe(stateHash(ana.sql));
  });
});
