/**
 * A pulled re-import is validated before anything changes (applyReimport.ts): a malformed one, one
 * listing a paragraph twice, with positions that are not 0…n-1 or naming another document's
 * paragraph is reported in `rejected` and the document stays as it was (fake server, real libraries).
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { TeamMember } from '../ports.js';
import { DOC, openTestTeam, P1, P2, type FakeTeamServer, type TeamLibrary, type TestTeam } from './applyTesting.js';
import { stateHash } from './stateHash.js';

let team: TestTeam<'ana' | 'ben'>;
let server: FakeTeamServer;
let ana: TeamLibrary;
let ben: TeamLibrary;
let members: TeamMember[];

beforeEach(() => {
  team = openTestTeam(
    { ana: { displayName: 'Ana', teamRole: 'translator' }, ben: { displayName: 'Ben', teamRole: 'editor' } },
    { documentShared: true },
  );
  ({ server, members } = team);
  ({ ana, ben } = team.libs);
});
afterEach(() => team.close());

const listed = (id: string, position: number, source: string) => ({ id, position, kind: 'paragraph', marker: null, source, codes: [] });
const reimport = (paragraphs: unknown[], removed: string[] = []) => ({
  reimport: { format: 'md', fileName: null, summary: {}, paragraphs, removed },
});

const cases: [string, Record<string, unknown>, string][] = [
  ['malformed', { reimport: { paragraphs: 'all of them' } }, 'malformed re-import'],
  ['a paragraph listed twice', reimport([listed(P1, 0, 'Rain fell.'), listed(P1, 1, 'Rain fell.')]), 'listed twice'],
  ['positions not 0…n-1', reimport([listed(P1, 0, 'Rain fell.'), listed(P2, 2, 'Wind rose.')]), 'positions'],
  ['a paragraph of another document', reimport([listed(P1, 0, 'Rain fell.'), listed('other-doc-p', 1, 'X.')]), 'another document'],
];

for (const [name, payload, reason] of cases) {
  it(`a re-import with ${name} is rejected and changes nothing`, () => {
    if (name === 'a paragraph of another document') {
      // A second document in Ben's library owns that paragraph id.
      ben.repos.documents.insert({
        id: 'other-doc',
        title: 'Other',
        sourceLang: 'en',
        targetLang: 'es',
        sourceFormat: 'md',
        createdAt: 'a',
        updatedAt: 'a',
      });
      ben.repos.paragraphs.insert({
        id: 'other-doc-p',
        documentId: 'other-doc',
        index: 0,
        kind: 'paragraph',
        marker: null,
        source: 'X.',
        target: '',
        status: 'new',
        mt: null,
        signOff: null,
        updatedAt: 'a',
      });
    }
    const before = stateHash(ben.db);
    ana.capture('document', DOC, DOC, payload);
    ana.push(server);
    const report = ben.pull(server, members);
    expect(report.rejected).toEqual([{ id: expect.any(String), reason: expect.stringContaining(reason) }]);
    expect(stateHash(ben.db)).toBe(before);
    expect(ben.repos.paragraphs.listByDocument(DOC).map((p) => p.id)).toEqual([P1, P2]);
  });
}

it('a valid re-import from the same helpers applies (the cases above fail for their reason only)', () => {
  ana.capture('document', DOC, DOC, reimport([listed(P2, 0, 'Wind rose.'), listed(P1, 1, 'Rain fell hard.')]));
  ana.push(server);
  expect(ben.pull(server, members).rejected).toEqual([]);
  expect(ben.repos.paragraphs.listByDocument(DOC).map((p) => [p.id, p.source])).toEqual([
    [P2, 'Wind rose.'],
    [P1, 'Rain fell hard.'],
  ]);
});
