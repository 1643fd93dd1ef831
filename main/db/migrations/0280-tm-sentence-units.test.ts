import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir } from '../../testing/tempDir.js';
import { migrate, schemaVersion } from '../migrate.js';
import { createTmStore } from '../../memory/tmStore.js';
import { MIGRATIONS } from './index.js';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeTempDir(dir));

describe('migration 0280-tm-sentence-units', () => {
  it('stores the pairs of sign-off units already indexed; later ones get theirs from the indexer, once; all go with the sign-off and leave the index', () => {
    const db = new Database(path.join(dir, 'verso.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 280),
    );
    db.exec(`INSERT INTO documents VALUES ('d1', 'Storm', 'en', 'es', 'txt', 'a', 'a');
      INSERT INTO paragraphs (id, document_id, position, kind, source, target, inline_codes, status, signed_off_name, signed_off_at, updated_at)
      VALUES ('p1', 'd1', 0, 'paragraph', 'Rain fell. Wind rose.', 'Llovió. Sopló el viento.', '[]', 'signed-off', 'Eva', 'a', 'a'),
             ('p2', 'd1', 1, 'paragraph', 'Sun shone. Birds sang.', 'Brilló el sol. Cantaron los pájaros.', '[]', 'signed-off', 'Eva', 'a', 'a');`);
    // p2's unit was indexed before this version (p1's still waits in the queue).
    db.exec(
      "UPDATE tm_units SET tokens = 'sun', token_count = 1 WHERE paragraph_id = 'p2'; DELETE FROM tm_index_queue WHERE unit_id IN (SELECT id FROM tm_units WHERE paragraph_id = 'p2')",
    );
    expect(
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= 280),
      ).applied,
    ).toEqual(['0280-tm-sentence-units']);
    expect(schemaVersion(db)).toBe(280);
    const units = () => db.prepare('SELECT source, target, parent_unit_id IS NOT NULL AS sentence FROM tm_units ORDER BY id').all();
    // The migration stores the pairs of the indexed unit; they are queued for indexing.
    expect(units()).toEqual([
      { source: 'Rain fell. Wind rose.', target: 'Llovió. Sopló el viento.', sentence: 0 },
      { source: 'Sun shone. Birds sang.', target: 'Brilló el sol. Cantaron los pájaros.', sentence: 0 },
      { source: 'Sun shone.', target: 'Brilló el sol.', sentence: 1 },
      { source: 'Birds sang.', target: 'Cantaron los pájaros.', sentence: 1 },
    ]);
    db.exec("DELETE FROM tm_units WHERE paragraph_id = 'p2'");
    expect(units()).toHaveLength(1);

    // p1's pairs come from the indexer (of today's schema).
    migrate(db, MIGRATIONS);
    const store = createTmStore(db);
    store.syncIndex();
    expect(units()).toEqual([
      { source: 'Rain fell. Wind rose.', target: 'Llovió. Sopló el viento.', sentence: 0 },
      { source: 'Rain fell.', target: 'Llovió.', sentence: 1 },
      { source: 'Wind rose.', target: 'Sopló el viento.', sentence: 1 },
    ]);
    expect(store.lookup('en', 'es', 'Wind rose.').map((m) => [m.score, m.target])).toEqual([
      [100, 'Sopló el viento.'],
      [50, 'Llovió. Sopló el viento.'],
    ]);
    // Indexing again (as migration 0150 re-queues units) adds no second set.
    db.exec(
      "UPDATE tm_units SET tokens = NULL WHERE parent_unit_id IS NULL; INSERT INTO tm_index_queue (unit_id, op, pair) SELECT id, 'add', pair FROM tm_units WHERE parent_unit_id IS NULL;",
    );
    store.syncIndex();
    expect(units()).toHaveLength(3);

    db.exec("UPDATE paragraphs SET status = 'edited', signed_off_at = NULL, signed_off_name = NULL WHERE id = 'p1'");
    expect(units()).toEqual([]);
    store.syncIndex();
    expect(store.lookup('en', 'es', 'Wind rose.')).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM tm_postings').pluck().get()).toBe(0);
  });
});
