/**
 * Open conflicts (team_conflicts, migration 0300): per paragraph, the server's head and each change
 * made on an older base, kept side by side until a change on the head resolves them.
 */
import type Database from 'better-sqlite3';
import type { TeamConflict, TeamConflictSide } from '../ports.js';

interface Row {
  paragraph_id: string;
  document_id: string;
  head_change: string;
  head_text: string;
  head_author: string;
  head_at: string;
  other_change: string;
  other_text: string;
  other_author: string;
  other_at: string;
}

const toConflict = (r: Row): TeamConflict => ({
  paragraphId: r.paragraph_id,
  documentId: r.document_id,
  head: { changeId: r.head_change, text: r.head_text, author: r.head_author, at: r.head_at },
  other: { changeId: r.other_change, text: r.other_text, author: r.other_author, at: r.other_at },
});

export function createConflictsStore(db: Database.Database) {
  const insertStmt = db.prepare<unknown[]>(
    `INSERT OR IGNORE INTO team_conflicts (paragraph_id, document_id, head_change, head_text, head_author, head_at,
       other_change, other_text, other_author, other_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const setResolvingStmt = db.prepare<[number, string, string]>(
    'UPDATE team_conflicts SET resolving = ? WHERE paragraph_id = ? AND other_change = ?',
  );
  const moveHeadStmt = db.prepare<[string, string, string, string, string]>(
    'UPDATE team_conflicts SET head_change = ?, head_text = ?, head_author = ?, head_at = ? WHERE paragraph_id = ?',
  );
  const deleteStmt = db.prepare<[string, string]>('DELETE FROM team_conflicts WHERE paragraph_id = ? AND other_change = ?');
  const byDocumentStmt = db.prepare<[string], Row>(
    'SELECT * FROM team_conflicts WHERE document_id = ? AND resolving = 0 ORDER BY paragraph_id, other_at, other_change',
  );
  const byParagraphStmt = db.prepare<[string], Row>(
    'SELECT * FROM team_conflicts WHERE paragraph_id = ? AND resolving = 0 ORDER BY other_at, other_change',
  );

  return {
    add(paragraphId: string, documentId: string, head: TeamConflictSide, other: TeamConflictSide): void {
      insertStmt.run(
        paragraphId,
        documentId,
        head.changeId,
        head.text,
        head.author,
        head.at,
        other.changeId,
        other.text,
        other.author,
        other.at,
      );
    },
    /** The head moved: the open conflicts now stand beside the new head. */
    moveHead(paragraphId: string, head: TeamConflictSide): void {
      moveHeadStmt.run(head.changeId, head.text, head.author, head.at, paragraphId);
    },
    resolve(paragraphId: string, otherChangeIds: readonly string[]): void {
      for (const id of otherChangeIds) deleteStmt.run(paragraphId, id);
    },
    /** A local resolution is on its way (`true`: hide them), or lost at the server (`false`: show them again). */
    setResolving(paragraphId: string, otherChangeIds: readonly string[], resolving: boolean): void {
      for (const id of otherChangeIds) setResolvingStmt.run(resolving ? 1 : 0, paragraphId, id);
    },
    /** Open conflicts, without those a local resolution on its way hides. */
    ofDocument(documentId: string): TeamConflict[] {
      return byDocumentStmt.all(documentId).map(toConflict);
    },
    ofParagraph(paragraphId: string): TeamConflict[] {
      return byParagraphStmt.all(paragraphId).map(toConflict);
    },
  };
}

export type ConflictsStore = ReturnType<typeof createConflictsStore>;
