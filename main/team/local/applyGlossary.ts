/**
 * Applying a pulled `glossary-term`: a term added, changed or removed by another member, through
 * the glossary repository (so readers' caches see it), by the versioned rule (applyVersioned.ts).
 * A term whose source another local term already has is not applied (reported).
 */
import type Database from 'better-sqlite3';
import type { ServerChange } from '../../../shared/team/changes.js';
import { createGlossaryRepo } from '../../glossary/glossaryRepo.js';
import { glossaryTermPayloadSchema } from './applyPayloads.js';
import type { ApplyContext, ChangeResult } from './applyParagraph.js';
import { applyVersionedChange, type WriteValue } from './applyVersioned.js';

export function createGlossaryApplier(db: Database.Database) {
  const glossary = createGlossaryRepo(db);
  const write: WriteValue = (payload, c) => {
    const parsed = glossaryTermPayloadSchema.parse(payload);
    const existing = glossary.get(c.entityId);
    if ('removed' in parsed) {
      if (existing) glossary.delete(c.entityId);
      return null;
    }
    const clash = glossary.findBySource(parsed.sourceLang, parsed.targetLang, parsed.source);
    if (clash && clash.id !== c.entityId) return `the glossary already has a term “${parsed.source}”`;
    const term = { id: c.entityId, ...parsed, createdAt: existing?.createdAt ?? c.clientAt, updatedAt: c.clientAt };
    if (existing) glossary.update(term);
    else glossary.insert(term);
    return null;
  };
  return (ctx: ApplyContext, c: ServerChange): ChangeResult =>
    applyVersionedChange(ctx, c, (p) => glossaryTermPayloadSchema.safeParse(p).success, write);
}
