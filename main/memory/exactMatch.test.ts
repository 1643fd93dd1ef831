/**
 * Exact matches without the fuzzy index (issue 17, migration 0290): right after a TMX import (read
 * by the streaming reader, staged, published), before any unit is indexed, `exactMatch` finds the
 * unit the fuzzy lookup finds at 100 % once the index is built — the same formatting, variant,
 * direction and newest-first rules, case kept; units inserted without a key are keyed first.
 */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../db/migrate.js';
import { MIGRATIONS } from '../db/migrations/index.js';
import { streamTmx } from '../import/tmxStream.js';
import type { InlineCode } from '../../shared/inline/inlineCodes.js';
import { createTmStore, type NewTmUnit } from './tmStore.js';
import { createTmxPublisher } from './tmxPublish.js';
import { createTmxStaging } from './tmxStaging.js';

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS);
});
afterEach(() => db.close());

const o = (i: number) => String.fromCharCode(0xe000 + i);
const c = (i: number) => String.fromCharCode(0xe100 + i);
const BOLD: InlineCode[] = [{ type: 'bold' }];

const unit = (source: string, target: string, extra: Partial<NewTmUnit> = {}): NewTmUnit => ({
  sourceLang: 'en',
  targetLang: 'es',
  source,
  target,
  origin: 'tmx',
  createdBy: 'x',
  createdAt: '2026-01-01T00:00:00.000Z',
  ...extra,
});

const tu = (source: string, target: string, lang = 'es') =>
  `<tu><tuv xml:lang="en"><seg>${source}</seg></tuv><tuv xml:lang="${lang}"><seg>${target}</seg></tuv></tu>`;
const tmx = (tus: string[]) =>
  Buffer.from(
    `<?xml version="1.0"?><tmx version="1.4"><header srclang="en" segtype="paragraph" adminlang="en" datatype="plaintext" o-tmf="x" creationtool="t" creationtoolversion="1"/><body>${tus.join('')}</body></tmx>`,
  );

/** A TMX through the streaming reader, staging and publishing, as `startTmxImport` runs it (nothing indexed). */
async function importTmx(bytes: Buffer, targetLang = 'es'): Promise<void> {
  const staging = createTmxStaging(db);
  const importId = staging.begin();
  let staged = 0;
  await streamTmx({ source: { kind: 'bytes', bytes }, sourceLang: 'en', targetLang, now: '2026-01-01T00:00:00.000Z' }, async (units) => {
    staged += staging.add(importId, units);
  });
  await createTmxPublisher(db).publish(importId, staged, {
    sourceLang: 'en',
    targetLang,
    mode: 'merge',
    signal: new AbortController().signal,
  });
}

describe('exact matches without the fuzzy index', () => {
  it('finds a TMX import’s units by their key before any is indexed: newest first, case and words exact', async () => {
    await importTmx(
      tmx([
        tu('The storm closed the port.', 'La tormenta cerró el puerto (old).'),
        tu('The storm closed the port.', 'La tormenta cerró el puerto.'),
        tu('the storm closed the port.', 'minúscula'),
        tu('The storm closed the port today.', 'hoy'),
      ]),
    );
    const store = createTmStore(db);
    expect(store.pending()).toBe(4);
    expect(db.prepare('SELECT count(*) FROM tm_units WHERE source_key IS NULL').pluck().get()).toBe(0);
    expect(store.exactMatch('en', 'es', 'The storm  closed the port.')).toMatchObject({
      score: 100,
      target: 'La tormenta cerró el puerto.',
    });
    expect(store.exactMatch('en', 'es', 'THE storm closed the port.')).toBeNull();
    expect(store.exactMatch('en', 'es', 'The storm closed the harbour.')).toBeNull();
    expect(store.exactMatch('en', 'fr', 'The storm closed the port.')).toBeNull();
    // Still nothing indexed: the lookup above did not need it.
    expect(store.pending()).toBe(4);
  });

  it('picks the unit the fuzzy lookup picks at 100 % once indexed (formatting, variants, direction, own paragraph)', () => {
    const store = createTmStore(db);
    store.addUnits([
      unit(`The ${o(0)}bank${c(0)} opened.`, 'bold', { codes: BOLD }),
      unit('The bank opened.', 'plain es-MX', { targetLang: 'es-MX' }),
      unit('The bank opened.', 'plain es-ES', { targetLang: 'es-ES' }),
      unit('The bank opened.', 'plain es-AR newest', { targetLang: 'es-AR' }),
      unit('Rain fell.', 'Llovió (es).'),
      unit('Rain fell.', 'Llovió (es-ES).', { targetLang: 'es-ES' }),
      unit('Wind rose.', 'Sopló (pt-BR).', { targetLang: 'pt-BR' }),
      unit('Snow.', 'Nieve (en-GB).', { sourceLang: 'en-GB', targetLang: 'es' }),
    ]);
    // A unit of a signed-off paragraph (inserted without a key, as the triggers do).
    db.exec(`INSERT INTO documents VALUES ('d1', 'Storm', 'en', 'es', 'txt', 'a', 'a');
      INSERT INTO paragraphs (id, document_id, position, kind, source, target, inline_codes, status, signed_off_name, signed_off_at, updated_at)
      VALUES ('p1', 'd1', 0, 'paragraph', 'Hail fell.', 'Granizó.', '[]', 'signed-off', 'Eva', 'a', 'a');`);
    expect(db.prepare('SELECT count(*) FROM tm_units WHERE source_key IS NULL').pluck().get()).toBe(9);
    const queries: [string, string, string, InlineCode[], string?][] = [
      ['en', 'es-ES', `The ${o(0)}bank${c(0)} opened.`, BOLD],
      ['en', 'es-ES', `The ${o(0)}bank${c(0)} opened.`, []],
      ['en', 'es-ES', 'The bank opened.', []],
      ['en', 'es-MX', 'The bank opened.', []],
      ['en', 'es', 'The bank opened.', []],
      ['en', 'es-CL', 'The bank opened.', []],
      ['en', 'es-ES', 'Rain fell.', []],
      ['en', 'es', 'Rain fell.', []],
      ['en', 'es', 'Wind rose.', []],
      ['en-US', 'es', 'Snow.', []],
      ['en', 'es', 'Hail fell.', []],
      ['en', 'es', 'Hail fell.', [], 'p1'],
    ];
    const exact = queries.map(([s, t, text, codes, excluded]) =>
      store.exactMatch(s, t, text, { codes, ...(excluded ? { excludeParagraphId: excluded } : {}) }),
    );
    expect(db.prepare('SELECT count(*) FROM tm_units WHERE source_key IS NULL').pluck().get()).toBe(0);
    store.syncIndex();
    const fuzzy = queries.map(
      ([s, t, text, codes, excluded]) =>
        store.lookup(s, t, text, { limit: 1, minScore: 100, codes, ...(excluded ? { excludeParagraphId: excluded } : {}) })[0] ?? null,
    );
    expect(exact.map((m) => m?.target ?? null)).toEqual(fuzzy.map((m) => m?.target ?? null));
    expect(exact).toEqual(fuzzy);
    expect(exact.map((m) => m?.target ?? null)).toEqual([
      'bold',
      null,
      'plain es-ES',
      'plain es-MX',
      'plain es-AR newest',
      null,
      'Llovió (es-ES).',
      'Llovió (es).',
      null,
      'Nieve (en-GB).',
      'Granizó.',
      null,
    ]);
  });
});
