/**
 * Services of `ReplaceApi`: Replace all as one undoable step. Every changed paragraph gets an
 * ordinary edit revision (so its own undo history, Ctrl+Z, diffs and the "edited by" filter work
 * as for any edit, and a signed-off paragraph's sign-off is withdrawn and recorded as an edit
 * withdraws it); the revisions share one batch id (`replace_batches`). Undoing the batch undoes,
 * paragraph by paragraph, exactly those revisions that are still on top of their paragraph's undo
 * history; a paragraph changed since keeps its newer text and is named.
 */
import type { ReplaceApi } from '../../../shared/features/replaceContract.js';
import { undoState } from '../../../shared/features/workflowUndo.js';
import type { Paragraph, Profile } from '../../../shared/types.js';
import { createReplaceRepo } from '../../db/repositories/replace/replaceRepo.js';
import type { Revision } from '../../db/repositories/revisionsRepo.js';
import { formatNumbers, plural, requireProfile, type ServiceDeps } from '../context.js';
import { createReviewCore } from '../reviewService.js';
import { ServiceError } from '../../core/serviceError.js';

export function createReplaceService(deps: ServiceDeps): ReplaceApi {
  const { repos } = deps;
  const core = createReviewCore(deps);
  const batches = createReplaceRepo(deps.db);

  const writeAll = deps.db.transaction((changes: { p: Paragraph; after: string }[], author: Profile, batchId: string) => {
    const at = deps.now().toISOString();
    const paragraphs: Paragraph[] = [];
    const withdrawn: number[] = [];
    for (const { p, after } of changes) {
      const result = core.writeEdit(p, after, author, undefined, (revisionId) => batches.add(revisionId, batchId, p.documentId, at));
      paragraphs.push(result.paragraph);
      if (result.signOffWithdrawn) withdrawn.push(p.index + 1);
    }
    return { paragraphs, withdrawn };
  });

  const undoAll = deps.db.transaction((members: { revisionId: number; paragraphId: string }[], author: Profile) => {
    const paragraphs: Paragraph[] = [];
    const kept: number[] = [];
    for (const { revisionId, paragraphId } of members) {
      const [p] = core.load([paragraphId]);
      const revisions: Revision[] = repos.revisions.listByParagraph(paragraphId);
      const history = undoState(revisions, core.workflow.linksOfParagraph(paragraphId));
      const top = history.done.at(-1);
      if (top?.id === revisionId && top.beforeText !== null) {
        paragraphs.push(core.writeEdit(p!, top.beforeText, author, { kind: 'undo', revisionId }).paragraph);
      } else if (!history.undone.some((u) => u.id === revisionId)) {
        kept.push(p!.index + 1);
      }
      // Already undone there (Ctrl+Z in that paragraph): nothing left to do.
    }
    return { paragraphs, kept: kept.sort((a, b) => a - b) };
  });

  return {
    async replaceAllInTargets({ documentId, changes, withdrawSignOffs = false }) {
      const author = requireProfile(deps);
      if (!repos.documents.get(documentId))
        throw new ServiceError('DOCUMENT_NOT_FOUND', 'This document does not exist (it may have been deleted).', { documentId });
      const loaded = core.load(changes.map((c) => c.paragraphId));
      const byId = new Map(loaded.map((p) => [p.id, p]));
      const foreign = loaded.filter((p) => p.documentId !== documentId).map((p) => p.id);
      if (foreign.length > 0)
        throw new ServiceError('PARAGRAPH_NOT_FOUND', `${plural(foreign.length, 'paragraph is', 'paragraphs are')} not in this document.`, {
          paragraphIds: foreign,
        });
      const stale = changes.filter((c) => byId.get(c.paragraphId)!.target !== c.before).map((c) => byId.get(c.paragraphId)!.index + 1);
      if (stale.length > 0) {
        throw new ServiceError(
          'REPLACE_TARGET_CHANGED',
          `The translation of ${plural(stale.length, 'paragraph', 'paragraphs')} ${formatNumbers(stale)} changed while replacing. Nothing was replaced; try again.`,
          { count: stale.length, paragraphs: stale },
        );
      }
      const real = changes.filter((c) => c.after !== c.before);
      const signed = real
        .map((c) => byId.get(c.paragraphId)!)
        .filter((p) => p.status === 'signed-off')
        .map((p) => p.index + 1);
      if (signed.length > 0 && !withdrawSignOffs) {
        throw new ServiceError(
          'REPLACE_WITHDRAWS_SIGN_OFF',
          `Replacing would withdraw the sign-off of ${plural(signed.length, 'paragraph', 'paragraphs')} ${formatNumbers(signed)}; confirm to go on. Nothing was replaced.`,
          { count: signed.length, paragraphs: signed },
        );
      }
      const batchId = deps.newId();
      const ordered = real.map((c) => ({ p: byId.get(c.paragraphId)!, after: c.after })).sort((a, b) => a.p.index - b.p.index);
      const { paragraphs, withdrawn } = writeAll(ordered, author, batchId);
      const occurrences = real.reduce((n, c) => n + c.occurrences, 0);
      return { batchId, paragraphs, occurrences, signOffsWithdrawn: withdrawn };
    },

    async undoReplaceAll({ batchId }) {
      const author = requireProfile(deps);
      const members = batches.revisionsOf(batchId);
      if (members.length === 0)
        throw new ServiceError('REPLACE_BATCH_NOT_FOUND', 'This replacement is not known (its document may have been deleted).', {
          batchId,
        });
      const { paragraphs, kept } = undoAll(members, author);
      if (paragraphs.length === 0 && kept.length === 0) {
        throw new ServiceError('REPLACE_NOTHING_TO_UNDO', 'This replacement has already been undone.', { batchId });
      }
      return { paragraphs, undone: paragraphs.length, kept };
    },
  };
}
