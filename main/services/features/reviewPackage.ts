/**
 * Offline handoff (issue 16, docs/team.md#offline-handoff): Send for review writes a signed
 * package of a document; Open package verifies one and merges it like team sync.
 */
import { REVIEW_PACKAGE_EXTENSION } from '../../../shared/features/reviewPackageApi.js';
import type { ReviewPackageApi } from '../../../shared/features/reviewPackageContract.js';
import { ServiceError } from '../../core/serviceError.js';
import { buildPackage } from '../../team/package/buildPackage.js';
import { createPackageMerger } from '../../team/package/openPackage.js';
import { PackageInvalid, readPackage } from '../../team/package/packageFormat.js';
import { currentProfile, requireProfile, type ServiceDeps } from '../context.js';
import { slugify } from '../../export/naming.js';

function invalid(reason: string): ServiceError {
  return new ServiceError('REVIEW_PACKAGE_INVALID', `This is not a valid review package: ${reason}. Nothing was changed.`, { reason });
}

export function createReviewPackageService(deps: ServiceDeps): ReviewPackageApi {
  const { db, repos } = deps;
  const merger = createPackageMerger(db, repos, deps.now);
  return {
    async sendForReview({ documentId }) {
      const profile = requireProfile(deps);
      const doc = repos.documents.get(documentId);
      if (!doc) throw new ServiceError('DOCUMENT_NOT_FOUND', 'This document is not in the library.', { documentId });
      const content = db.transaction(() => {
        const key = repos.signingKeys.keyFor(profile.id);
        const sender = { name: profile.name, role: profile.role, key };
        return buildPackage(db, documentId, sender, deps.now().toISOString());
      })();
      if (content === null) throw new ServiceError('DOCUMENT_NOT_FOUND', 'This document is not in the library.', { documentId });
      return { fileName: `${slugify(doc.title)}${REVIEW_PACKAGE_EXTENSION}`, content };
    },

    async openReviewPackage({ content }) {
      try {
        return merger.merge(readPackage(content), currentProfile(deps)?.name ?? '');
      } catch (err) {
        if (err instanceof PackageInvalid) throw invalid(err.message);
        throw err;
      }
    },
  };
}
