/**
 * The local team tables applying reads and writes (migrations 0300, 0320): the cursor, cached
 * members, entity heads, own changes in the outbox, and each paragraph's server head.
 */
import type Database from 'better-sqlite3';
import type { Role } from '../../../shared/types.js';
import type { TeamMember, TeamRole } from '../ports.js';

/** A paragraph's server head as last pulled (team_paragraph_heads). */
export interface ParagraphHead {
  changeId: string;
  target: string;
  status: string;
  excluded: boolean;
  author: string;
  authorRole: Role | null;
  at: string;
  /** The sign-off change's payload (JSON) when the head is a sign-off. */
  signOff: string | null;
}

interface HeadRow {
  change_id: string;
  target: string;
  status: string;
  excluded: number;
  author: string;
  author_role: Role | null;
  at: string;
  sign_off: string | null;
}

/** Revisions know two roles: a team admin acts as an editor. */
export function revisionRole(teamRole: TeamRole | null): Role | null {
  if (teamRole === null) return null;
  return teamRole === 'translator' ? 'translator' : 'editor';
}

export function createApplyState(db: Database.Database) {
  const getState = db.prepare<[string], { value: string }>('SELECT value FROM team_state WHERE key = ?');
  const setState = db.prepare<[string, string]>(
    'INSERT INTO team_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const upsertMember = db.prepare<[string, string, string, string | null, string | null]>(
    `INSERT INTO team_members (role_name, display_name, team_role, public_key, key_id) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (role_name) DO UPDATE SET display_name = excluded.display_name, team_role = excluded.team_role,
       public_key = excluded.public_key, key_id = excluded.key_id`,
  );
  const memberStmt = db.prepare<
    [string],
    { role_name: string; display_name: string; team_role: TeamRole; public_key: string | null; key_id: string | null }
  >('SELECT role_name, display_name, team_role, public_key, key_id FROM team_members WHERE role_name = ?');
  const outboxStmt = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM team_outbox WHERE change_id = ?');
  const deleteOutbox = db.prepare<[string]>('DELETE FROM team_outbox WHERE change_id = ?');
  const pendingOnEntity = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM team_outbox WHERE entity_id = ? AND refused_code IS NULL',
  );
  const headStmt = db.prepare<[string], { server_head: string | null; local_head: string }>(
    'SELECT server_head, local_head FROM team_heads WHERE entity_id = ?',
  );
  const setHeads = db.prepare<[string, string | null, string]>(
    `INSERT INTO team_heads (entity_id, server_head, local_head) VALUES (?, ?, ?)
     ON CONFLICT (entity_id) DO UPDATE SET server_head = excluded.server_head, local_head = excluded.local_head`,
  );
  const paragraphHeadStmt = db.prepare<[string], HeadRow>(
    'SELECT change_id, target, status, excluded, author, author_role, at, sign_off FROM team_paragraph_heads WHERE paragraph_id = ?',
  );
  const setParagraphHead = db.prepare<[string, string, string, string, number, string, string | null, string, string | null]>(
    `INSERT OR REPLACE INTO team_paragraph_heads (paragraph_id, change_id, target, status, excluded, author, author_role, at, sign_off)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  const entityHeadStmt = db.prepare<[string], { payload: string }>('SELECT payload FROM team_entity_heads WHERE entity_id = ?');
  const setEntityHeadStmt = db.prepare<[string, string, string, string]>(
    'INSERT OR REPLACE INTO team_entity_heads (entity_id, kind, change_id, payload) VALUES (?, ?, ?, ?)',
  );

  return {
    cursor(): number {
      const row = getState.get('cursor');
      const value = row ? (JSON.parse(row.value) as unknown) : 0;
      return typeof value === 'number' && Number.isSafeInteger(value) ? value : 0;
    },
    setCursor(seq: number): void {
      setState.run('cursor', JSON.stringify(seq));
    },
    cacheMembers(members: readonly TeamMember[]): void {
      for (const m of members) upsertMember.run(m.roleName, m.displayName, m.teamRole, m.publicKey, m.keyId);
    },
    member(roleName: string): TeamMember | null {
      const r = memberStmt.get(roleName);
      return r
        ? { roleName: r.role_name, displayName: r.display_name, teamRole: r.team_role, publicKey: r.public_key, keyId: r.key_id }
        : null;
    },
    isOwn(changeId: string): boolean {
      return outboxStmt.get(changeId) !== undefined;
    },
    acknowledge(changeId: string): void {
      deleteOutbox.run(changeId);
    },
    /** Own changes on the entity not yet acknowledged (the local copy shows them). */
    pendingOwn(entityId: string): number {
      return pendingOnEntity.get(entityId)?.n ?? 0;
    },
    heads(entityId: string): { serverHead: string | null; localHead: string | null } {
      const r = headStmt.get(entityId);
      return { serverHead: r?.server_head ?? null, localHead: r?.local_head ?? null };
    },
    /** The server head moved; the local head follows it unless own changes are still waiting. */
    setServerHead(entityId: string, changeId: string, followLocal: boolean): void {
      const current = headStmt.get(entityId);
      setHeads.run(entityId, changeId, followLocal || !current ? changeId : current.local_head);
    },
    paragraphHead(paragraphId: string): ParagraphHead | null {
      const r = paragraphHeadStmt.get(paragraphId);
      return r
        ? {
            changeId: r.change_id,
            target: r.target,
            status: r.status,
            excluded: r.excluded === 1,
            author: r.author,
            authorRole: r.author_role,
            at: r.at,
            signOff: r.sign_off,
          }
        : null;
    },
    /** The payload of a glossary term's or an assignment's server head (null: none yet). */
    entityHead(entityId: string): Record<string, unknown> | null {
      const r = entityHeadStmt.get(entityId);
      return r ? (JSON.parse(r.payload) as Record<string, unknown>) : null;
    },
    setEntityHead(entityId: string, kind: string, changeId: string, payload: Readonly<Record<string, unknown>>): void {
      setEntityHeadStmt.run(entityId, kind, changeId, JSON.stringify(payload));
    },
    setParagraphHead(paragraphId: string, h: ParagraphHead): void {
      setParagraphHead.run(paragraphId, h.changeId, h.target, h.status, h.excluded ? 1 : 0, h.author, h.authorRole, h.at, h.signOff);
    },
  };
}

export type ApplyState = ReturnType<typeof createApplyState>;
