/**
 * A paragraph a re-import removes is archived with its history (importing_archived_paragraphs); in
 * a team its open conflicts would go with the row (ON DELETE CASCADE), and with them the side that
 * is not the paragraph's text. They are kept in the archived copy instead (`teamConflicts`).
 */
import type Database from 'better-sqlite3';
import type { Paragraph } from '../../../shared/types.js';

interface ConflictRow {
  head_change: string;
  head_text: string;
  head_author: string;
  other_change: string;
  other_text: string;
  other_author: string;
}

/** The paragraph as the archive stores it: with its open team conflicts, when it has any. */
export function archivedParagraph(db: Database.Database, p: Paragraph): Paragraph | (Paragraph & { teamConflicts: ConflictRow[] }) {
  const rows = db
    .prepare<[string], ConflictRow>(
      `SELECT head_change, head_text, head_author, other_change, other_text, other_author
       FROM team_conflicts WHERE paragraph_id = ? ORDER BY other_change`,
    )
    .all(p.id);
  return rows.length === 0 ? p : { ...p, teamConflicts: rows };
}
