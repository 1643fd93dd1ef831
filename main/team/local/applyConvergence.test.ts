/**
 * Three members work on one document in a seeded random order — edits from stale bases, conflict
 * resolutions, sign-offs, pushes and pulls at random moments — against a fake server ordering
 * changes by the merge rules. Once everyone has pushed and pulled, every library has the same
 * state hash, the same open conflicts, an empty outbox and a clean library check.
 */
import { afterEach, expect, it } from 'vitest';
import { verifyLibrary } from '../../signing/verifyLibrary.js';
import { DOC, localEdit, localSignOff, openTestTeam, P1, P2, type TeamLibrary, type TestTeam } from './applyTesting.js';
import { stateHash } from './stateHash.js';
import { mulberry32 as prng } from '../../../shared/testing/seededRandom.js';

let team: TestTeam<'ana' | 'ben' | 'cleo'> | undefined;
afterEach(() => {
  team?.close();
  team = undefined;
});

const pendingOn = (lib: TeamLibrary, id: string) =>
  (lib.db.prepare('SELECT count(*) AS n FROM team_outbox WHERE entity_id = ?').get(id) as { n: number }).n;

for (const seed of [1, 2, 3]) {
  it(`seed ${seed}: 3 members, 120 random steps, all converge`, () => {
    const random = prng(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    team = openTestTeam(
      {
        ana: { displayName: 'Ana', teamRole: 'translator' },
        ben: { displayName: 'Ben', teamRole: 'editor', keyRegistered: true },
        cleo: { displayName: 'Cleo', teamRole: 'translator' },
      },
      { documentShared: true },
    );
    const { server, members } = team;
    const { ana, ben, cleo } = team.libs;
    const libs: TeamLibrary[] = [ana, ben, cleo];

    let texts = 0;
    for (let step = 0; step < 120; step++) {
      const lib = pick(libs);
      const paragraph = pick([P1, P2]);
      const r = random();
      if (r < 0.3) localEdit(lib, paragraph, `${lib.member.roleName} ${++texts}`);
      else if (r < 0.45) lib.push(server);
      else if (r < 0.6) expect(lib.pull(server, members).rejected).toEqual([]);
      else if (r < 0.8) {
        lib.pull(server, members);
        const open = lib.conflicts.conflicts(DOC).filter((c) => pendingOn(lib, c.paragraphId) === 0);
        const c = open[0];
        if (c) {
          lib.conflicts.resolveConflict(c.paragraphId, random() < 0.5 ? { changeId: c.head.changeId } : { changeId: c.other.changeId });
          const p = lib.repos.paragraphs.get(c.paragraphId)!;
          const resolves = open.filter((o) => o.paragraphId === c.paragraphId).map((o) => o.other.changeId);
          lib.capture('paragraph', DOC, c.paragraphId, {
            action: 'edit',
            origin: 'human',
            target: p.target,
            status: p.status,
            excluded: false,
            resolves,
          });
        }
      } else {
        // An editor signs off what they see on the head and sends it at once (so it is never stale).
        ben.pull(server, members);
        const p = ben.repos.paragraphs.get(paragraph)!;
        const inConflict = ben.conflicts.conflicts(DOC).some((c) => c.paragraphId === paragraph);
        if (!inConflict && pendingOn(ben, paragraph) === 0 && p.status !== 'signed-off' && p.target !== '') {
          localSignOff(ben, paragraph);
          expect(ben.push(server).every((res) => res.ok)).toBe(true);
        }
      }
    }
    for (let round = 0; round < 2; round++) {
      for (const lib of libs) lib.push(server);
      for (const lib of libs) expect(lib.pull(server, members).rejected).toEqual([]);
    }
    const kinds = server.changes.map((c) => `${c.kind}:${c.outcome}${Array.isArray(c.payload.resolves) ? ':resolves' : ''}`);
    // The run did what it is about: sign-offs, resolutions that landed and some that lost.
    expect(kinds).toContain('sign-off:applied');
    expect(kinds).toContain('paragraph:applied:resolves');
    expect(kinds).toContain('paragraph:conflict');
    const hashes = libs.map((lib) => stateHash(lib.db));
    expect(new Set(hashes).size).toBe(1);
    expect(libs.map((lib) => lib.conflicts.conflicts(DOC))).toEqual([0, 1, 2].map(() => ana.conflicts.conflicts(DOC)));
    for (const lib of libs) {
      expect(lib.db.prepare('SELECT count(*) AS n FROM team_outbox').get()).toEqual({ n: 0 });
      expect(verifyLibrary(lib.db, lib.repos).problems).toEqual([]);
    }
    expect(server.changes.length).toBeGreaterThan(30);
  });
}
