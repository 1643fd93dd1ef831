/**
 * Capture of a TMX import (real backend, real streamed import): in a team, the units it added go
 * to the outbox as bounded `tm-unit` batches; "replace" first sends the removal; units the memory
 * had are not sent again; outside a team nothing is captured.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../backend.js';
import { createFakeEngine } from '../../testing/fakeEngine.js';
import { makeTempDir, removeTempDir } from '../../testing/tempDir.js';
import { tmUnitPayloadSchema, type TmUnitPayload } from './tmBatchPayload.js';
import { toBatches } from './captureTm.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

function start(): Backend & { dir: string; sql: Database.Database } {
  const dir = makeTempDir();
  const backend = createBackend({ dataDir: dir, mode: 'electron', version: '1.0.0', engines: [createFakeEngine()] });
  const sql = new Database(backend.dbPath);
  cleanups.push(() => {
    sql.close();
    backend.close();
    removeTempDir(dir);
  });
  return Object.assign(backend, { dir, sql });
}

const tu = (i: number) =>
  `<tu creationid="desk"><tuv xml:lang="en"><seg>Sentence number ${i} about the budget.</seg></tuv><tuv xml:lang="es"><seg>Frase número ${i} sobre el presupuesto.</seg></tuv></tu>\n`;
const tmx = (from: number, to: number) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en"/><body>\n${Array.from({ length: to - from }, (_, i) => tu(from + i)).join('')}</body></tmx>\n`;

async function importTmx(b: Backend & { dir: string }, from: number, to: number, mode: 'merge' | 'replace' = 'merge') {
  const file = path.join(b.dir, `m-${from}-${to}.tmx`);
  fs.writeFileSync(file, tmx(from, to));
  const bytes = fs.readFileSync(file);
  return b.api.importTmx({ sourceLang: 'en', targetLang: 'es', fileName: 'm.tmx', dataBase64: bytes.toString('base64'), mode });
}

function outbox(b: { sql: Database.Database }): { entity: string; payload: TmUnitPayload }[] {
  return b.sql
    .prepare<[], { entity_id: string; payload: string }>("SELECT entity_id, payload FROM team_outbox WHERE kind = 'tm-unit' ORDER BY rowid")
    .all()
    .map((r) => ({ entity: r.entity_id, payload: tmUnitPayloadSchema.parse(JSON.parse(r.payload)) }));
}
const sizes = (rows: { payload: TmUnitPayload }[]) => rows.map((r) => ('units' in r.payload ? r.payload.units.length : 'replace'));

describe('captureTmxImport', () => {
  it('in a team: the units an import added, in batches of at most 1,000; again: nothing new; replace: the removal first', async () => {
    const b = start();
    await b.api.setProfile({ name: 'Ana', role: 'editor' });
    b.sql.prepare("INSERT INTO team_state (key, value) VALUES ('me', '\"ana\"')").run();
    expect(await importTmx(b, 0, 2_500)).toMatchObject({ imported: 2_500 });
    const first = outbox(b);
    expect(sizes(first)).toEqual([1_000, 1_000, 500]);
    expect(first.every((r) => r.entity.startsWith('tm-batch:'))).toBe(true);
    const u = 'units' in first[2]!.payload ? first[2]!.payload.units[499]! : null;
    expect(u).toMatchObject({
      source: 'Sentence number 2499 about the budget.',
      target: 'Frase número 2499 sobre el presupuesto.',
      createdBy: 'desk',
    });
    expect(first[0]!.payload).toMatchObject({ sourceLang: 'en', targetLang: 'es' });

    // Units the memory has already are neither stored nor sent again: only the 100 new ones.
    await importTmx(b, 2_400, 2_600);
    expect(sizes(outbox(b)).slice(3)).toEqual([100]);

    await importTmx(b, 5_000, 5_010, 'replace');
    const last = outbox(b).slice(4);
    expect(sizes(last)).toEqual(['replace', 10]);
    expect(last[0]!.entity).toMatch(/^tm-replace:/);
  });

  it('crash-safe: an import whose sharing was cut short after its first batch is shared on, once each, when the library next opens', async () => {
    const b = start();
    await b.api.setProfile({ name: 'Ana', role: 'editor' });
    b.sql.prepare("INSERT INTO team_state (key, value) VALUES ('me', '\"ana\"')").run();
    await importTmx(b, 0, 2_500, 'replace');
    const whole = outbox(b);
    expect(sizes(whole)).toEqual(['replace', 1_000, 1_000, 500]);
    expect(b.sql.prepare('SELECT count(*) FROM team_tm_captures').pluck().get()).toBe(0);
    // What a crash after the first batch's transaction leaves: the removal and one batch in the
    // outbox, the capture's row pointing after that batch's last unit.
    const units = b.sql.prepare<[], number>("SELECT id FROM tm_units WHERE origin = 'tmx' ORDER BY id").pluck().all();
    b.sql
      .prepare("DELETE FROM team_outbox WHERE kind = 'tm-unit' AND rowid NOT IN (SELECT rowid FROM team_outbox ORDER BY rowid LIMIT 2)")
      .run();
    b.sql
      .prepare(
        `INSERT INTO team_tm_captures (import_id, pair, source_lang, target_lang, last_unit_id, after_id, replace_pending, at)
         VALUES (7, 'en>es', 'en', 'es', ?, ?, 0, '2026-12-06T00:00:00.000Z')`,
      )
      .run(units.at(-1)!, units[999]!);
    b.close();

    const again = createBackend({ dataDir: b.dir, mode: 'electron', version: '1.0.0', engines: [createFakeEngine()] });
    cleanups.push(() => again.close());
    await expect.poll(() => b.sql.prepare('SELECT count(*) FROM team_tm_captures').pluck().get(), { timeout: 30_000 }).toBe(0);
    const resumed = outbox(b);
    expect(sizes(resumed)).toEqual(['replace', 1_000, 1_000, 500]);
    const sources = resumed.flatMap((r) => ('units' in r.payload ? r.payload.units.map((u) => u.source) : []));
    expect(new Set(sources).size).toBe(2_500);
    expect(sources).toEqual(whole.flatMap((r) => ('units' in r.payload ? r.payload.units.map((u) => u.source) : [])));
  });

  it('outside a team nothing is captured', async () => {
    const b = start();
    await b.api.setProfile({ name: 'Ana', role: 'editor' });
    expect(await importTmx(b, 0, 20)).toMatchObject({ imported: 20 });
    expect(outbox(b)).toEqual([]);
  });

  it('batches stay within the character bound; a unit too long to share is left out', () => {
    const big = { source: 'a'.repeat(300_000), target: 'b'.repeat(100_000), createdBy: 'x', createdAt: 'y' };
    const small = { source: 's', target: 't', createdBy: 'x', createdAt: 'y' };
    const huge = { ...small, source: 'c'.repeat(500_001) };
    const batches = toBatches([big, big, small, huge, big, big, big]);
    expect(batches.map((b) => b.length)).toEqual([3, 2, 1]);
    for (const b of batches) expect(tmUnitPayloadSchema.safeParse({ sourceLang: 'en', targetLang: 'es', units: b }).success).toBe(true);
    expect(tmUnitPayloadSchema.safeParse({ sourceLang: 'en', targetLang: 'es', units: [big, big, big] }).success).toBe(false);
  });
});
