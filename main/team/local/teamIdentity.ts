/**
 * Which team this library's team state belongs to (docs/team.md "Switching team server"). The
 * team server has an id (`verso.team`, server migration 0002); the library keeps the id it synced
 * with in `team_state.teamId`. On connect (`joinTeam`):
 * - the same id: nothing to do;
 * - another id (another server or database, or the same one re-created), or none kept while team
 *   state exists (a library that synced before ids existed): the cursor, heads, conflicts, cached
 *   members and assignments belong to the other team — the cursor would skip the new team's
 *   changes and the heads would be wrong bases. They are reset in one transaction, then the new
 *   team is pulled from seq 0.
 * - but never while own changes wait to be sent: they belong to the old team (their bases are its
 *   heads) and are nobody else's copy. The switch is refused with their count, so the member can
 *   reconnect to the old team and send them; or choose "Forget and keep my local copy"
 *   (`forgetTeamState`): the outbox is emptied — the library keeps every text, its revisions and
 *   sign-offs, only the sending is given up.
 * Nothing in the library's documents, paragraphs, revisions, comments, glossary or audit log is
 * touched by either; after a reset the library's documents are shared with the new team, as on
 * any first connect (shareExisting.ts).
 */
import type Database from 'better-sqlite3';
import type { TeamJoin } from '../ports.js';

const TEAM_ID = 'teamId';

/** Team tables emptied by a reset (review_package_seen is not team state: it stays). */
const TEAM_TABLES = [
  'team_outbox',
  // TMX imports still to be shared (migration 0400): with another team they are not sent.
  'team_tm_captures',
  'team_heads',
  'team_revision_changes',
  'team_conflicts',
  'team_members',
  'team_assignments',
  'team_paragraph_heads',
  'team_entity_heads',
] as const;

export function storedTeamId(db: Database.Database): string | null {
  const row = db.prepare<[string], { value: string }>('SELECT value FROM team_state WHERE key = ?').get(TEAM_ID);
  if (!row) return null;
  const value = JSON.parse(row.value) as unknown;
  return typeof value === 'string' ? value : null;
}

/** Own changes neither acknowledged nor refused (what a switch would leave unsent). */
export function waitingChanges(db: Database.Database): number {
  return (
    db.prepare<[], { n: number }>('SELECT count(*) AS n FROM team_outbox WHERE acked_seq IS NULL AND refused_code IS NULL').get()?.n ?? 0
  );
}

/**
 * Anything synced or captured for a team (cursor, heads, outbox, members, assignments). Not
 * conflicts: a library in no team keeps the conflicts of review packages there, and joining a
 * first team must not take them.
 */
export function hasTeamState(db: Database.Database): boolean {
  const cursor = db.prepare<[], { value: string }>("SELECT value FROM team_state WHERE key = 'cursor'").get();
  if (cursor && JSON.parse(cursor.value) !== 0) return true;
  return TEAM_TABLES.filter((t) => t !== 'team_conflicts').some(
    (t) => db.prepare<[], { one: number }>(`SELECT 1 AS one FROM ${t} LIMIT 1`).get() !== undefined,
  );
}

/** Empties the team tables and the team keys of team_state (cursor, me, last sync, team id); then keeps `teamId` if given. One transaction. */
export function resetTeamState(db: Database.Database, teamId: string | null): void {
  db.transaction(() => {
    for (const t of TEAM_TABLES) db.prepare(`DELETE FROM ${t}`).run();
    db.prepare("DELETE FROM team_state WHERE key IN ('cursor', 'me', 'lastSync', 'teamId')").run();
    if (teamId !== null) writeTeamId(db, teamId);
  })();
}

function writeTeamId(db: Database.Database, teamId: string): void {
  db.prepare<[string, string]>(
    'INSERT INTO team_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(TEAM_ID, JSON.stringify(teamId));
}

/** Called on connect with the server's team id, before anything is pushed or pulled. */
export function joinTeam(db: Database.Database, teamId: string): TeamJoin {
  return db
    .transaction((): TeamJoin => {
      const known = storedTeamId(db);
      if (known === teamId) return { ok: true, reset: false };
      if (known === null && !hasTeamState(db)) {
        writeTeamId(db, teamId);
        return { ok: true, reset: false };
      }
      const waiting = waitingChanges(db);
      if (waiting > 0) return { ok: false, waiting };
      resetTeamState(db, teamId);
      return { ok: true, reset: true };
    })
    .immediate();
}
