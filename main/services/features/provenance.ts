/**
 * Services of `ProvenanceApi` (issue 12): the unknown origins of a document, and an editor's
 * declaration that they are human translation (who, role, when and why are stored with them, and
 * the provenance, attestation and XLIFF exports carry it).
 */
import type { DocumentOrigins } from '../../../shared/features/provenanceApi.js';
import type { ProvenanceApi } from '../../../shared/features/provenanceContract.js';
import { createProvenanceRepo } from '../../db/repositories/provenance/provenanceRepo.js';
import { requireProfile, type ServiceDeps } from '../context.js';
import { ServiceError } from '../../core/serviceError.js';
import { auditOriginDeclared } from '../../db/audit/recordAudit.js';
import { keepRecordedDeclarations } from '../../signing/verifyRecords.js';

export function createProvenanceService(deps: ServiceDeps): ProvenanceApi {
  const origins = createProvenanceRepo(deps.db);

  function documentOrigins(documentId: string): DocumentOrigins {
    if (!deps.repos.documents.get(documentId)) {
      throw new ServiceError('DOCUMENT_NOT_FOUND', 'This document does not exist (it may have been deleted).', { documentId });
    }
    const numbers = new Map(deps.repos.paragraphs.listByDocument(documentId).map((p) => [p.id, p.index + 1]));
    return {
      // A declaration written behind Verso's back (not in the audit log) does not count.
      unknown: keepRecordedDeclarations(deps.db, documentId, origins.listByDocument(documentId))
        .filter((o) => o.origin === 'unknown')
        .map((o) => ({
          paragraphId: o.paragraphId,
          number: numbers.get(o.paragraphId) ?? 0,
          tool: o.tool,
          declaredHuman: o.declaredHuman,
        })),
    };
  }

  const declare = deps.db.transaction((documentId: string, ids: string[], reason: string, name: string, at: string) => {
    for (const id of ids) {
      if (origins.declareHuman(id, { name, role: 'editor', at, reason }))
        auditOriginDeclared(deps.db, { documentId, paragraphId: id, name, role: 'editor', at, reason });
    }
  });

  return {
    async getDocumentOrigins({ documentId }) {
      return documentOrigins(documentId);
    },
    async declareHumanOrigin({ documentId, reason, paragraphIds }) {
      const profile = requireProfile(deps);
      if (profile.role !== 'editor') {
        throw new ServiceError(
          'ORIGIN_DECLARE_NEEDS_EDITOR',
          'Only an editor may declare that a translation of unknown origin was made by a person. Ask an editor, or keep the disclosure footer.',
        );
      }
      const text = reason.normalize('NFC').replace(/\s+/g, ' ').trim();
      if (text === '')
        throw new ServiceError(
          'ORIGIN_REASON_REQUIRED',
          'Say why this translation is human work (for example who translated it); the reason is kept in the provenance.',
        );
      const named = paragraphIds ? new Set(paragraphIds) : null;
      const open = documentOrigins(documentId).unknown.filter(
        (o) => o.declaredHuman === null && (named === null || named.has(o.paragraphId)),
      );
      if (open.length === 0)
        throw new ServiceError('ORIGIN_NOTHING_UNKNOWN', 'No paragraph of this document has an undeclared unknown origin.');
      declare(
        documentId,
        open.map((o) => o.paragraphId),
        text,
        profile.name,
        deps.now().toISOString(),
      );
      return documentOrigins(documentId);
    },
  };
}
