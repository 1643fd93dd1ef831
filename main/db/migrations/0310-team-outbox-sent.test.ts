import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 0310-team-outbox-sent', () => {
  it('marks outbox rows unsent, rows that existed included; only 0 and 1 are allowed', () => {
    const db = new Database(':memory:');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 300),
    );
    db.exec(
      `INSERT INTO team_outbox (change_id, kind, document_id, entity_id, payload, client_at) VALUES ('c1', 'paragraph', 'd1', 'p1', '{}', 'a')`,
    );
    expect(
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= 310),
      ).applied,
    ).toEqual(['0310-team-outbox-sent']);
    expect(db.prepare('SELECT sent FROM team_outbox').get()).toEqual({ sent: 0 });
    expect(() => db.exec("UPDATE team_outbox SET sent = 2 WHERE change_id = 'c1'")).toThrow(/CHECK/);
    db.close();
  });
});
