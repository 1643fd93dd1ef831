/** Which team the local team state belongs to: adopted, kept, reset for another team, refused while own changes wait. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../db/migrate.js';
import { MIGRATIONS } from '../../db/migrations/index.js';
import { joinTeam, resetTeamState, storedTeamId } from './teamIdentity.js';

const A = '0b7f2d8e-5c1a-4d3e-9f00-1a2b3c4d5e6f';
const B = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

function library() {
  const db = new Database(':memory:');
  migrate(db, MIGRATIONS);
  return db;
}

function outbox(db: Database.Database, id: string, state: 'waiting' | 'acked' | 'refused') {
  db.prepare(
    `INSERT INTO team_outbox (change_id, kind, document_id, entity_id, payload, client_at, acked_seq, refused_code, refused_message)
     VALUES (?, 'paragraph', 'd1', 'p1', '{}', '2026-12-04T10:00:00.000Z', ?, ?, ?)`,
  ).run(id, state === 'acked' ? 3 : null, state === 'refused' ? 'TEAM_ROLE_FORBIDDEN' : null, state === 'refused' ? 'no' : null);
}

const count = (db: Database.Database, table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const state = (db: Database.Database) => db.prepare('SELECT key FROM team_state ORDER BY key').all();

function synced(db: Database.Database, teamId: string | null) {
  if (teamId !== null) expect(joinTeam(db, teamId)).toEqual({ ok: true, reset: false });
  db.prepare(`INSERT INTO team_state (key, value) VALUES ('cursor', '12'), ('me', '{"roleName":"tina"}'), ('lastSync', '"x"')`).run();
  db.prepare(`INSERT INTO team_heads (entity_id, server_head, local_head) VALUES ('p1', 'h1', 'h1')`).run();
  db.prepare(`INSERT INTO team_members (role_name, display_name, team_role) VALUES ('tina', 'Tina', 'translator')`).run();
}

describe('joinTeam', () => {
  it('a library with no team state adopts the id; the same id again changes nothing', () => {
    const db = library();
    expect(joinTeam(db, A)).toEqual({ ok: true, reset: false });
    expect(storedTeamId(db)).toBe(A);
    synced(db, null);
    expect(joinTeam(db, A)).toEqual({ ok: true, reset: false });
    expect(db.prepare("SELECT value FROM team_state WHERE key = 'cursor'").get()).toEqual({ value: '12' });
  });

  it('another id with nothing waiting: cursor, heads, members, acknowledged and refused rows reset in one go', () => {
    const db = library();
    synced(db, A);
    outbox(db, 'c-acked', 'acked');
    outbox(db, 'c-refused', 'refused');
    expect(joinTeam(db, B)).toEqual({ ok: true, reset: true });
    expect(storedTeamId(db)).toBe(B);
    expect(state(db)).toEqual([{ key: 'teamId' }]);
    for (const t of ['team_heads', 'team_members', 'team_outbox']) expect(count(db, t)).toBe(0);
  });

  it('another id while own changes wait: refused with their count, nothing touched', () => {
    const db = library();
    synced(db, A);
    outbox(db, 'c-1', 'waiting');
    outbox(db, 'c-2', 'waiting');
    outbox(db, 'c-3', 'refused');
    expect(joinTeam(db, B)).toEqual({ ok: false, waiting: 2 });
    expect(storedTeamId(db)).toBe(A);
    expect(count(db, 'team_outbox')).toBe(3);
    expect(count(db, 'team_heads')).toBe(1);
  });

  it('a library in no team with review-package conflicts joins its first team keeping them', () => {
    const db = library();
    db.pragma('foreign_keys = OFF'); // the conflict's paragraph does not matter here
    db.prepare(
      `INSERT INTO team_conflicts (paragraph_id, document_id, head_change, head_text, head_author, head_at, other_change, other_text, other_author, other_at)
       VALUES ('p1', 'd1', 'h', 'theirs', 'Ben', 'x', 'o', 'mine', 'Ana', 'x')`,
    ).run();
    expect(joinTeam(db, A)).toEqual({ ok: true, reset: false });
    expect(count(db, 'team_conflicts')).toBe(1);
  });

  it('team state but no id kept (synced before ids existed) counts as another team', () => {
    const db = library();
    synced(db, null);
    expect(joinTeam(db, A)).toEqual({ ok: true, reset: true });
    expect(count(db, 'team_heads')).toBe(0);
  });

  it('resetTeamState(null) ("Forget and keep my local copy") drops waiting changes too; documents are not team state', () => {
    const db = library();
    synced(db, A);
    outbox(db, 'c-1', 'waiting');
    // A TMX import still being shared (migration 0400): it is never sent to another team.
    db.prepare(
      `INSERT INTO team_tm_captures (import_id, pair, source_lang, target_lang, last_unit_id, after_id, replace_pending, at)
       VALUES (1, 'en>es', 'en', 'es', 10, 0, 0, 'x')`,
    ).run();
    resetTeamState(db, null);
    expect(storedTeamId(db)).toBeNull();
    expect(count(db, 'team_outbox')).toBe(0);
    expect(count(db, 'team_tm_captures')).toBe(0);
    expect(joinTeam(db, B)).toEqual({ ok: true, reset: false });
  });
});
