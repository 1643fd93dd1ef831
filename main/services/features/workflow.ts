/** Services of `WorkflowApi`: sign-off with the QA gate and a summary, history, undo/redo, restore. */
import type { HistoryEntry, ParagraphChange, SkippedParagraph } from '../../../shared/features/workflowApi.js';
import type { WorkflowApi } from '../../../shared/features/workflowContract.js';
import { changesText, undoState } from '../../../shared/features/workflowUndo.js';
import { qaErrors, type QaIssue } from '../../../shared/qa/runQa.js';
import { canSignOff } from '../../../shared/status.js';
import type { Paragraph } from '../../../shared/types.js';
import { requireProfile, type ServiceDeps } from '../context.js';
import { createReviewCore, requireEditor, type ExtraQaChecks } from '../reviewService.js';
import { ServiceError } from '../../core/serviceError.js';
import { captureCommentAdded, captureCommentResolved } from '../../team/local/captureComments.js';

export function createWorkflowService(deps: ServiceDeps, extraChecks?: ExtraQaChecks): WorkflowApi {
  const core = createReviewCore(deps, extraChecks);
  const { repos } = deps;

  function history(paragraphId: string) {
    const revisions = repos.revisions.listByParagraph(paragraphId);
    const links = core.workflow.linksOfParagraph(paragraphId);
    return { revisions, links, state: undoState(revisions, links) };
  }

  function change(p: Paragraph, target: string, link: { kind: 'undo' | 'redo' | 'restore'; revisionId: number }): ParagraphChange {
    // The top of the undo stack always holds the current text, so `target` differs from it.
    return core.writeEdit(p, target, requireProfile(deps), link);
  }

  return {
    async signOffReviewed({ paragraphIds, overrides = [] }) {
      const author = requireEditor(deps);
      const paragraphs = core.load(paragraphIds);
      const reasons = new Map(overrides.map((o) => [o.paragraphId, o.reason.trim()]));
      const skipped: SkippedParagraph[] = [];
      const accepted: Paragraph[] = [];
      const overriding = new Map<string, { reason: string; issues: QaIssue[] }>();
      for (const p of paragraphs) {
        // Excluded from translation: done as it is, never signed off.
        if (p.excluded) {
          skipped.push({ paragraphId: p.id, number: p.index + 1, reason: 'excluded', issues: [] });
          continue;
        }
        const check = canSignOff(p.status, p.target, author.role);
        if (!check.ok) {
          skipped.push({
            paragraphId: p.id,
            number: p.index + 1,
            reason: check.code === 'PARAGRAPH_EMPTY' ? 'empty' : 'status',
            issues: [],
          });
          continue;
        }
        const errors = qaErrors(core.qaIssues(p));
        const reason = reasons.get(p.id);
        if (errors.length > 0 && reason === undefined) {
          skipped.push({ paragraphId: p.id, number: p.index + 1, reason: 'qa', issues: errors });
          continue;
        }
        if (errors.length > 0 && reason !== undefined) overriding.set(p.id, { reason, issues: errors });
        accepted.push(p);
      }
      // Review signals: a sign-off faster than a plausible reading speed is recorded as fast. The
      // reading time and "diff viewed" are Verso's own records (reportReviewFocus, reportDiffViewed),
      // never the figures the client sends in `review` (kept in the contract, not trusted).
      const { reviews, fast } = core.reviewSignals(accepted);
      const signedOff = accepted.length > 0 ? core.writeSignOff(accepted, author, overriding, reviews) : [];
      skipped.sort((a, b) => a.number - b.number);
      return { signedOff, skipped, fast };
    },

    async getParagraphHistory({ paragraphId }) {
      core.load([paragraphId]);
      const { revisions, links, state } = history(paragraphId);
      const linkOf = new Map(links.map((l) => [l.revisionId, l]));
      const overrideOf = new Map(core.workflow.overridesOfParagraph(paragraphId).map((o) => [o.revisionId, o]));
      const reviewOf = new Map(core.workflow.reviewsOfParagraph(paragraphId).map((r) => [r.revisionId, r]));
      const entries: HistoryEntry[] = revisions.map((r) => {
        const link = linkOf.get(r.id);
        const override = overrideOf.get(r.id);
        const signal = reviewOf.get(r.id);
        return {
          id: r.id,
          authorName: r.authorName,
          role: r.role,
          origin: r.origin,
          action: r.action,
          mtEngine: r.mtEngine,
          beforeText: r.beforeText,
          afterText: r.afterText,
          statusBefore: r.statusBefore,
          statusAfter: r.statusAfter,
          createdAt: r.createdAt,
          updatedAt: r.updatedAt,
          link: link ? { kind: link.kind, revisionId: link.targetRevisionId } : null,
          override: override ? { reason: override.reason, issues: override.issues } : null,
          review: signal ? { dwellMs: signal.dwellMs, words: signal.words, diffViewed: signal.diffViewed, fast: signal.fast } : null,
          restorable: changesText(r),
        };
      });
      return { paragraphId, entries, canUndo: state.done.length > 0, canRedo: state.undone.length > 0 };
    },

    async undoParagraph({ paragraphId }) {
      requireProfile(deps);
      const [p] = core.load([paragraphId]);
      const top = history(paragraphId).state.done.at(-1);
      if (!top || top.beforeText === null)
        throw new ServiceError('NOTHING_TO_UNDO', `Paragraph ${p!.index + 1} has no change to undo.`, { number: p!.index + 1 });
      return change(p!, top.beforeText, { kind: 'undo', revisionId: top.id });
    },

    async redoParagraph({ paragraphId }) {
      requireProfile(deps);
      const [p] = core.load([paragraphId]);
      const top = history(paragraphId).state.undone.at(-1);
      if (!top)
        throw new ServiceError('NOTHING_TO_REDO', `Paragraph ${p!.index + 1} has no undone change to redo.`, { number: p!.index + 1 });
      return change(p!, top.afterText, { kind: 'redo', revisionId: top.id });
    },

    async reportReviewFocus({ paragraphId }) {
      requireProfile(deps);
      if (paragraphId !== null) core.load([paragraphId]);
      deps.reviewClock.focus(paragraphId);
      return { recorded: true };
    },

    async reportDiffViewed({ paragraphId }) {
      requireProfile(deps);
      core.load([paragraphId]);
      deps.reviewClock.diffViewed(paragraphId);
      return { recorded: true };
    },

    async recordEditEffort({ paragraphId, activeMs, keystrokes }) {
      const author = requireProfile(deps);
      core.load([paragraphId]);
      if (activeMs > 0 || keystrokes > 0) core.workflow.addEffort(paragraphId, author.id, activeMs, keystrokes, deps.now().toISOString());
      return { recorded: true };
    },

    async getDocumentEffort({ documentId }) {
      if (!repos.documents.get(documentId)) throw new ServiceError('DOCUMENT_NOT_FOUND', 'This document does not exist.', { documentId });
      return core.workflow.effortOfDocument(documentId);
    },

    async listComments({ documentId }) {
      if (!repos.documents.get(documentId)) throw new ServiceError('DOCUMENT_NOT_FOUND', 'This document does not exist.', { documentId });
      return core.workflow.commentsOfDocument(documentId);
    },

    async addComment({ paragraphId, body }) {
      const author = requireProfile(deps);
      const [p] = core.load([paragraphId]);
      return deps.db.transaction(() => {
        const comment = core.workflow.addComment({
          id: deps.newId(),
          paragraphId,
          documentId: p!.documentId,
          profileId: author.id,
          authorName: author.name,
          role: author.role,
          body: body.trim(),
          at: deps.now().toISOString(),
        });
        captureCommentAdded(deps.db, p!.documentId, comment);
        return comment;
      })();
    },

    async setCommentResolved({ commentId, resolved }) {
      const author = requireProfile(deps);
      if (!core.workflow.getComment(commentId)) throw new ServiceError('COMMENT_NOT_FOUND', 'This comment does not exist.', { commentId });
      const at = deps.now().toISOString();
      return deps.db.transaction(() => {
        const comment = core.workflow.setResolved(commentId, resolved ? { at, byName: author.name } : null)!;
        captureCommentResolved(deps.db, repos.paragraphs.get(comment.paragraphId)?.documentId ?? '', comment, at);
        return comment;
      })();
    },

    async listEditors({ documentId }) {
      if (!repos.documents.get(documentId)) throw new ServiceError('DOCUMENT_NOT_FOUND', 'This document does not exist.', { documentId });
      const byName = new Map<string, Set<string>>();
      for (const r of repos.revisions.listByDocument(documentId)) {
        if (r.origin !== 'human' || r.action !== 'edit') continue;
        byName.set(r.authorName, (byName.get(r.authorName) ?? new Set()).add(r.paragraphId));
      }
      return [...byName].map(([name, ids]) => ({ name, paragraphIds: [...ids] })).sort((a, b) => a.name.localeCompare(b.name));
    },

    async restoreRevision({ paragraphId, revisionId }) {
      requireProfile(deps);
      const [p] = core.load([paragraphId]);
      const revision = repos.revisions.listByParagraph(paragraphId).find((r) => r.id === revisionId);
      if (!revision)
        throw new ServiceError('REVISION_NOT_FOUND', `Paragraph ${p!.index + 1} has no revision ${revisionId}.`, { revisionId });
      if (!changesText(revision)) {
        throw new ServiceError(
          'REVISION_NOT_RESTORABLE',
          `Revision ${revisionId} did not change the translation, so there is nothing to restore.`,
          { revisionId },
        );
      }
      if (revision.afterText === p!.target) {
        throw new ServiceError('REVISION_NOT_RESTORABLE', `The translation already has the text of revision ${revisionId}.`, {
          revisionId,
        });
      }
      return change(p!, revision.afterText, { kind: 'restore', revisionId });
    },
  };
}
