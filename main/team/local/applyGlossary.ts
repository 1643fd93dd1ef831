/**
 * Applying a pulled `glossary-term`: a term added, changed or removed by another member, through
 * the glossary repository (so readers' caches see it). Versioned: a conflicting change leaves the
 * head's term in place. A term whose source another local term already has is not applied (reported).
 */
import type Database from 'better-sqlite3';
import type { ServerChange } from '../../../shared/team/changes.js';
import { createGlossaryRepo } from '../../glossary/glossaryRepo.js';
import { glossaryTermPayloadSchema } from './applyPayloads.js';
import type { ApplyContext, ChangeResult } from './applyParagraph.js';

export function createGlossaryApplier(db: Database.Database) {
  const glossary = createGlossaryRepo(db);
  return (ctx: ApplyContext, c: ServerChange): ChangeResult => {
    const own = ctx.state.isOwn(c.id);
    if (own) ctx.state.acknowledge(c.id);
    const followLocal = ctx.state.pendingOwn(c.entityId) === 0;
    if (c.outcome === 'conflict') return { kind: 'conflict', own };
    if (own) {
      ctx.state.setServerHead(c.entityId, c.id, followLocal);
      return { kind: 'acknowledged' };
    }
    const parsed = glossaryTermPayloadSchema.safeParse(c.payload);
    if (!parsed.success) return { kind: 'rejected', reason: 'malformed glossary term' };
    const existing = glossary.get(c.entityId);
    if ('removed' in parsed.data) {
      if (existing && followLocal) glossary.delete(c.entityId);
    } else if (followLocal) {
      const t = parsed.data;
      const clash = glossary.findBySource(t.sourceLang, t.targetLang, t.source);
      if (clash && clash.id !== c.entityId) return { kind: 'rejected', reason: `the glossary already has a term “${t.source}”` };
      const term = { id: c.entityId, ...t, createdAt: existing?.createdAt ?? c.clientAt, updatedAt: c.clientAt };
      if (existing) glossary.update(term);
      else glossary.insert(term);
    }
    ctx.state.setServerHead(c.entityId, c.id, followLocal);
    return { kind: 'applied' };
  };
}
