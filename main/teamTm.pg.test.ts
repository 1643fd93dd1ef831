/**
 * Issue 16, TM sync end to end below the UI: two Verso backends on one real PostgreSQL. Tina
 * imports a TMX; after a sync Eddie's TM lookup finds its unit (the batch pulled, queued, added in
 * the background and indexed). `VERSO_TM_SYNC_UNITS=100000` makes it a measurement: it prints the
 * times of each stage and the server's bytes (no time is asserted).
 */
import { describe, expect, it } from 'vitest';
import { usePgDatabase } from './team/server/testing/pgTestDatabase.js';
import { useTeamLibraries } from './testing/teamLibraries.js';
import { initTeam } from './team/server/testing/teamFixture.js';
import type { Role } from '../shared/types.js';

const pgdb = usePgDatabase();
const libraries = useTeamLibraries(pgdb);

const UNITS = Number(process.env.VERSO_TM_SYNC_UNITS ?? '2500');

async function member(name: string, role: Role) {
  const m = await libraries.member(name, role);
  return Object.assign(m.backend, { sql: m.sql });
}

const tu = (i: number) =>
  `<tu creationid="desk"><tuv xml:lang="en"><seg>Item ${i}: the regional council approved the transport budget.</seg></tuv>` +
  `<tuv xml:lang="es"><seg>Punto ${i}: el consejo regional aprobó el presupuesto de transporte.</seg></tuv></tu>\n`;
const tmx = (n: number) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en"/><body>\n${Array.from({ length: n }, (_, i) => tu(i)).join('')}</body></tmx>\n`;

const since = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`;

describe('TM sync on PostgreSQL', () => {
  it('Tina imports a TMX; after a sync, Eddie’s TM lookup finds its unit', { timeout: 1_800_000 }, async () => {
    await initTeam(pgdb);
    const tina = await member('Tina', 'translator');
    const eddie = await member('Eddie', 'editor');
    const t0 = performance.now();
    const bytes = Buffer.from(tmx(UNITS));
    const result = await tina.api.importTmx({
      sourceLang: 'en',
      targetLang: 'es',
      fileName: 'desk.tmx',
      dataBase64: bytes.toString('base64'),
      mode: 'merge',
    });
    expect(result.imported).toBe(UNITS);
    const imported = since(t0);
    const t1 = performance.now();
    await expect.poll(async () => (await tina.api.getTeamStatus({})).waiting, { timeout: 1_200_000, interval: 200 }).toBe(0);
    const pushed = since(t1);

    const t2 = performance.now();
    await eddie.api.syncTeamNow({});
    await expect
      .poll(async () => (await eddie.api.getTmStats({ sourceLang: 'en', targetLang: 'es' })).units, { timeout: 1_200_000, interval: 200 })
      .toBe(UNITS);
    const added = since(t2);
    await expect
      .poll(async () => (await eddie.api.getTmStats({ sourceLang: 'en', targetLang: 'es' })).indexing, {
        timeout: 1_200_000,
        interval: 200,
      })
      .toBe(0);
    const indexed = since(t2);

    const doc = await eddie.api.importDocument({
      source: { kind: 'text', text: `Item ${UNITS - 1}: the regional council approved the transport budget.`, format: 'md' },
      sourceLang: 'en',
      targetLang: 'es',
    });
    const [best] = await eddie.api.lookupTm({ paragraphId: doc.paragraphs[0]!.id });
    expect(best).toMatchObject({
      score: 100,
      target: `Punto ${UNITS - 1}: el consejo regional aprobó el presupuesto de transporte.`,
      origin: 'tmx',
    });
    expect(eddie.sql.prepare('SELECT count(*) FROM team_tm_inbox').pluck().get()).toBe(0);

    const server = await pgdb.admin<{ rows: string; payload: string; table: string }>(
      `SELECT count(*) AS rows, sum(pg_column_size(payload)) AS payload, pg_total_relation_size('verso.changes') AS table
       FROM verso.changes WHERE kind = 'tm-unit'`,
    );
    const s = server.rows[0]!;
    expect(Number(s.rows)).toBe(Math.ceil(UNITS / 1_000));
    console.log(
      `TM sync of ${UNITS} units (TMX ${bytes.length} bytes): import ${imported}, push ${pushed}, pulled+added ${added}, indexed ${indexed}; ` +
        `server: ${s.rows} tm-unit rows, payload ${s.payload} bytes (jsonb, TOAST-compressed), verso.changes ${s.table} bytes`,
    );
  });
});
