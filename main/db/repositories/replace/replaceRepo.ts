/** Replace-all batches (migration 0110): which edit revisions one "Replace all" wrote. */
import type Database from 'better-sqlite3';

export function createReplaceRepo(db: Database.Database) {
  const insertStmt = db.prepare<[number, string, string, string]>(
    'INSERT INTO replace_batches (revision_id, batch_id, document_id, created_at) VALUES (?, ?, ?, ?)',
  );
  const revisionsStmt = db.prepare<[string], { revision_id: number; paragraph_id: string }>(
    `SELECT b.revision_id, r.paragraph_id FROM replace_batches b JOIN revisions r ON r.id = b.revision_id
     WHERE b.batch_id = ? ORDER BY b.revision_id`,
  );
  const isBatchedStmt = db.prepare<[number], number>('SELECT 1 FROM replace_batches WHERE revision_id = ?').pluck();
  return {
    add(revisionId: number, batchId: string, documentId: string, at: string): void {
      insertStmt.run(revisionId, batchId, documentId, at);
    },
    /** The revisions of a batch and their paragraphs, oldest first ([] for an unknown batch). */
    revisionsOf(batchId: string): { revisionId: number; paragraphId: string }[] {
      return revisionsStmt.all(batchId).map((r) => ({ revisionId: r.revision_id, paragraphId: r.paragraph_id }));
    },
    /** Whether a revision belongs to a Replace all (later typing never folds into it). */
    isBatched(revisionId: number): boolean {
      return isBatchedStmt.get(revisionId) !== undefined;
    },
  };
}
