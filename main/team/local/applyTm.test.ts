/** Applying pulled TM batches (fake server, real libraries): queued, then added in the background, idempotent, validated. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTmStore } from '../../memory/tmStore.js';
import type { TeamMember } from '../ports.js';
import { openTestTeam, type FakeTeamServer, type TeamLibrary, type TestTeam } from './applyTesting.js';
import { createTmInbox } from './tmInbox.js';
import { tmDocumentId } from './tmBatchPayload.js';

let team: TestTeam<'ana' | 'ben'>;
let server: FakeTeamServer;
let ana: TeamLibrary;
let ben: TeamLibrary;
let members: TeamMember[];

beforeEach(() => {
  team = openTestTeam({ ana: { displayName: 'Ana', teamRole: 'translator' }, ben: { displayName: 'Ben', teamRole: 'editor' } });
  ({ server, members } = team);
  ({ ana, ben } = team.libs);
});
afterEach(() => team.close());

const unit = (i: number) => ({
  source: `The council met on day ${i} to vote the budget.`,
  target: `El consejo se reunió el día ${i} para votar el presupuesto.`,
  createdBy: 'desk',
  createdAt: '2026-12-01T10:00:00.000Z',
});
const batch = (from: number, to: number) => ({
  sourceLang: 'en',
  targetLang: 'es',
  units: Array.from({ length: to - from }, (_, k) => unit(from + k)),
});
const DOC = tmDocumentId('en', 'es');
const tmUnits = (lib: TeamLibrary): number => lib.db.prepare('SELECT count(*) FROM tm_units').pluck().get() as number;
const inboxRows = (lib: TeamLibrary): number => lib.db.prepare('SELECT count(*) FROM team_tm_inbox').pluck().get() as number;

async function pullAndDrain(lib: TeamLibrary) {
  const report = lib.pull(server, members);
  await createTmInbox(lib.db).drain();
  return report;
}

describe('tm-unit changes', () => {
  it('a batch reaches the other member’s memory and its fuzzy lookup; an own batch is acknowledged, not added twice', async () => {
    ana.capture('tm-unit', DOC, 'tm-batch:1', batch(0, 300));
    ana.push(server);
    const report = await pullAndDrain(ben);
    expect(report).toMatchObject({ applied: 1, rejected: [] });
    expect(inboxRows(ben)).toBe(0);
    expect(tmUnits(ben)).toBe(300);
    const store = createTmStore(ben.db);
    store.syncIndex();
    const [best] = store.lookup('en', 'es', 'The council met on day 7 to vote the budget.');
    expect(best).toMatchObject({ score: 100, target: 'El consejo se reunió el día 7 para votar el presupuesto.', origin: 'tmx' });

    expect((await pullAndDrain(ana)).acknowledged).toBe(1);
    expect(tmUnits(ana)).toBe(0); // Ana's units are hers already (here the fake capture wrote none)
    expect(ana.db.prepare('SELECT count(*) FROM team_outbox').pluck().get()).toBe(0);
  });

  it('applying the same units twice (again in another batch) stores each unit once', async () => {
    ana.capture('tm-unit', DOC, 'tm-batch:1', batch(0, 50));
    ana.capture('tm-unit', DOC, 'tm-batch:2', batch(25, 75));
    ana.push(server);
    await pullAndDrain(ben);
    expect(tmUnits(ben)).toBe(75);
    // The same change queued again (a crash before the cursor moved) adds nothing.
    const inbox = createTmInbox(ben.db);
    const again = server.changes[0]!;
    ben.db.prepare('DELETE FROM team_tm_inbox').run();
    inbox.enqueue(again.seq + 100, again.id, batch(0, 50));
    await inbox.drain();
    expect(tmUnits(ben)).toBe(75);
  });

  it('a damaged batch is rejected with its reason and nothing is stored; the cursor moves on', async () => {
    const tooMany = batch(0, 1_001);
    const noTarget = { sourceLang: 'en', targetLang: 'es', units: [{ ...unit(1), target: '' }] };
    const extra = { ...batch(0, 2), sql: 'DROP TABLE tm_units' };
    const tooLong = { sourceLang: 'en', targetLang: 'es', units: [unit(1), { ...unit(2), source: 'x'.repeat(500_001) }] };
    for (const [i, payload] of [tooMany, noTarget, extra, tooLong, { units: 'none' }].entries())
      ana.capture('tm-unit', DOC, `tm-batch:${i}`, payload);
    ana.push(server);
    const report = await pullAndDrain(ben);
    expect(report.applied).toBe(0);
    expect(report.rejected).toHaveLength(5);
    expect(report.rejected[0]!.reason).toMatch(/malformed TM batch/);
    expect(report.cursor).toBe(5);
    expect(inboxRows(ben)).toBe(0);
    expect(tmUnits(ben)).toBe(0);
  });

  it('"replace" removes the pair’s earlier TMX units before the batches after it add the new ones', async () => {
    createTmStore(ben.db).addUnits([
      { ...unit(900), sourceLang: 'en', targetLang: 'es', origin: 'tmx', codes: [] },
      { ...unit(901), sourceLang: 'en', targetLang: 'es', origin: 'tmx', codes: [] },
    ]);
    ana.capture('tm-unit', DOC, 'tm-replace:1', { sourceLang: 'en', targetLang: 'es', replaceTmx: true });
    ana.capture('tm-unit', DOC, 'tm-batch:1', batch(0, 10));
    ana.push(server);
    await pullAndDrain(ben);
    const sources = ben.db.prepare('SELECT source FROM tm_units ORDER BY id').pluck().all() as string[];
    expect(sources).toHaveLength(10);
    expect(sources).not.toContain(unit(900).source);
  });
});
