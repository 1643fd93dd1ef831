/** Applying comments, assignments and glossary terms pulled from the team (fake server, real libraries). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGlossaryRepo } from '../../glossary/glossaryRepo.js';
import { createWorkflowRepo } from '../../db/repositories/workflow/workflowRepo.js';
import type { TeamMember } from '../ports.js';
import { DOC, openTestTeam, P1, tick, type FakeTeamServer, type TeamLibrary, type TestTeam } from './applyTesting.js';
import { stateHash } from './stateHash.js';

let team: TestTeam<'ana' | 'ben'>;
let server: FakeTeamServer;
let ana: TeamLibrary;
let ben: TeamLibrary;
let members: TeamMember[];

beforeEach(() => {
  team = openTestTeam(
    { ana: { displayName: 'Ana Translator', teamRole: 'translator' }, ben: { displayName: 'Ben Editor', teamRole: 'admin' } },
    { documentShared: true },
  );
  ({ server, members } = team);
  ({ ana, ben } = team.libs);
});
afterEach(() => team.close());

function sync(): void {
  for (const lib of [ana, ben]) lib.push(server);
  for (const lib of [ana, ben]) lib.pull(server, members);
}

const TERM = {
  sourceLang: 'en',
  targetLang: 'es',
  source: 'storm',
  target: 'tormenta',
  note: '',
  definition: '',
  forbidden: [],
  caseSensitive: false,
};

function addTerm(lib: TeamLibrary, id: string, target: string): void {
  const at = tick();
  const glossary = createGlossaryRepo(lib.db);
  const term = { id, ...TERM, target, createdAt: at, updatedAt: at };
  if (glossary.get(id)) glossary.update(term);
  else glossary.insert(term);
  lib.capture('glossary-term', 'glossary', id, { ...TERM, target });
}

describe('applying comments, assignments and glossary terms', () => {
  it('an exclusion and an inclusion travel as paragraph changes, with their revisions', () => {
    const p = ana.repos.paragraphs.get(P1)!;
    const at = tick();
    ana.repos.paragraphs.setExclusion(P1, { at, name: ana.profile.name, role: 'translator', origin: 'human' });
    ana.capture('paragraph', DOC, P1, { action: 'exclude', origin: 'human', target: p.target, status: p.status, excluded: true });
    sync();
    expect(ben.repos.paragraphs.get(P1)!.excluded).toEqual({
      at: expect.any(String) as string,
      name: 'Ana Translator',
      role: 'translator',
      origin: 'human',
    });
    expect(ben.repos.revisions.last(P1)!.action).toBe('exclude');
    expect(stateHash(ben.db)).toBe(stateHash(ana.db));
    // A change that does not say `excluded` leaves the exclusion alone.
    ana.repos.paragraphs.update({ ...ana.repos.paragraphs.get(P1)!, target: 'Llovió.', status: 'edited' });
    ana.capture('paragraph', DOC, P1, { action: 'edit', origin: 'human', target: 'Llovió.', status: 'edited' });
    sync();
    expect(ben.repos.paragraphs.get(P1)).toMatchObject({ target: 'Llovió.', excluded: { name: 'Ana Translator' } });
    expect(stateHash(ben.db)).toBe(stateHash(ana.db));
    ana.repos.paragraphs.setExclusion(P1, null);
    ana.capture('paragraph', DOC, P1, { action: 'include', origin: 'human', target: 'Llovió.', status: 'edited', excluded: false });
    sync();
    expect(ben.repos.paragraphs.get(P1)!.excluded).toBeUndefined();
    expect(ben.repos.revisions.last(P1)!.action).toBe('include');
    expect(stateHash(ben.db)).toBe(stateHash(ana.db));
  });

  it('a comment and its resolution reach the other member; the states converge', () => {
    const at = tick();
    createWorkflowRepo(ana.db).addComment({
      id: 'c-1',
      paragraphId: P1,
      documentId: DOC,
      profileId: ana.profile.id,
      authorName: ana.profile.name,
      role: 'translator',
      body: 'Is “fell” past tense here?',
      at,
    });
    ana.capture('comment', DOC, 'c-1', { paragraphId: P1, body: 'Is “fell” past tense here?', role: 'translator' });
    sync();
    expect(createWorkflowRepo(ben.db).commentsOfDocument(DOC)).toEqual([
      {
        id: 'c-1',
        paragraphId: P1,
        authorName: 'Ana Translator',
        role: 'translator',
        body: 'Is “fell” past tense here?',
        createdAt: expect.any(String) as string,
        resolved: null,
      },
    ]);
    createWorkflowRepo(ben.db).setResolved('c-1', { at: tick(), byName: 'Ben Editor' });
    ben.capture('comment', DOC, 'c-1', { paragraphId: P1, resolved: true });
    sync();
    expect(createWorkflowRepo(ana.db).getComment('c-1')!.resolved).toEqual({ at: expect.any(String) as string, byName: 'Ben Editor' });
    expect(stateHash(ben.db)).toBe(stateHash(ana.db));
  });

  it('an assignment by an admin reaches the translator; a later one on an old base does not replace it', () => {
    ben.db.prepare("INSERT INTO team_assignments VALUES (?, 'ana', 'ben', 'local')").run(DOC);
    ben.capture('assignment', DOC, `assignment:${DOC}`, { translator: 'ana', editor: 'ben' });
    sync();
    expect(ana.db.prepare('SELECT translator, editor FROM team_assignments').all()).toEqual([{ translator: 'ana', editor: 'ben' }]);
    // A second assignment pushed on the original (null) base: a conflict, the head stays.
    server.push(
      {
        id: crypto.randomUUID(),
        kind: 'assignment',
        documentId: DOC,
        entityId: `assignment:${DOC}`,
        baseId: null,
        payload: { translator: 'cleo', editor: null },
        clientAt: tick(),
      },
      'ben',
    );
    expect(ana.pull(server, members)).toMatchObject({ conflicts: 1, applied: 0 });
    expect(ana.db.prepare('SELECT translator, editor FROM team_assignments').all()).toEqual([{ translator: 'ana', editor: 'ben' }]);
    ben.pull(server, members);
    expect(stateHash(ben.db)).toBe(stateHash(ana.db));
  });

  it('glossary terms: added, changed, removed; a term on an old base is a conflict and changes nothing', () => {
    addTerm(ana, 'term-1', 'tormenta');
    sync();
    expect(createGlossaryRepo(ben.db).get('term-1')).toMatchObject({ source: 'storm', target: 'tormenta' });
    expect(stateHash(ben.db)).toBe(stateHash(ana.db));
    addTerm(ben, 'term-1', 'temporal');
    sync();
    expect(createGlossaryRepo(ana.db).get('term-1')!.target).toBe('temporal');
    // Ana changes it from the first version (as if she had not pulled): a conflict, Ben's stands.
    server.push(
      {
        id: crypto.randomUUID(),
        kind: 'glossary-term',
        documentId: 'glossary',
        entityId: 'term-1',
        baseId: null,
        payload: { ...TERM, target: 'borrasca' },
        clientAt: tick(),
      },
      'ana',
    );
    expect(ben.pull(server, members)).toMatchObject({ conflicts: 1 });
    expect(createGlossaryRepo(ben.db).get('term-1')!.target).toBe('temporal');
    ana.pull(server, members);
    createGlossaryRepo(ben.db).delete('term-1');
    ben.capture('glossary-term', 'glossary', 'term-1', { removed: true });
    sync();
    expect(createGlossaryRepo(ana.db).get('term-1')).toBeNull();
    expect(stateHash(ben.db)).toBe(stateHash(ana.db));
  });

  it('an own term or assignment that lost goes back to the head’s value on its own machine', () => {
    addTerm(ana, 'term-3', 'tormenta');
    sync();
    addTerm(ana, 'term-3', 'temporal');
    addTerm(ben, 'term-3', 'borrasca'); // same base: Ben's loses
    ben.db.prepare("INSERT INTO team_assignments VALUES (?, 'cleo', NULL, 'local')").run(DOC);
    ben.capture('assignment', DOC, `assignment:${DOC}`, { translator: 'cleo', editor: null });
    ana.db.prepare("INSERT INTO team_assignments VALUES (?, 'ana', 'ben', 'local')").run(DOC);
    ana.capture('assignment', DOC, `assignment:${DOC}`, { translator: 'ana', editor: 'ben' });
    sync();
    ana.pull(server, members);
    expect(createGlossaryRepo(ben.db).get('term-3')!.target).toBe('temporal');
    expect(ben.db.prepare('SELECT translator, editor FROM team_assignments').all()).toEqual([{ translator: 'ana', editor: 'ben' }]);
    expect(stateHash(ben.db)).toBe(stateHash(ana.db));
    // Going back is in Ben's audit chain (the pulled assignments in each library's, by the server's author).
    const audited = (db: typeof ben.db) =>
      (db.prepare("SELECT payload FROM audit_log WHERE kind = 'team-assignment' ORDER BY seq").all() as { payload: string }[]).map(
        (r) => JSON.parse(r.payload) as { how: string; translator: string | null; by: string; reason: string | null },
      );
    expect(audited(ben.db).map((e) => [e.how, e.translator, e.by])).toEqual([['taken-back', 'ana', 'Team server']]);
    expect(audited(ben.db)[0]!.reason).toContain('reached the team server first');
  });

  it('a pulled term whose source another local term has is reported, not applied', () => {
    const at = tick();
    createGlossaryRepo(ben.db).insert({ id: 'local-term', ...TERM, target: 'tempestad', createdAt: at, updatedAt: at });
    addTerm(ana, 'term-2', 'tormenta');
    ana.push(server);
    const report = ben.pull(server, members);
    expect(report.rejected).toEqual([{ id: server.changes.at(-1)!.id, reason: 'the glossary already has a term “storm”' }]);
    expect(createGlossaryRepo(ben.db).get('term-2')).toBeNull();
  });
});
