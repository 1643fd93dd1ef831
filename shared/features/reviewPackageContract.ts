/** Offline handoff between two laptops (issue 16, docs/team.md#offline-handoff): the methods, declared once. */
import { z } from 'zod';
import { exactly, type ApiOf, type Contract } from '../contract/contract.js';
import { id } from '../contract/models.js';
import { REVIEW_PACKAGE_MAX_CHARS, type ReviewPackageFile, type ReviewPackageResult } from './reviewPackageApi.js';

const file = exactly<ReviewPackageFile>()(z.object({ fileName: z.string(), content: z.string() }));
const result = exactly<ReviewPackageResult>()(
  z.object({
    documentId: z.string(),
    title: z.string(),
    created: z.boolean(),
    signer: z.object({ name: z.string(), keyId: z.string() }),
    applied: z.number(),
    conflicts: z.number(),
    rejected: z.array(z.object({ paragraphId: z.string(), reason: z.string() })),
  }),
);

export const reviewPackageContract = {
  /**
   * Send for review: one signed file with the document's current state (every paragraph, its
   * sign-off claim when signed off) and the texts this library knows of each paragraph. Signed with
   * the current profile's key (SIGNING_KEY_LOCKED when it is sealed and locked).
   */
  sendForReview: {
    input: z.object({ documentId: id }).strict(),
    output: file,
    errors: ['DOCUMENT_NOT_FOUND', 'NO_PROFILE', 'SIGNING_KEY_LOCKED'],
  },
  /**
   * Open package: verifies the file's signature, then merges it paragraph by paragraph like team
   * sync (taken, unchanged, or a conflict); a document not in the library is added with the same
   * ids. A malformed, tampered or too large file changes nothing: REVIEW_PACKAGE_INVALID.
   */
  openReviewPackage: {
    input: z.object({ content: z.string().max(REVIEW_PACKAGE_MAX_CHARS) }).strict(),
    output: result,
    errors: ['REVIEW_PACKAGE_INVALID'],
  },
} as const satisfies Contract;

export type ReviewPackageApi = ApiOf<typeof reviewPackageContract>;
