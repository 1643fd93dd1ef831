/**
 * The outbox's rows and the entities' local heads (migration 0300: `team_outbox`, `team_heads`,
 * `team_revision_changes`). Statements are prepared once per connection. Writers call these inside
 * the transaction of the local write they capture.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ChangeKind, OutgoingChange } from '../../../shared/team/changes.js';

export interface OutboxRow {
  change_id: string;
  kind: ChangeKind;
  document_id: string;
  entity_id: string;
  base_id: string | null;
  payload: string;
  client_at: string;
  acked_seq: number | null;
  refused_code: string | null;
  refused_message: string | null;
  /** 1 once a push read it (migration 0310): autosave no longer rewrites it. */
  sent: number;
}

type Stmt<P extends unknown[], R = unknown> = Database.Statement<P, R>;
interface Statements {
  insert: Stmt<[string, string, string, string, string | null, string, string]>;
  get: Stmt<[string], OutboxRow>;
  setPayload: Stmt<[string, string, string]>;
  head: Stmt<[string], { local_head: string }>;
  setHead: Stmt<[string, string]>;
  revisionChange: Stmt<[number], { change_id: string }>;
  setRevisionChange: Stmt<[number, string]>;
  revisionOfChange: Stmt<[string], { revision_id: number }>;
}

function prepareAll(db: Database.Database): Statements {
  return {
    insert: db.prepare<[string, string, string, string, string | null, string, string]>(
      `INSERT INTO team_outbox (change_id, kind, document_id, entity_id, base_id, payload, client_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    get: db.prepare<[string], OutboxRow>('SELECT * FROM team_outbox WHERE change_id = ?'),
    setPayload: db.prepare<[string, string, string]>(
      'UPDATE team_outbox SET payload = ?, client_at = ? WHERE change_id = ? AND sent = 0 AND acked_seq IS NULL AND refused_code IS NULL',
    ),
    head: db.prepare<[string], { local_head: string }>('SELECT local_head FROM team_heads WHERE entity_id = ?'),
    setHead: db.prepare<[string, string]>(
      `INSERT INTO team_heads (entity_id, server_head, local_head) VALUES (?, NULL, ?)
       ON CONFLICT (entity_id) DO UPDATE SET local_head = excluded.local_head`,
    ),
    revisionChange: db.prepare<[number], { change_id: string }>('SELECT change_id FROM team_revision_changes WHERE revision_id = ?'),
    setRevisionChange: db.prepare<[number, string]>(
      `INSERT INTO team_revision_changes (revision_id, change_id) VALUES (?, ?)
       ON CONFLICT (revision_id) DO UPDATE SET change_id = excluded.change_id`,
    ),
    revisionOfChange: db.prepare<[string], { revision_id: number }>(
      'SELECT revision_id FROM team_revision_changes WHERE change_id = ? ORDER BY revision_id DESC LIMIT 1',
    ),
  };
}

const cache = new WeakMap<Database.Database, Statements>();

export function outboxStatements(db: Database.Database): Statements {
  let s = cache.get(db);
  if (!s) {
    s = prepareAll(db);
    cache.set(db, s);
  }
  return s;
}

/** The entity's local head: the base of its next change (null: its first change). */
export function localHead(db: Database.Database, entityId: string): string | null {
  return outboxStatements(db).head.get(entityId)?.local_head ?? null;
}

/** Adds a change on the entity's local head and makes it the local head. */
export function addChange(
  db: Database.Database,
  c: { kind: ChangeKind; documentId: string; entityId: string; payload: Record<string, unknown>; at: string },
): OutgoingChange {
  const s = outboxStatements(db);
  const change: OutgoingChange = {
    id: randomUUID(),
    kind: c.kind,
    documentId: c.documentId,
    entityId: c.entityId,
    baseId: localHead(db, c.entityId),
    payload: c.payload,
    clientAt: c.at,
  };
  s.insert.run(change.id, change.kind, change.documentId, change.entityId, change.baseId, JSON.stringify(change.payload), change.clientAt);
  s.setHead.run(change.entityId, change.id);
  return change;
}

export function toOutgoing(row: OutboxRow): OutgoingChange {
  return {
    id: row.change_id,
    kind: row.kind,
    documentId: row.document_id,
    entityId: row.entity_id,
    baseId: row.base_id,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    clientAt: row.client_at,
  };
}
