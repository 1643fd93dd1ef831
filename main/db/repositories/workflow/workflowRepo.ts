/** The workflow feature's own tables: revision links (undo/redo/restore) and sign-off overrides. */
import type Database from 'better-sqlite3';
import type { Comment, RevisionLinkKind } from '../../../../shared/features/workflowApi.js';
import type { Role } from '../../../../shared/types.js';
import type { QaIssue } from '../../../../shared/qa/types.js';

export interface RevisionLink {
  revisionId: number;
  kind: RevisionLinkKind;
  targetRevisionId: number;
}

export interface SignOffReviewRecord {
  revisionId: number;
  paragraphId: string;
  dwellMs: number;
  words: number;
  diffViewed: boolean;
  fast: boolean;
}

export interface SignOffOverrideRecord {
  revisionId: number;
  paragraphId: string;
  reason: string;
  issues: QaIssue[];
  createdAt: string;
}

function parseIssues(json: string): QaIssue[] {
  const value = JSON.parse(json) as unknown;
  return Array.isArray(value) ? (value as QaIssue[]) : [];
}

export function createWorkflowRepo(db: Database.Database) {
  const insertLink = db.prepare<[number, string, number]>(
    'INSERT INTO workflow_revision_links (revision_id, kind, target_revision_id) VALUES (?, ?, ?)',
  );
  const getLink = db.prepare<[number], { revision_id: number; kind: RevisionLinkKind; target_revision_id: number }>(
    'SELECT revision_id, kind, target_revision_id FROM workflow_revision_links WHERE revision_id = ?',
  );
  const linksByParagraph = db.prepare<[string], { revision_id: number; kind: RevisionLinkKind; target_revision_id: number }>(
    `SELECT l.revision_id, l.kind, l.target_revision_id FROM workflow_revision_links l
       JOIN revisions r ON r.id = l.revision_id WHERE r.paragraph_id = ? ORDER BY l.revision_id`,
  );
  const insertOverride = db.prepare<[number, string, string, string, string]>(
    'INSERT INTO workflow_signoff_overrides (revision_id, paragraph_id, reason, issues, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const overridesByParagraph = db.prepare<
    [string],
    { revision_id: number; paragraph_id: string; reason: string; issues: string; created_at: string }
  >(
    'SELECT revision_id, paragraph_id, reason, issues, created_at FROM workflow_signoff_overrides WHERE paragraph_id = ? ORDER BY revision_id',
  );

  const addEffortStmt = db.prepare<[string, string, number, number, string]>(
    `INSERT INTO workflow_edit_effort (paragraph_id, profile_id, active_ms, keystrokes, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (paragraph_id, profile_id) DO UPDATE SET active_ms = active_ms + excluded.active_ms,
       keystrokes = keystrokes + excluded.keystrokes, updated_at = excluded.updated_at`,
  );
  const effortByDocument = db.prepare<[string], { paragraph_id: string; active_ms: number; keystrokes: number }>(
    `SELECT e.paragraph_id, sum(e.active_ms) AS active_ms, sum(e.keystrokes) AS keystrokes FROM workflow_edit_effort e
       JOIN paragraphs p ON p.id = e.paragraph_id WHERE p.document_id = ? GROUP BY e.paragraph_id ORDER BY p.position`,
  );

  interface CommentRow {
    id: string;
    paragraph_id: string;
    profile_id: string | null;
    author_name: string;
    role: Role;
    body: string;
    created_at: string;
    resolved_at: string | null;
    resolved_by_name: string | null;
  }
  const COMMENT_COLUMNS = 'id, paragraph_id, profile_id, author_name, role, body, created_at, resolved_at, resolved_by_name';
  const toComment = (r: CommentRow): Comment => ({
    id: r.id,
    paragraphId: r.paragraph_id,
    authorName: r.author_name,
    role: r.role,
    body: r.body,
    createdAt: r.created_at,
    resolved: r.resolved_at === null ? null : { at: r.resolved_at, byName: r.resolved_by_name ?? '' },
  });
  const insertComment = db.prepare<[string, string, string, string | null, string, string, string, string]>(
    `INSERT INTO workflow_comments (id, paragraph_id, document_id, profile_id, author_name, role, body, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const getComment = db.prepare<[string], CommentRow>(`SELECT ${COMMENT_COLUMNS} FROM workflow_comments WHERE id = ?`);
  const commentsOfDocument = db.prepare<[string], CommentRow>(
    `SELECT ${COMMENT_COLUMNS} FROM workflow_comments WHERE document_id = ? ORDER BY created_at, rowid`,
  );
  const resolveComment = db.prepare<[string | null, string | null, string]>(
    'UPDATE workflow_comments SET resolved_at = ?, resolved_by_name = ? WHERE id = ?',
  );

  const insertReview = db.prepare<[number, string, number, number, number, number]>(
    'INSERT INTO workflow_signoff_reviews (revision_id, paragraph_id, dwell_ms, words, diff_viewed, fast) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const reviewsByParagraph = db.prepare<
    [string],
    { revision_id: number; paragraph_id: string; dwell_ms: number; words: number; diff_viewed: number; fast: number }
  >(
    'SELECT revision_id, paragraph_id, dwell_ms, words, diff_viewed, fast FROM workflow_signoff_reviews WHERE paragraph_id = ? ORDER BY revision_id',
  );

  return {
    addReview(r: SignOffReviewRecord): void {
      insertReview.run(r.revisionId, r.paragraphId, r.dwellMs, r.words, r.diffViewed ? 1 : 0, r.fast ? 1 : 0);
    },
    reviewsOfParagraph(paragraphId: string): SignOffReviewRecord[] {
      return reviewsByParagraph.all(paragraphId).map((r) => ({
        revisionId: r.revision_id,
        paragraphId: r.paragraph_id,
        dwellMs: r.dwell_ms,
        words: r.words,
        diffViewed: r.diff_viewed === 1,
        fast: r.fast === 1,
      }));
    },
    addComment(c: {
      id: string;
      paragraphId: string;
      documentId: string;
      profileId: string;
      authorName: string;
      role: Role;
      body: string;
      at: string;
    }): Comment {
      insertComment.run(c.id, c.paragraphId, c.documentId, c.profileId, c.authorName, c.role, c.body, c.at);
      return toComment(getComment.get(c.id)!);
    },
    getComment(id: string): Comment | null {
      const row = getComment.get(id);
      return row ? toComment(row) : null;
    },
    commentsOfDocument(documentId: string): Comment[] {
      return commentsOfDocument.all(documentId).map(toComment);
    },
    setResolved(id: string, resolved: { at: string; byName: string } | null): Comment | null {
      resolveComment.run(resolved?.at ?? null, resolved?.byName ?? null, id);
      const row = getComment.get(id);
      return row ? toComment(row) : null;
    },
    addEffort(paragraphId: string, profileId: string, activeMs: number, keystrokes: number, at: string): void {
      addEffortStmt.run(paragraphId, profileId, activeMs, keystrokes, at);
    },
    effortOfDocument(documentId: string): { paragraphId: string; activeMs: number; keystrokes: number }[] {
      return effortByDocument
        .all(documentId)
        .map((r) => ({ paragraphId: r.paragraph_id, activeMs: r.active_ms, keystrokes: r.keystrokes }));
    },
    addLink(link: RevisionLink): void {
      insertLink.run(link.revisionId, link.kind, link.targetRevisionId);
    },
    hasLink(revisionId: number): boolean {
      return getLink.get(revisionId) !== undefined;
    },
    linksOfParagraph(paragraphId: string): RevisionLink[] {
      return linksByParagraph
        .all(paragraphId)
        .map((r) => ({ revisionId: r.revision_id, kind: r.kind, targetRevisionId: r.target_revision_id }));
    },
    addOverride(o: SignOffOverrideRecord): void {
      insertOverride.run(o.revisionId, o.paragraphId, o.reason, JSON.stringify(o.issues), o.createdAt);
    },
    overridesOfParagraph(paragraphId: string): SignOffOverrideRecord[] {
      return overridesByParagraph.all(paragraphId).map((r) => ({
        revisionId: r.revision_id,
        paragraphId: r.paragraph_id,
        reason: r.reason,
        issues: parseIssues(r.issues),
        createdAt: r.created_at,
      }));
    },
  };
}

export type WorkflowRepo = ReturnType<typeof createWorkflowRepo>;
