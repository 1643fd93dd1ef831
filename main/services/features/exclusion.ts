/**
 * Services of `ExclusionApi`: exclude paragraphs from translation and include them again (each a
 * revision of its own), and the per-document export choice for excluded paragraphs.
 *
 * Who may: anyone may exclude a paragraph that is not signed off (clearing page clutter is
 * everyday translator work) and include any paragraph again (that only adds work). Excluding a
 * signed-off paragraph removes approved text from the publication, so it takes an editor, who
 * must say so (`withdrawSignOffs`); the sign-off is then withdrawn and recorded, as an edit
 * withdraws it. Every exclusion names who made it, in which role and when, on the paragraph and
 * in its history.
 */
import type { ExclusionChange } from '../../../shared/features/exclusionApi.js';
import type { ExclusionApi } from '../../../shared/features/exclusionContract.js';
import type { Paragraph, ParagraphStatus, Profile, RevisionAction } from '../../../shared/types.js';
import { createExclusionRepo } from '../../db/repositories/exclusion/exclusionRepo.js';
import { formatNumbers, plural, requireProfile, type ServiceDeps } from '../context.js';
import { createReviewCore } from '../reviewService.js';
import { ServiceError } from '../../core/serviceError.js';

/** Where a paragraph whose sign-off an exclusion withdrew stands: its text was approved, so confirmed. */
const AFTER_WITHDRAWAL: ParagraphStatus = 'translated';

export function createExclusionService(deps: ServiceDeps): ExclusionApi {
  const { repos } = deps;
  const core = createReviewCore(deps);
  const settings = createExclusionRepo(deps.db);

  function record(
    p: Paragraph,
    author: Profile,
    action: RevisionAction,
    statusBefore: ParagraphStatus,
    statusAfter: ParagraphStatus,
    at: string,
  ): void {
    repos.revisions.insert({
      paragraphId: p.id,
      documentId: p.documentId,
      profileId: author.id,
      authorName: author.name,
      role: author.role,
      origin: 'human',
      action,
      mtEngine: null,
      beforeText: p.target,
      afterText: p.target,
      statusBefore,
      statusAfter,
      createdAt: at,
    });
  }

  const write = deps.db.transaction((paragraphs: Paragraph[], excluded: boolean, author: Profile): ExclusionChange => {
    const at = deps.now().toISOString();
    const out: ExclusionChange = { paragraphs: [], signOffsWithdrawn: [], unchanged: [] };
    for (const p of paragraphs) {
      if ((p.excluded !== undefined) === excluded) {
        out.unchanged.push(p.index + 1);
        continue;
      }
      let status = p.status;
      if (excluded && p.status === 'signed-off') {
        status = AFTER_WITHDRAWAL;
        repos.paragraphs.update({ ...p, status, signOff: null, updatedAt: at });
        record(p, author, 'sign-off-withdrawn', p.status, status, at);
        out.signOffsWithdrawn.push(p.index + 1);
      } else {
        repos.paragraphs.update({ ...p, updatedAt: at });
      }
      repos.paragraphs.setExclusion(p.id, excluded ? { at, name: author.name, role: author.role, origin: 'human' } : null);
      record(p, author, excluded ? 'exclude' : 'include', status, status, at);
      repos.documents.touch(p.documentId, at);
      out.paragraphs.push(repos.paragraphs.get(p.id)!);
    }
    return out;
  });

  function requireDocument(documentId: string): void {
    if (!repos.documents.get(documentId))
      throw new ServiceError('DOCUMENT_NOT_FOUND', 'This document does not exist (it may have been deleted).', { documentId });
  }

  return {
    async setParagraphsExcluded({ paragraphIds, excluded, withdrawSignOffs = false }) {
      const author = requireProfile(deps);
      const paragraphs = core.load(paragraphIds).sort((a, b) => a.documentId.localeCompare(b.documentId) || a.index - b.index);
      const signedOff = excluded ? paragraphs.filter((p) => p.status === 'signed-off' && p.excluded === undefined) : [];
      if (signedOff.length > 0) {
        const numbers = signedOff.map((p) => p.index + 1);
        if (author.role !== 'editor') {
          throw new ServiceError(
            'ROLE_FORBIDDEN',
            `Only an editor can exclude a signed-off paragraph (${plural(numbers.length, 'paragraph', 'paragraphs')}: ${formatNumbers(numbers)}): it takes approved text out of the published article. Nothing was changed.`,
            { role: author.role, count: numbers.length, paragraphs: numbers },
          );
        }
        if (!withdrawSignOffs) {
          throw new ServiceError(
            'EXCLUDE_WITHDRAWS_SIGN_OFF',
            `Excluding would withdraw the sign-off of ${plural(numbers.length, 'paragraph', 'paragraphs')} ${formatNumbers(numbers)}; confirm to go on. Nothing was changed.`,
            { count: numbers.length, paragraphs: numbers },
          );
        }
      }
      return write(paragraphs, excluded, author);
    },

    async getExclusionSettings({ documentId }) {
      requireDocument(documentId);
      return { excludedExport: settings.excludedExport(documentId) };
    },

    async setExclusionSettings({ documentId, excludedExport }) {
      requireProfile(deps);
      requireDocument(documentId);
      settings.setExcludedExport(documentId, excludedExport);
      return { excludedExport: settings.excludedExport(documentId) };
    },
  };
}
