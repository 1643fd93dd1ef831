/** Exclude from translation (issue 11): the methods, declared once (see exclusionApi.ts for what exclusion means). */
import { z } from 'zod';
import { exactly, type ApiOf, type Contract } from '../contract/contract.js';
import { id, paragraphSchema } from '../contract/models.js';
import { LIMITS } from '../limits.js';
import { EXCLUDED_EXPORT_CHOICES, type ExclusionChange, type ExclusionSettings } from './exclusionApi.js';

const exclusionChange = exactly<ExclusionChange>()(
  z.object({ paragraphs: z.array(paragraphSchema), signOffsWithdrawn: z.array(z.number()), unchanged: z.array(z.number()) }),
);
const exclusionSettings = exactly<ExclusionSettings>()(z.object({ excludedExport: z.enum(EXCLUDED_EXPORT_CHOICES) }));

export const exclusionContract = {
  /**
   * Excludes paragraphs from translation (`excluded: true`) or includes them again; each change
   * is a revision (`exclude` / `include`: who, role, when). Anyone may exclude a paragraph that is
   * not signed off; excluding a signed-off one withdraws its sign-off, which only an editor may do
   * and only when asked to (`withdrawSignOffs`), else EXCLUDE_WITHDRAWS_SIGN_OFF and nothing changes.
   */
  setParagraphsExcluded: {
    input: z
      .object({
        paragraphIds: z.array(id).min(1).max(LIMITS.paragraphIds),
        excluded: z.boolean(),
        withdrawSignOffs: z.boolean().optional(),
      })
      .strict(),
    output: exclusionChange,
    errors: ['NO_PROFILE', 'PARAGRAPH_NOT_FOUND', 'ROLE_FORBIDDEN', 'EXCLUDE_WITHDRAWS_SIGN_OFF'],
  },
  getExclusionSettings: { input: z.object({ documentId: id }).strict(), output: exclusionSettings, errors: ['DOCUMENT_NOT_FOUND'] },
  setExclusionSettings: {
    input: z.object({ documentId: id, excludedExport: z.enum(EXCLUDED_EXPORT_CHOICES) }).strict(),
    output: exclusionSettings,
    errors: ['NO_PROFILE', 'DOCUMENT_NOT_FOUND'],
  },
} as const satisfies Contract;

export type ExclusionApi = ApiOf<typeof exclusionContract>;
