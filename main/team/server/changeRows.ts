/** verso.changes rows ↔ changes (shared/team/changes.ts), and a server error → the refusal of one change. */
import { REFUSAL_SQLSTATE, serverChangeSchema, type RefusalCode, type ServerChange } from '../../../shared/team/changes.js';

export const CHANGE_COLUMNS = 'seq, id, author, kind, document_id, entity_id, base_id, outcome, payload, client_at, received_at';

export interface ChangeRow {
  seq: string;
  id: string;
  author: string;
  kind: string;
  document_id: string;
  entity_id: string;
  base_id: string | null;
  outcome: string;
  payload: unknown;
  /** pg parses `infinity` as a number. */
  client_at: Date | number;
  received_at: Date;
}

/**
 * A client time stored before migration 0002 checked it may be `infinity` (pg gives a number) or
 * beyond JavaScript's dates (an invalid Date): it reads as the time the server received the change.
 */
function isoOr(clientAt: Date | number, receivedAt: Date): string {
  return clientAt instanceof Date && Number.isFinite(clientAt.getTime()) ? clientAt.toISOString() : receivedAt.toISOString();
}

/** Throws when a stored row is not a valid change (the schema's checks make that a server fault). */
export function changeOfRow(row: ChangeRow): ServerChange {
  return serverChangeSchema.parse({
    seq: Number(row.seq),
    id: row.id,
    author: row.author,
    kind: row.kind,
    documentId: row.document_id,
    entityId: row.entity_id,
    baseId: row.base_id,
    outcome: row.outcome,
    payload: row.payload,
    clientAt: isoOr(row.client_at, row.received_at),
    receivedAt: row.received_at.toISOString(),
  });
}

const BY_SQLSTATE = new Map(Object.entries(REFUSAL_SQLSTATE).map(([code, state]) => [state, code as RefusalCode]));

/** The refusal a server error means for one change, or null when the error is not about the change (connection, timeout…). */
export function refusalOf(err: unknown): { code: RefusalCode; message: string } | null {
  const e = err as { code?: unknown; message?: unknown };
  if (typeof e.code !== 'string' || typeof e.message !== 'string') return null;
  const known = BY_SQLSTATE.get(e.code);
  if (known) return { code: known, message: e.message };
  // 42501: row-level security (or a missing privilege): the member's role may not write this.
  if (e.code === '42501') return { code: 'TEAM_ROLE_FORBIDDEN', message: `The server refused this change for your role: ${e.message}` };
  // Classes 22 (data exception) and 23 (integrity constraint): the change itself is malformed.
  if (/^2[23]/.test(e.code)) return { code: 'TEAM_CHANGE_INVALID', message: `The server refused a malformed change: ${e.message}` };
  return null;
}
