/**
 * What a review package carries besides paragraphs (docs/team.md#offline-handoff, version 2): the
 * document's comments with their resolutions, and the glossary terms of its pair changed since
 * this library last sent a package of it (all of them before the first). Opening applies them as
 * sync does (applyComment.ts, applyGlossary.ts): a comment is created once (author as written,
 * no local profile) and a resolution travels; a term is added or changed unless another term of
 * the pair has its source, or this library changed it since it last sent the document (the other
 * side has not seen that change: both changed it, this library's is kept and the term reported;
 * migration 0381). Removed terms do not travel. In a team, what is applied is captured.
 */
import type Database from 'better-sqlite3';
import type { ReviewPackageResult } from '../../../shared/features/reviewPackageApi.js';
import type { GlossaryTerm } from '../../../shared/glossary/types.js';
import { createGlossaryRepo } from '../../glossary/glossaryRepo.js';
import { captureCommentAdded, captureCommentResolved } from '../local/captureComments.js';
import { withGlossaryCapture } from '../local/captureGlossary.js';
import type { PackageComment, PackageTerm, ReviewPackage } from './packageFormat.js';

interface CommentRow {
  id: string;
  paragraph_id: string;
  document_id: string;
  author_name: string;
  role: 'translator' | 'editor';
  body: string;
  created_at: string;
  resolved_at: string | null;
  resolved_by_name: string | null;
}

function statements(db: Database.Database) {
  return {
    comments: db.prepare<[string], CommentRow>('SELECT * FROM workflow_comments WHERE document_id = ? ORDER BY created_at, id'),
    comment: db.prepare<[string], CommentRow>('SELECT * FROM workflow_comments WHERE id = ?'),
    paragraphOf: db.prepare<[string], { document_id: string }>('SELECT document_id FROM paragraphs WHERE id = ?'),
    insertComment: db.prepare<[string, string, string, string, string, string, string]>(
      `INSERT INTO workflow_comments (id, paragraph_id, document_id, profile_id, author_name, role, body, created_at)
       VALUES (?, ?, ?, NULL, ?, ?, ?, ?)`,
    ),
    resolve: db.prepare<[string, string, string]>('UPDATE workflow_comments SET resolved_at = ?, resolved_by_name = ? WHERE id = ?'),
    lastSent: db.prepare<[string], string>('SELECT last_sent_at FROM review_package_exchanges WHERE document_id = ?').pluck(),
    sent: db.prepare<[string, string]>(
      `INSERT INTO review_package_exchanges (document_id, last_sent_at) VALUES (?, ?)
       ON CONFLICT (document_id) DO UPDATE SET last_sent_at = excluded.last_sent_at`,
    ),
    packageWritten: db.prepare<[string], string>('SELECT updated_at FROM review_package_terms WHERE term_id = ?').pluck(),
    wrote: db.prepare<[string, string]>(
      `INSERT INTO review_package_terms (term_id, updated_at) VALUES (?, ?)
       ON CONFLICT (term_id) DO UPDATE SET updated_at = excluded.updated_at`,
    ),
  };
}

const toComment = (r: CommentRow): PackageComment => ({
  id: r.id,
  paragraphId: r.paragraph_id,
  authorName: r.author_name,
  role: r.role,
  body: r.body,
  createdAt: r.created_at,
  resolved: r.resolved_at !== null ? { at: r.resolved_at, byName: r.resolved_by_name ?? '' } : null,
});

const toTerm = ({ sourceLang: _s, targetLang: _t, ...t }: GlossaryTerm): PackageTerm => t;

/** The comments and terms to send, and the send recorded (call in the build's transaction). */
export function packageExtras(
  db: Database.Database,
  doc: { id: string; sourceLang: string; targetLang: string },
  at: string,
): { comments: PackageComment[]; glossary: PackageTerm[] } {
  const s = statements(db);
  const since = s.lastSent.get(doc.id) ?? null;
  const glossary = createGlossaryRepo(db)
    .list(doc.sourceLang, doc.targetLang)
    .filter((t) => since === null || t.updatedAt > since)
    .map(toTerm);
  const comments = s.comments.all(doc.id).map(toComment);
  s.sent.run(doc.id, at);
  return { comments, glossary };
}

type Rejected = ReviewPackageResult['rejected'];

export function createExtrasMerger(db: Database.Database) {
  const s = statements(db);
  const glossary = withGlossaryCapture(db, createGlossaryRepo(db));

  function mergeComment(documentId: string, c: PackageComment, rejected: Rejected): void {
    const local = s.comment.get(c.id);
    if (local && (local.document_id !== documentId || local.paragraph_id !== c.paragraphId))
      return void rejected.push({ paragraphId: c.paragraphId, reason: 'a comment with this id is on another paragraph here' });
    if (!local) {
      if (s.paragraphOf.get(c.paragraphId)?.document_id !== documentId)
        return void rejected.push({ paragraphId: c.paragraphId, reason: 'the comment’s paragraph is not in this document' });
      s.insertComment.run(c.id, c.paragraphId, documentId, c.authorName, c.role, c.body, c.createdAt);
      captureCommentAdded(db, documentId, { ...c, resolved: null });
    }
    // A resolution travels; a reopening does not (offline there is no order to tell which came last).
    if (c.resolved && (local?.resolved_at ?? null) === null) {
      s.resolve.run(c.resolved.at, c.resolved.byName, c.id);
      captureCommentResolved(db, documentId, c, c.resolved.at);
    }
  }

  /** Changed here since this library last sent the document: the other side cannot have seen it. */
  function changedHere(local: GlossaryTerm, lastSent: string | null): boolean {
    return (lastSent === null || local.updatedAt > lastSent) && s.packageWritten.get(local.id) !== local.updatedAt;
  }

  function mergeTerm(pkg: ReviewPackage, t: PackageTerm, lastSent: string | null, at: string, rejected: Rejected): void {
    const { sourceLang, targetLang } = pkg.document;
    const term: GlossaryTerm = { ...t, sourceLang, targetLang, updatedAt: at };
    const content = (g: GlossaryTerm) => JSON.stringify([g.source, g.target, g.note, g.definition, g.forbidden, g.caseSensitive]);
    const clash = glossary.findBySource(sourceLang, targetLang, t.source);
    if (clash && clash.id !== t.id) {
      if (content(clash) !== content(term)) rejected.push({ paragraphId: '', reason: `the glossary already has a term “${t.source}”` });
      return;
    }
    const local = glossary.get(t.id);
    if (local && content(local) === content(term)) return;
    if (local && changedHere(local, lastSent))
      return void rejected.push({ paragraphId: '', reason: `glossary term “${t.source}” changed on both sides: this library’s is kept` });
    if (local) glossary.update({ ...term, createdAt: local.createdAt });
    else glossary.insert(term);
    s.wrote.run(t.id, at);
  }

  return {
    /** Inside the package's merge transaction, after its paragraphs. */
    merge(pkg: ReviewPackage, at: string, rejected: Rejected): void {
      const documentId = pkg.document.id;
      const lastSent = s.lastSent.get(documentId) ?? null;
      for (const c of pkg.comments ?? []) mergeComment(documentId, c, rejected);
      for (const t of pkg.glossary ?? []) mergeTerm(pkg, t, lastSent, at, rejected);
    },
  };
}
