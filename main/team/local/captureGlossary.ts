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
  // Outside a team the repository's own writes run as they are (no savepoint per term in a big import).
  const captured =
    <A extends unknown[], R>(plain: (...args: A) => R, withCapture: (...args: A) => R) =>
    (...args: A): R =>
      captureActive(db) ? db.transaction(withCapture)(...args) : plain(...args);
  const removeOne = (id: string): boolean => {
    const term = repo.get(id);
    const deleted = repo.delete(id);
    if (deleted && term) captureTerm(db, term, removedPayload(term), now().toISOString());
    return deleted;
  };
  const written = (write: (term: GlossaryTerm) => void) => (term: GlossaryTerm) => {
    write(term);
    captureTerm(db, term, termPayload(term), term.updatedAt);
  };
  const insert = (term: GlossaryTerm): void => repo.insert(term);
  const update = (term: GlossaryTerm): void => repo.update(term);
  return {
    ...repo,
    insert: captured(insert, written(insert)),
    update: captured(update, written(update)),
    delete: captured((id: string) => repo.delete(id), removeOne),
    deletePair: captured(
      (sourceLang: string, targetLang: string) => repo.deletePair(sourceLang, targetLang),
      (sourceLang: string, targetLang: string) => repo.list(sourceLang, targetLang).filter((t) => removeOne(t.id)).length,
    ),
  };
}
