/**
 * Capture of glossary terms: the glossary service's repository wrapped so that every term added,
 * changed or removed (by hand or by a CSV/TBX import, which holds at most 50,000 terms a pair) is a
 * `glossary-term` change in the same transaction. The glossary is the library's, not a document's:
 * its changes name the pseudo-document `glossary:<sourceLang>:<targetLang>`.
 */
import type Database from 'better-sqlite3';
import type { GlossaryTerm } from '../../../shared/glossary/types.js';
import type { GlossaryRepo } from '../../glossary/glossaryRepo.js';
import { captureActive } from './captureSwitch.js';
import { addChange } from './outboxStore.js';

/** The `documentId` of a pair's glossary changes. */
export function glossaryDocumentId(sourceLang: string, targetLang: string): string {
  return `glossary:${sourceLang}:${targetLang}`;
}

function captureTerm(db: Database.Database, t: GlossaryTerm, payload: Record<string, unknown>, at: string): void {
  addChange(db, { kind: 'glossary-term', documentId: glossaryDocumentId(t.sourceLang, t.targetLang), entityId: t.id, payload, at });
}

function termPayload(t: GlossaryTerm): Record<string, unknown> {
  const { id: _id, ...fields } = t;
  return { ...fields };
}

function removedPayload(t: GlossaryTerm): Record<string, unknown> {
  return { removed: true, sourceLang: t.sourceLang, targetLang: t.targetLang, source: t.source };
}

export function withGlossaryCapture(db: Database.Database, repo: GlossaryRepo, now: () => Date = () => new Date()): GlossaryRepo {
  const write = <A extends unknown[], R>(fn: (...args: A) => R) => db.transaction(fn);
  const removeOne = (id: string): boolean => {
    const term = captureActive(db) ? repo.get(id) : null;
    const deleted = repo.delete(id);
    if (deleted && term) captureTerm(db, term, removedPayload(term), now().toISOString());
    return deleted;
  };
  return {
    ...repo,
    insert: write((term: GlossaryTerm) => {
      repo.insert(term);
      if (captureActive(db)) captureTerm(db, term, termPayload(term), term.updatedAt);
    }),
    update: write((term: GlossaryTerm) => {
      repo.update(term);
      if (captureActive(db)) captureTerm(db, term, termPayload(term), term.updatedAt);
    }),
    delete: write(removeOne),
    deletePair: write((sourceLang: string, targetLang: string): number => {
      if (!captureActive(db)) return repo.deletePair(sourceLang, targetLang);
      return repo.list(sourceLang, targetLang).filter((t) => removeOne(t.id)).length;
    }),
  };
}
