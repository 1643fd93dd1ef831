/**
 * Applying a versioned value that is not a paragraph (a glossary term, an assignment) by the
 * server's outcome: applied → it becomes the head and is written here, unless own changes on it
 * are still waiting (they will come back and settle it); conflict → the head's value stays, and an
 * own change that lost goes back to the head's value (the local copy showed it optimistically).
 */
import type { ServerChange } from '../../../shared/team/changes.js';
import type { ApplyContext, ChangeResult } from './applyParagraph.js';

/** Writes a parsed payload as the local value; returns why it cannot, or null. */
export type WriteValue = (
  payload: Readonly<Record<string, unknown>>,
  c: Pick<ServerChange, 'id' | 'documentId' | 'entityId' | 'clientAt'> & Partial<Pick<ServerChange, 'author' | 'receivedAt'>>,
  /** `applied`: another member's change; `lost`: back to the head after an own change lost. */
  why: 'applied' | 'lost',
) => string | null;

export function applyVersionedChange(
  ctx: ApplyContext,
  c: ServerChange,
  valid: (payload: unknown) => boolean,
  write: WriteValue,
): ChangeResult {
  const own = ctx.state.isOwn(c.id);
  if (own) ctx.state.acknowledge(c.id);
  if (!valid(c.payload)) return own ? { kind: 'acknowledged' } : { kind: 'rejected', reason: `malformed ${c.kind} change` };
  const pending = ctx.state.pendingOwn(c.entityId);
  if (c.outcome === 'conflict') {
    const head = ctx.state.entityHead(c.entityId);
    const { serverHead } = ctx.state.heads(c.entityId);
    if (own && pending === 0 && head && serverHead !== null) {
      write(head, { id: serverHead, documentId: c.documentId, entityId: c.entityId, clientAt: c.clientAt }, 'lost');
      ctx.state.setServerHead(c.entityId, serverHead, true);
    }
    return { kind: 'conflict', own };
  }
  ctx.state.setEntityHead(c.entityId, c.kind, c.id, c.payload);
  ctx.state.setServerHead(c.entityId, c.id, pending === 0);
  const problem = !own && pending === 0 ? write(c.payload, c, 'applied') : null;
  if (problem) return { kind: 'rejected', reason: problem };
  return { kind: own ? 'acknowledged' : 'applied' };
}
