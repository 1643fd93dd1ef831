/**
 * Offline handoff (issue 16, item 5) over two real backends, no server: laptop A imports and
 * translates, sends; B opens (the document is added with the same ids), edits and signs off as
 * editor, sends back; A opens: the edit and a verifying sign-off are taken (library check clean).
 * Both edit one paragraph differently: a conflict, shown and resolved like sync's; resent, B takes
 * A's resolution. A tampered package is refused and changes nothing.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../backend.js';
import { createMemorySecretStore } from '../../engines/secretStore.js';
import { createRepositories } from '../../db/repositories/index.js';
import { verifyLibrary } from '../../signing/verifyLibrary.js';
import { createFakeEngine } from '../../testing/fakeEngine.js';
import { failure } from '../../testing/failure.js';
import { makeTempDir, removeTempDir } from '../../testing/tempDir.js';
import { teamPorts } from '../../teamPorts.js';
import type { Role } from '../../../shared/types.js';
import { canonicalJson, type CanonicalValue } from '../../../shared/signing/canonical.js';
import { generateEd25519, keyIdOf, signEd25519 } from '../../core/crypto.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

async function laptop(name: string, role: Role): Promise<{ backend: Backend; sql: Database.Database }> {
  const dir = makeTempDir('verso-package-');
  const backend = createBackend({
    dataDir: dir,
    mode: 'browser',
    version: '1.0.0',
    engines: [createFakeEngine()],
    secrets: createMemorySecretStore(),
    backups: false,
    integrityCheckIdleMs: null,
    // As the app has them; no server is ever set.
    team: teamPorts,
  });
  const sql = new Database(backend.dbPath, { readonly: true });
  cleanups.push(() => {
    sql.close();
    backend.close();
    removeTempDir(dir);
  });
  await backend.api.setProfile({ name, role });
  return { backend, sql };
}

const texts = async (b: Backend, documentId: string) => (await b.api.getDocument({ documentId })).paragraphs.map((p) => p.target);

describe('review packages between two laptops', () => {
  it('hands a document over and back: edits, a verifying sign-off, a conflict resolved, no server', async () => {
    const a = await laptop('Tina', 'translator');
    const b = await laptop('Eddie', 'editor');
    const doc = await a.backend.api.importDocument({
      source: { kind: 'text', text: 'The storm hit the coast.\n\nSchools stay closed.', format: 'md' },
      sourceLang: 'en',
      targetLang: 'es',
      title: 'Storm',
    });
    const [p1, p2] = doc.paragraphs.map((p) => p.id) as [string, string];
    await a.backend.api.updateParagraphTarget({ paragraphId: p1, target: 'La tormenta golpeó la costa.' });
    await a.backend.api.updateParagraphTarget({ paragraphId: p2, target: 'Las escuelas siguen cerradas.' });

    const first = await a.backend.api.sendForReview({ documentId: doc.id });
    expect(first.fileName).toMatch(/\.verso-review\.json$/);
    const opened = await b.backend.api.openReviewPackage({ content: first.content });
    expect(opened).toMatchObject({ documentId: doc.id, title: 'Storm', created: true, conflicts: 0, rejected: [] });
    expect(opened.signer.name).toBe('Tina');
    expect(await texts(b.backend, doc.id)).toEqual(await texts(a.backend, doc.id));

    // B edits p1 and signs it off; sends back.
    await b.backend.api.updateParagraphTarget({ paragraphId: p1, target: 'La tormenta azotó la costa.' });
    await b.backend.api.signOffParagraphs({ paragraphIds: [p1] });
    const back = await b.backend.api.sendForReview({ documentId: doc.id });
    const merged = await a.backend.api.openReviewPackage({ content: back.content });
    expect(merged).toMatchObject({ created: false, applied: 1, conflicts: 0, rejected: [] });
    const p1AtA = (await a.backend.api.getDocument({ documentId: doc.id })).paragraphs[0]!;
    expect(p1AtA).toMatchObject({ target: 'La tormenta azotó la costa.', status: 'signed-off' });
    expect(p1AtA.signatureBroken).toBeFalsy();
    const report = verifyLibrary(a.sql, createRepositories(a.sql));
    expect(report.problems).toEqual([]);
    expect(report.signedOff).toBe(1);

    // Both edit p2 differently: a conflict at A, "mine" is A's text.
    await a.backend.api.updateParagraphTarget({ paragraphId: p2, target: 'Las escuelas permanecen cerradas.' });
    await b.backend.api.updateParagraphTarget({ paragraphId: p2, target: 'Los colegios siguen cerrados.' });
    const clash = await a.backend.api.openReviewPackage({ content: (await b.backend.api.sendForReview({ documentId: doc.id })).content });
    expect(clash).toMatchObject({ applied: 0, conflicts: 1, rejected: [] });
    const { conflicts } = await a.backend.api.listTeamConflicts({ documentId: doc.id });
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({
      paragraphId: p2,
      ownSide: true,
      mine: { text: 'Las escuelas permanecen cerradas.', author: 'Tina' },
      theirs: { text: 'Los colegios siguen cerrados.', author: 'Eddie' },
    });
    expect((await texts(a.backend, doc.id))[1]).toBe('Las escuelas permanecen cerradas.');
    await a.backend.api.resolveTeamConflict({ paragraphId: p2, keep: 'theirs' });
    expect((await a.backend.api.listTeamConflicts({ documentId: doc.id })).conflicts).toEqual([]);
    expect((await texts(a.backend, doc.id))[1]).toBe('Los colegios siguen cerrados.');

    // A keeps a different wording after all and sends: B is behind (A saw B's text), B takes it.
    await a.backend.api.updateParagraphTarget({ paragraphId: p2, target: 'Los colegios permanecen cerrados.' });
    const again = await b.backend.api.openReviewPackage({ content: (await a.backend.api.sendForReview({ documentId: doc.id })).content });
    expect(again).toMatchObject({ applied: 1, conflicts: 0 });
    expect(await texts(b.backend, doc.id)).toEqual(['La tormenta azotó la costa.', 'Los colegios permanecen cerrados.']);
    // Opening the same package twice changes nothing more.
    expect(
      await b.backend.api.openReviewPackage({ content: (await a.backend.api.sendForReview({ documentId: doc.id })).content }),
    ).toMatchObject({
      applied: 0,
      conflicts: 0,
    });
    expect((await b.backend.api.getDocument({ documentId: doc.id })).paragraphs[0]!.status).toBe('signed-off');
  });

  it('refuses a tampered, foreign or malformed file and changes nothing', async () => {
    const a = await laptop('Tina', 'translator');
    const b = await laptop('Eddie', 'editor');
    const doc = await a.backend.api.importDocument({
      source: { kind: 'text', text: 'Rain is expected.', format: 'md' },
      sourceLang: 'en',
      targetLang: 'es',
    });
    await a.backend.api.updateParagraphTarget({ paragraphId: doc.paragraphs[0]!.id, target: 'Se espera lluvia.' });
    const { content } = await a.backend.api.sendForReview({ documentId: doc.id });
    const tampered = content.replace('Se espera lluvia.', 'Se espera sol.');
    expect(tampered).not.toBe(content);
    for (const bad of [tampered, '{"format":"verso-review-package"}', 'not json', '{"hello":1}']) {
      const err = await failure(b.backend.api.openReviewPackage({ content: bad }));
      expect(err).toMatchObject({ code: 'REVIEW_PACKAGE_INVALID' });
      expect(err.message).toMatch(/Nothing was changed/);
    }
    expect(await b.backend.api.listLibrary({})).toEqual([]);
    // A key id that is not its key's.
    const wrongKey = JSON.parse(content) as { signer: { keyId: string } };
    wrongKey.signer.keyId = '0'.repeat(32);
    expect(await failure(b.backend.api.openReviewPackage({ content: JSON.stringify(wrongKey) }))).toMatchObject({
      code: 'REVIEW_PACKAGE_INVALID',
      details: { reason: 'the signer’s key id does not match its key' },
    });
    expect(await b.backend.api.listLibrary({})).toEqual([]);
  });

  it('applies a sign-off only when its claim verifies with the package’s key', async () => {
    const a = await laptop('Tina', 'translator');
    const b = await laptop('Eddie', 'editor');
    const doc = await a.backend.api.importDocument({
      source: { kind: 'text', text: 'Rain is expected.', format: 'md' },
      sourceLang: 'en',
      targetLang: 'es',
    });
    const p1 = doc.paragraphs[0]!.id;
    await a.backend.api.updateParagraphTarget({ paragraphId: p1, target: 'Se espera lluvia.' });
    await b.backend.api.openReviewPackage({ content: (await a.backend.api.sendForReview({ documentId: doc.id })).content });
    await b.backend.api.updateParagraphTarget({ paragraphId: p1, target: 'Se esperan lluvias.' });
    await b.backend.api.signOffParagraphs({ paragraphIds: [p1] });
    const { content } = await b.backend.api.sendForReview({ documentId: doc.id });

    // Someone re-signs Eddie's package with their own key and claims the sign-off is theirs.
    const forged = JSON.parse(content) as Record<string, unknown> & {
      signer: { name: string; keyId: string; publicKey: string };
      paragraphs: { signOff: { claim: { keyId: string } } | null }[];
    };
    const key = generateEd25519();
    forged.signer = { ...forged.signer, name: 'Mallory', keyId: keyIdOf(key.publicKey), publicKey: key.publicKey };
    forged.paragraphs[0]!.signOff!.claim.keyId = keyIdOf(key.publicKey);
    delete forged.signature;
    forged.signature = signEd25519(key.privateKeyDer, canonicalJson(forged as CanonicalValue));
    const result = await a.backend.api.openReviewPackage({ content: JSON.stringify(forged) });
    expect(result).toMatchObject({ applied: 1, rejected: [{ paragraphId: p1, reason: 'the sign-off’s signature does not verify' }] });
    expect((await a.backend.api.getDocument({ documentId: doc.id })).paragraphs[0]).toMatchObject({
      target: 'Se esperan lluvias.',
      status: 'translated',
    });
    // Eddie's own package: the sign-off verifies and is applied.
    expect(await a.backend.api.openReviewPackage({ content })).toMatchObject({ applied: 1, rejected: [] });
    expect((await a.backend.api.getDocument({ documentId: doc.id })).paragraphs[0]!.status).toBe('signed-off');
    expect(verifyLibrary(a.sql, createRepositories(a.sql)).problems).toEqual([]);
  });

  it('carries the comments (and their resolutions) and the glossary terms changed since the last package, both ways', async () => {
    const a = await laptop('Tina', 'translator');
    const b = await laptop('Eddie', 'editor');
    const pair = { sourceLang: 'en', targetLang: 'es' };
    const doc = await a.backend.api.importDocument({
      source: { kind: 'text', text: 'The mayor spoke.\n\nThe council voted.', format: 'md' },
      ...pair,
    });
    const [p1, p2] = doc.paragraphs.map((p) => p.id) as [string, string];
    const question = await a.backend.api.addComment({ paragraphId: p1, body: 'Alcalde or alcaldesa?' });
    const mayor = await a.backend.api.addGlossaryTerm({ ...pair, term: { source: 'mayor', target: 'alcalde' } });
    await a.backend.api.addGlossaryTerm({ ...pair, term: { source: 'council', target: 'concejo', note: 'city council' } });

    expect(
      await b.backend.api.openReviewPackage({ content: (await a.backend.api.sendForReview({ documentId: doc.id })).content }),
    ).toMatchObject({
      created: true,
      rejected: [],
    });
    expect(await b.backend.api.listComments({ documentId: doc.id })).toEqual([question]);
    const atB = await b.backend.api.listGlossaryTerms(pair);
    expect(atB.map((t) => [t.id, t.source, t.target, t.note])).toEqual([
      [expect.any(String), 'council', 'concejo', 'city council'],
      [mayor.id, 'mayor', 'alcalde', ''],
    ]);

    // B answers, resolves Tina's comment and changes a term; A changes the other term meanwhile.
    const answer = await b.backend.api.addComment({ paragraphId: p2, body: 'Alcaldesa: it is Ms Ruiz.' });
    await b.backend.api.setCommentResolved({ commentId: question.id, resolved: true });
    await b.backend.api.updateGlossaryTerm({ termId: mayor.id, term: { source: 'mayor', target: 'alcaldesa' } });
    const council = atB.find((t) => t.source === 'council')!;
    await b.backend.api.updateGlossaryTerm({ termId: council.id, term: { source: 'council', target: 'consejo' } });
    await a.backend.api.updateGlossaryTerm({ termId: council.id, term: { source: 'council', target: 'cabildo' } });
    const back = await b.backend.api.sendForReview({ documentId: doc.id });
    const sent = JSON.parse(back.content) as { version: number; glossary: { source: string }[] };
    expect(sent.version).toBe(2);
    expect(sent.glossary.map((t) => t.source).sort()).toEqual(['council', 'mayor']);
    const merged = await a.backend.api.openReviewPackage({ content: back.content });
    expect(merged.rejected).toEqual([{ paragraphId: '', reason: 'glossary term “council” changed on both sides: this library’s is kept' }]);
    const comments = await a.backend.api.listComments({ documentId: doc.id });
    expect(comments.map((c) => [c.id, c.authorName, c.body, c.resolved?.byName ?? null])).toEqual([
      [question.id, 'Tina', 'Alcalde or alcaldesa?', 'Eddie'],
      [answer.id, 'Eddie', 'Alcaldesa: it is Ms Ruiz.', null],
    ]);
    expect((await a.backend.api.listGlossaryTerms(pair)).map((t) => [t.source, t.target])).toEqual([
      ['council', 'cabildo'],
      ['mayor', 'alcaldesa'],
    ]);
    // Opening it again changes nothing more (comments once, Tina's term still kept).
    expect((await a.backend.api.openReviewPackage({ content: back.content })).rejected).toHaveLength(1);
    expect(await a.backend.api.listComments({ documentId: doc.id })).toHaveLength(2);
    expect((await a.backend.api.listGlossaryTerms(pair)).map((t) => t.target)).toEqual(['cabildo', 'alcaldesa']);

    // Tina sends: Eddie takes "cabildo" only if he did not change "council" since his last send — he did not.
    const third = await b.backend.api.openReviewPackage({ content: (await a.backend.api.sendForReview({ documentId: doc.id })).content });
    expect(third.rejected).toEqual([]);
    expect((await b.backend.api.listGlossaryTerms(pair)).map((t) => t.target)).toEqual(['cabildo', 'alcaldesa']);
  });

  it('a re-signed package with a damaged comment or term is refused and changes nothing; a version 1 package still opens', async () => {
    const a = await laptop('Tina', 'translator');
    const b = await laptop('Eddie', 'editor');
    const doc = await a.backend.api.importDocument({
      source: { kind: 'text', text: 'Rain is expected.', format: 'md' },
      sourceLang: 'en',
      targetLang: 'es',
    });
    await a.backend.api.addComment({ paragraphId: doc.paragraphs[0]!.id, body: 'Lluvia or lluvias?' });
    await a.backend.api.addGlossaryTerm({ sourceLang: 'en', targetLang: 'es', term: { source: 'rain', target: 'lluvia' } });
    const { content } = await a.backend.api.sendForReview({ documentId: doc.id });
    const key = generateEd25519();
    const resigned = (
      change: (p: Record<string, unknown> & { comments: Record<string, unknown>[]; glossary: Record<string, unknown>[] }) => void,
    ) => {
      const p = JSON.parse(content) as Record<string, unknown> & {
        comments: Record<string, unknown>[];
        glossary: Record<string, unknown>[];
      };
      p.signer = { name: 'Tina', role: 'translator', keyId: keyIdOf(key.publicKey), publicKey: key.publicKey };
      change(p);
      delete p.signature;
      p.signature = signEd25519(key.privateKeyDer, canonicalJson(p as CanonicalValue));
      return JSON.stringify(p);
    };
    const damaged = [
      resigned((p) => (p.comments[0]!.body = '')),
      resigned((p) => (p.comments[0]!.profileId = 'x')),
      resigned((p) => (p.glossary[0]!.forbidden = 'none')),
    ];
    for (const bad of damaged)
      expect(await failure(b.backend.api.openReviewPackage({ content: bad }))).toMatchObject({ code: 'REVIEW_PACKAGE_INVALID' });
    expect(await b.backend.api.listLibrary({})).toEqual([]);
    expect(await b.backend.api.listGlossaryTerms({ sourceLang: 'en', targetLang: 'es' })).toEqual([]);

    const v1 = resigned((p) => {
      p.version = 1;
      delete (p as Record<string, unknown>).comments;
      delete (p as Record<string, unknown>).glossary;
    });
    expect(await b.backend.api.openReviewPackage({ content: v1 })).toMatchObject({ created: true, rejected: [] });
    expect(await b.backend.api.listComments({ documentId: doc.id })).toEqual([]);
  });
});
