/**
 * Applying a pulled `tm-unit` (docs/team.md#tm-units): unversioned, always applied. An own change
 * is acknowledged (its units are here already); another member's batch is validated (a damaged
 * payload is rejected and nothing is stored) and queued for the background inbox (tmInbox.ts),
 * which adds its units to the translation memory without blocking the sync loop.
 */
import type { ServerChange } from '../../../shared/team/changes.js';
import type { ApplyContext, ChangeResult } from './applyParagraph.js';
import { tmUnitPayloadSchema } from './tmBatchPayload.js';
import type { TmInbox } from './tmInbox.js';

export function createTmApplier(inbox: TmInbox) {
  return (ctx: ApplyContext, c: ServerChange): ChangeResult => {
    if (ctx.state.isOwn(c.id)) {
      ctx.state.acknowledge(c.id);
      return { kind: 'acknowledged' };
    }
    const parsed = tmUnitPayloadSchema.safeParse(c.payload);
    if (!parsed.success) return { kind: 'rejected', reason: `malformed TM batch: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
    inbox.enqueue(c.seq, c.id, parsed.data);
    return { kind: 'applied' };
  };
}
