import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateEd25519, keyIdOf, sha256Hex, signEd25519 } from '../../core/crypto.js';
import { encodeSignOff, type SignOffClaim } from '../../../shared/signing/canonical.js';
import { createAuditRepo } from '../../db/repositories/audit/auditRepo.js';
import { teamSignerOf } from '../../db/audit/auditEntries.js';
import { createSignatureVerifier } from '../../signing/verifySignatures.js';
import { verifyLibrary } from '../../signing/verifyLibrary.js';
import type { TeamMember } from '../ports.js';
import { captureActive } from './captureSwitch.js';
import { resolvingIds } from './conflictsResolveHook.js';
import {
  DOC,
  importDocument,
  localEdit as edit,
  localSignOff as signOff,
  openTeamLibrary,
  openTestTeam,
  P1,
  P2,
  tick,
  type FakeTeamServer,
  type TeamLibrary,
  type TestTeam,
} from './applyTesting.js';
import { stateHash } from './stateHash.js';

let team: TestTeam<'ana' | 'ben'>;
let server: FakeTeamServer;
let ana: TeamLibrary;
let ben: TeamLibrary;
let members: TeamMember[];

beforeEach(() => {
  // Ben's registered key is the key his library signs with.
  team = openTestTeam({
    ana: { displayName: 'Ana Translator', teamRole: 'translator' },
    ben: { displayName: 'Ben Editor', teamRole: 'editor', keyRegistered: true },
  });
  ({ server, members } = team);
  ({ ana, ben } = team.libs);
});
afterEach(() => team.close());

function sync(...libs: TeamLibrary[]): void {
  for (const lib of libs) lib.push(server);
  for (const lib of libs) lib.pull(server, members);
}

const outboxCount = (lib: TeamLibrary) => (lib.db.prepare('SELECT count(*) AS n FROM team_outbox').get() as { n: number }).n;
const target = (lib: TeamLibrary, id: string) => lib.repos.paragraphs.get(id)!.target;

describe('applying pulled changes', () => {
  it('a pulled document arrives with the same ids and import revisions by the member; the own one is acknowledged', () => {
    importDocument(ana);
    ana.push(server);
    const own = ana.pull(server, members);
    expect(own).toMatchObject({ applied: 0, acknowledged: 1, rejected: [], cursor: 1 });
    expect(outboxCount(ana)).toBe(0);
    expect(ben.pull(server, members)).toMatchObject({ applied: 1, acknowledged: 0, rejected: [], cursor: 1 });
    expect(ben.repos.paragraphs.listByDocument(DOC).map((p) => [p.id, p.target, p.status])).toEqual([
      [P1, '', 'new'],
      [P2, 'Subió el viento.', 'edited'],
    ]);
    const revisions = ben.repos.revisions.listByDocument(DOC);
    expect(revisions.map((r) => [r.action, r.authorName, r.role, r.profileId])).toEqual([
      ['import', 'Ana Translator', 'translator', null],
      ['import', 'Ana Translator', 'translator', null],
      ['edit', 'Ana Translator', 'translator', null],
    ]);
    expect(ben.applier.cursor()).toBe(1);
    expect(stateHash(ben.db)).toBe(stateHash(ana.db));
  });

  it('a pulled document keeps inline codes, MT records and exclusions; a malformed one is rejected and nothing is written', () => {
    const mt = {
      text: 'MT Llovió.',
      engineId: 'apertium',
      engineVersion: '3',
      sourceLang: 'en',
      targetLang: 'es',
      createdAt: tick(),
      unknownWords: [],
    };
    const paragraphs = [
      {
        id: 'x-p1',
        position: 0,
        kind: 'paragraph',
        marker: null,
        source: 'Rain \uE000fell\uE001.',
        target: 'MT Llovió.',
        status: 'machine',
        mt,
        codes: [{ type: 'bold' }],
      },
      {
        id: 'x-p2',
        position: 1,
        kind: 'quote',
        marker: null,
        source: 'Advertisement',
        target: '',
        status: 'new',
        mt: null,
        excluded: true,
      },
    ];
    const doc = { title: 'Rain', sourceLang: 'en', targetLang: 'es', sourceFormat: 'txt', paragraphs };
    server.push(
      { id: crypto.randomUUID(), kind: 'document', documentId: 'x', entityId: 'x', baseId: null, payload: doc, clientAt: tick() },
      'ana',
    );
    server.push(
      {
        id: crypto.randomUUID(),
        kind: 'document',
        documentId: 'y',
        entityId: 'y',
        baseId: null,
        payload: { ...doc, paragraphs: [{ id: 'y-p1' }] },
        clientAt: tick(),
      },
      'ana',
    );
    const report = ben.pull(server, members);
    expect(report).toMatchObject({ applied: 1, rejected: [{ id: server.changes[1]!.id, reason: 'malformed document change' }], cursor: 2 });
    const [p1, p2] = ben.repos.paragraphs.listByDocument('x');
    expect(p1).toMatchObject({ codes: [{ type: 'bold' }], mt, status: 'machine' });
    expect(p2!.excluded).toMatchObject({ name: 'Ana Translator', origin: 'import' });
    expect(ben.repos.revisions.listByParagraph('x-p1').map((r) => [r.action, r.origin, r.mtEngine])).toEqual([
      ['import', 'import', null],
      ['mt', 'mt', 'apertium'],
    ]);
    expect(ben.repos.revisions.last('x-p2')!.action).toBe('exclude');
    expect(ben.repos.documents.get('y')).toBeNull();
    // One that fails half-way (a paragraph id another document has) leaves nothing behind.
    importDocument(ana);
    ana.push(server);
    ben.pull(server, members);
    const clash = {
      ...doc,
      paragraphs: [
        { ...paragraphs[1]!, id: 'z-p1' },
        { ...paragraphs[1]!, id: P1, position: 1 },
      ],
    };
    server.push(
      { id: crypto.randomUUID(), kind: 'document', documentId: 'z', entityId: 'z', baseId: null, payload: clash, clientAt: tick() },
      'ana',
    );
    expect(ben.pull(server, members).rejected).toEqual([
      { id: server.changes.at(-1)!.id, reason: expect.stringMatching(/UNIQUE|PRIMARY/) as string },
    ]);
    expect(ben.repos.documents.get('z')).toBeNull();
    expect(ben.repos.paragraphs.get('z-p1')).toBeNull();
    expect(ben.applier.cursor()).toBe(server.changes.length);
  });

  it('a remote edit is written with a chained revision by the member; the library check stays clean', () => {
    importDocument(ana);
    sync(ana, ben);
    edit(ana, P1, 'Llovió.');
    sync(ana, ben);
    expect(target(ben, P1)).toBe('Llovió.');
    const last = ben.repos.revisions.last(P1)!;
    expect([last.action, last.authorName, last.role, last.profileId, last.afterText]).toEqual([
      'edit',
      'Ana Translator',
      'translator',
      null,
      'Llovió.',
    ]);
    expect(verifyLibrary(ben.db, ben.repos).problems).toEqual([]);
    expect(stateHash(ben.db)).toBe(stateHash(ana.db));
    expect(outboxCount(ana)).toBe(0);
    expect(ben.repos.documents.get(DOC)!.updatedAt).toBe(last.createdAt); // the library shows it as recently changed
  });

  it('two edits from the same base: both kept, the loser goes back to the head on its own machine, both converge; a resolution clears it everywhere', () => {
    importDocument(ana);
    sync(ana, ben);
    const anaChange = edit(ana, P1, 'Llovió.');
    const benChange = edit(ben, P1, 'Cayó la lluvia.');
    ana.push(server);
    ben.push(server); // same base: a conflict at the server
    expect(server.changes.map((c) => c.outcome)).toEqual(['applied', 'applied', 'conflict']);
    const benReport = ben.pull(server, members);
    expect(benReport).toMatchObject({ applied: 1, conflicts: 1, acknowledged: 1, rejected: [] });
    ana.pull(server, members);
    // Ben's copy showed his text optimistically; it goes back to the head, and the conflict shows both.
    expect(target(ben, P1)).toBe('Llovió.');
    expect(target(ana, P1)).toBe('Llovió.');
    for (const lib of [ana, ben])
      expect(lib.conflicts.conflicts(DOC)).toEqual([
        {
          paragraphId: P1,
          documentId: DOC,
          head: { changeId: anaChange, text: 'Llovió.', author: 'Ana Translator', at: expect.any(String) as string },
          other: { changeId: benChange, text: 'Cayó la lluvia.', author: 'Ben Editor', at: expect.any(String) as string },
        },
      ]);
    expect(stateHash(ben.db)).toBe(stateHash(ana.db));
    expect(outboxCount(ben)).toBe(0);
    expect(verifyLibrary(ben.db, ben.repos).problems).toEqual([]);

    // Ana keeps Ben's text: a change on the head that resolves Ben's change.
    const seen: (readonly string[] | null)[] = [];
    const insert = ana.repos.revisions.insert.bind(ana.repos.revisions);
    ana.repos.revisions.insert = (rev, remote) => {
      seen.push(resolvingIds(ana.db));
      return insert(rev, remote);
    };
    ana.conflicts.resolveConflict(P1, { changeId: benChange });
    expect(seen).toEqual([[benChange]]);
    expect(ana.conflicts.conflicts(DOC)).toEqual([]);
    expect(target(ana, P1)).toBe('Cayó la lluvia.');
    // What the outbox helper's capture does with that revision (resolves from the hook).
    ana.capture('paragraph', DOC, P1, {
      action: 'edit',
      origin: 'human',
      target: 'Cayó la lluvia.',
      status: 'edited',
      excluded: false,
      resolves: seen[0],
    });
    sync(ana, ben);
    expect(server.changes.at(-1)!.outcome).toBe('applied');
    expect(ben.conflicts.conflicts(DOC)).toEqual([]);
    expect(target(ben, P1)).toBe('Cayó la lluvia.');
    expect(stateHash(ben.db)).toBe(stateHash(ana.db));
  });

  it('resolving with an edited text or keeping the head; a paragraph without conflict cannot be resolved', () => {
    importDocument(ana);
    sync(ana, ben);
    edit(ana, P1, 'Llovió.');
    edit(ben, P1, 'Cayó la lluvia.');
    sync(ana, ben);
    ana.pull(server, members);
    ben.conflicts.resolveConflict(P1, { text: 'Llovió mucho.' });
    expect(target(ben, P1)).toBe('Llovió mucho.');
    expect(ben.conflicts.conflicts(DOC)).toEqual([]);
    expect(() => ben.conflicts.resolveConflict(P1, { text: 'x' })).toThrow(/no conflict/);
    const head = ana.conflicts.conflicts(DOC)[0]!.head.changeId;
    expect(() => ana.conflicts.resolveConflict(P1, { changeId: 'not-a-side' })).toThrow(/not a side/);
    ana.conflicts.resolveConflict(P1, { changeId: head });
    expect(target(ana, P1)).toBe('Llovió.');
  });

  it('a resolution that lost (the head moved first) shows the conflict again, with the resolution as one more side', () => {
    importDocument(ana);
    sync(ana, ben);
    const anaChange = edit(ana, P1, 'Llovió.');
    const benChange = edit(ben, P1, 'Cayó la lluvia.');
    sync(ana, ben);
    ana.pull(server, members);
    ben.conflicts.resolveConflict(P1, { changeId: benChange });
    expect(ben.conflicts.conflicts(DOC)).toEqual([]); // hidden while the resolution is on its way
    const resolution = ben.capture('paragraph', DOC, P1, {
      action: 'edit',
      origin: 'human',
      target: 'Cayó la lluvia.',
      status: 'edited',
      excluded: false,
      resolves: [benChange],
    }).id;
    const anaAgain = edit(ana, P1, 'Llovió fuerte.');
    sync(ana, ben); // Ana's edit reaches the head first: Ben's resolution is a conflict
    ana.pull(server, members);
    expect(server.changes.at(-1)!.outcome).toBe('conflict');
    for (const lib of [ana, ben]) {
      expect(lib.conflicts.conflicts(DOC).map((c) => [c.head.changeId, c.other.changeId])).toEqual([
        [anaAgain, benChange],
        [anaAgain, resolution],
      ]);
      expect(target(lib, P1)).toBe('Llovió fuerte.');
    }
    expect(anaChange).not.toBe(anaAgain);
    expect(stateHash(ben.db)).toBe(stateHash(ana.db));
  });

  it('a remote sign-off is verified with the registered key and kept with the signer’s claim; check and attestation data accept it', () => {
    importDocument(ana);
    sync(ana, ben);
    signOff(ben, P2);
    sync(ben, ana);
    const p = ana.repos.paragraphs.get(P2)!;
    expect(p.status).toBe('signed-off');
    expect(p.signOff).toMatchObject({ name: 'Ben Editor', role: 'editor' });
    expect(p.signatureBroken).toBeUndefined();
    const entry = createAuditRepo(ana.db).lastSignOff(P2)!;
    expect(teamSignerOf(entry.payload)).toEqual({ member: 'ben', publicKey: ben.member.publicKey });
    // The claim names Ben's chain position, not Ana's.
    expect((JSON.parse(entry.payload) as { claim: SignOffClaim }).claim.prevAuditHash).not.toBe(entry.prevHash);
    expect(createSignatureVerifier(ana.db).check([p])).toEqual([]);
    expect(verifyLibrary(ana.db, ana.repos).problems).toEqual([]);
    expect(verifyLibrary(ben.db, ben.repos).problems).toEqual([]);
    expect(stateHash(ben.db)).toBe(stateHash(ana.db));
    // Ben edits it again: the sign-off is gone everywhere.
    edit(ben, P2, 'Se levantó el viento.');
    sync(ben, ana);
    expect(ana.repos.paragraphs.get(P2)).toMatchObject({ status: 'edited', signOff: null, target: 'Se levantó el viento.' });
    expect(verifyLibrary(ana.db, ana.repos).problems).toEqual([]);
    expect(stateHash(ben.db)).toBe(stateHash(ana.db));
  });

  it('the checks refuse a team sign-off entry appended by hand with a key that is not the claim’s, or a bad signature', () => {
    importDocument(ana);
    sync(ana, ben);
    signOff(ben, P2);
    sync(ben, ana);
    const applied = createAuditRepo(ana.db).lastSignOff(P2)!;
    const { claim } = JSON.parse(applied.payload) as { claim: SignOffClaim };
    const other = generateEd25519();
    const append = (publicKey: string, signature: string) =>
      createAuditRepo(ana.db).append({
        kind: 'sign-off',
        documentId: DOC,
        paragraphId: P2,
        revisionId: applied.revisionId,
        build: () => ({
          payload: {
            type: 'verso.sign-off-entry.v1',
            revisionId: applied.revisionId,
            profileId: null,
            signer: 'Ben Editor',
            claim: { ...claim },
            team: { member: 'ben', publicKey },
          },
          signature,
          keyId: claim.keyId,
        }),
      });
    append(other.publicKey, signEd25519(other.privateKeyDer, encodeSignOff(claim)));
    const p = ana.repos.paragraphs.get(P2)!;
    expect(
      createSignatureVerifier(ana.db)
        .check([p])
        .map((c) => c.problem),
    ).toEqual(['unknown-key']);
    append(ben.member.publicKey!, signEd25519(other.privateKeyDer, encodeSignOff(claim)));
    expect(
      createSignatureVerifier(ana.db)
        .check([p])
        .map((c) => c.problem),
    ).toEqual(['bad-signature']);
  });

  it('a forged sign-off (another key, or a claim on other text) is rejected and not applied', () => {
    importDocument(ana);
    sync(ana, ben);
    const p = ana.repos.paragraphs.get(P2)!;
    const forger = generateEd25519();
    const claim: SignOffClaim = {
      documentId: DOC,
      paragraphId: P2,
      sourceSha256: sha256Hex(p.source),
      targetSha256: sha256Hex(p.target),
      role: 'editor',
      at: tick(),
      keyId: ben.member.keyId!, // claims Ben's key…
      prevAuditHash: '0'.repeat(64),
    };
    const forged = signEd25519(forger.privateKeyDer, encodeSignOff(claim)); // …signed with another
    server.push(
      {
        id: crypto.randomUUID(),
        kind: 'sign-off',
        documentId: DOC,
        entityId: P2,
        baseId: null,
        payload: { claim, signature: forged, keyId: claim.keyId },
        clientAt: tick(),
      },
      'ben',
    );
    const report = ana.pull(server, members);
    expect(report.applied).toBe(0);
    expect(report.rejected).toEqual([{ id: server.changes.at(-1)!.id, reason: 'the signature does not verify with the registered key' }]);
    expect(ana.repos.paragraphs.get(P2)!.status).toBe('edited');

    // A key that is not Ben's registered one at all.
    const ownKey = { ...claim, keyId: keyIdOf(forger.publicKey) };
    const signedWithOwn = signEd25519(forger.privateKeyDer, encodeSignOff(ownKey));
    server.push(
      {
        id: crypto.randomUUID(),
        kind: 'sign-off',
        documentId: DOC,
        entityId: P2,
        baseId: server.changes.at(-1)!.id,
        payload: { claim: ownKey, signature: signedWithOwn, keyId: ownKey.keyId },
        clientAt: tick(),
      },
      'ben',
    );
    expect(ana.pull(server, members).rejected.map((r) => r.reason)).toEqual([
      "the sign-off is not signed with Ben Editor's registered key",
    ]);

    // Ben's real key, but over text the paragraph does not hold.
    const wrongText = { ...claim, targetSha256: sha256Hex('Something else.') };
    const benKey = ben.repos.signingKeys.keyFor(ben.profile.id);
    server.push(
      {
        id: crypto.randomUUID(),
        kind: 'sign-off',
        documentId: DOC,
        entityId: P2,
        baseId: server.changes.at(-1)!.id,
        payload: { claim: wrongText, signature: benKey.sign(encodeSignOff(wrongText)), keyId: claim.keyId },
        clientAt: tick(),
      },
      'ben',
    );
    const stale = ana.pull(server, members);
    expect(stale.rejected.map((r) => r.reason)).toEqual(['the sign-off is on text that is not the paragraph’s current text']);
    expect(ana.repos.paragraphs.get(P2)!.status).toBe('edited');
    expect(verifyLibrary(ana.db, ana.repos).problems).toEqual([]);
  });

  it('re-applying the same changes changes nothing; applying never captures (no outbox rows, capture suspended)', () => {
    importDocument(ana);
    sync(ana, ben);
    edit(ana, P1, 'Llovió.');
    signOff(ben, P2);
    sync(ana, ben);
    const cleo = openTeamLibrary(team.dir, { roleName: 'cleo', displayName: 'Cleo', teamRole: 'translator', publicKey: null, keyId: null });
    try {
      const captured: boolean[] = [];
      const insert = cleo.repos.revisions.insert.bind(cleo.repos.revisions);
      cleo.repos.revisions.insert = (rev, remote) => {
        captured.push(captureActive(cleo.db));
        return insert(rev, remote);
      };
      const first = cleo.applier.applyPulled(server.changes, members);
      expect(first).toMatchObject({ applied: 3, conflicts: 0, acknowledged: 0, rejected: [], cursor: 3 });
      expect(captured.length).toBeGreaterThan(0);
      expect(captured.every((active) => !active)).toBe(true);
      expect(captureActive(cleo.db)).toBe(true);
      expect(outboxCount(cleo)).toBe(0);
      const hash = stateHash(cleo.db);
      expect(hash).toBe(stateHash(ana.db));
      const revisions = cleo.repos.revisions.count();
      expect(cleo.applier.applyPulled(server.changes, members)).toMatchObject({
        applied: 0,
        conflicts: 0,
        acknowledged: 0,
        rejected: [],
        cursor: 3,
      });
      expect(stateHash(cleo.db)).toBe(hash);
      expect(cleo.repos.revisions.count()).toBe(revisions);
      expect(verifyLibrary(cleo.db, cleo.repos).problems).toEqual([]);
    } finally {
      cleo.close();
    }
  });
});
