/** Export formats, footer templates, attestation (issue: Export and disclosure): the methods, declared once. */
import { z } from 'zod';
import { exactly, type ApiOf, type Contract } from '../contract/contract.js';
import { empty, footerPolicySchema, id, langTag, roleSchema } from '../contract/models.js';
import { safeText } from '../safeText.js';
import { EXPORT_FILE_FORMATS, type ExportFileResult, type FooterTemplateEntry, type SettingsChange } from './exportingApi.js';
import { FOOTER_LIMITS } from './exportingFooter.js';

/** Why an editorial setting changed (audit record); blank counts as none. */
export const changeReason = safeText(z.string().max(500), { multiline: true });

const exportWarning = z.discriminatedUnion('code', [
  z.object({ code: z.literal('FOOTER_LIKE_PARAGRAPH'), paragraph: z.number(), side: z.enum(['source', 'target']) }),
  z.object({ code: z.literal('FOOTER_ALREADY_PRESENT'), paragraphs: z.array(z.number()) }),
  z.object({
    code: z.literal('FOOTER_OMITTED'),
    policy: footerPolicySchema,
    decidedBy: z.string().nullable(),
    reason: z.string().nullable(),
  }),
  z.object({ code: z.literal('FOOTER_TEMPLATE_CUSTOM'), lang: z.string(), sha256: z.string() }),
  z.object({ code: z.literal('TMX_SIGNED_OFF_ONLY'), units: z.number(), paragraphs: z.number() }),
]);

const exportFileResult = exactly<ExportFileResult>()(
  z.object({
    fileName: z.string(),
    mimeType: z.string(),
    encoding: z.enum(['utf8', 'base64']),
    content: z.string(),
    draft: z.boolean(),
    footer: z.boolean(),
    warnings: z.array(exportWarning),
  }),
);

const footerTemplateEntry = exactly<FooterTemplateEntry>()(
  z.object({
    lang: z.string(),
    vetted: z.array(z.string()).nullable(),
    override: z.array(z.string()).nullable(),
    vettedIdentity: z.object({ id: z.string(), version: z.number(), sha256: z.string() }).nullable().optional(),
    overrideIdentity: z.object({ sha256: z.string(), custom: z.boolean() }).nullable().optional(),
  }),
);

const settingValue = z.union([footerPolicySchema, z.array(z.string())]).nullable();
const settingsChange = exactly<SettingsChange>()(
  z.object({
    id: z.string(),
    at: z.string(),
    setting: z.enum(['footerPolicy', 'footerTemplate']),
    lang: z.string().nullable(),
    before: settingValue,
    after: settingValue,
    reason: z.string().nullable(),
    by: z.object({ profileId: z.string().nullable(), name: z.string(), role: roleSchema }),
  }),
);

export const exportingContract = {
  /** Exports a document in any format; publish mode needs every paragraph signed off and no unresolved QA error. */
  exportFile: {
    input: z.object({ documentId: id, format: z.enum(EXPORT_FILE_FORMATS), mode: z.enum(['publish', 'draft']) }).strict(),
    output: exportFileResult,
    errors: [
      'DOCUMENT_NOT_FOUND',
      'EXPORT_NOT_SIGNED_OFF',
      'EXPORT_SIGNATURE_BROKEN',
      'EXPORT_QA_UNRESOLVED',
      'FOOTER_TEMPLATE_MISSING',
      'EXPORT_SETTINGS_MISSING',
      'EXPORT_FOOTER_SETTINGS_UNRECORDED',
    ],
  },
  /** Footer templates of every language that has one (vetted or saved), plus the required languages. */
  listFooterTemplates: { input: empty, output: z.array(footerTemplateEntry), errors: [] },
  /** Saves the publication's own footer wording for a language (kept as data, used instead of the vetted one). */
  saveFooterTemplate: {
    input: z
      .object({
        lang: langTag,
        lines: z
          .array(safeText(z.string().max(FOOTER_LIMITS.lineChars), { multiline: true, bidi: true }))
          .min(1)
          .max(FOOTER_LIMITS.lines),
        reason: changeReason.optional(),
      })
      .strict(),
    output: footerTemplateEntry,
    errors: ['NO_PROFILE', 'FOOTER_EDITOR_ONLY', 'LANGUAGE_UNKNOWN', 'FOOTER_TEMPLATE_INVALID', 'FOOTER_REASON_REQUIRED'],
  },
  /** Drops the saved wording of a language, going back to the vetted template (if any). */
  resetFooterTemplate: {
    input: z.object({ lang: langTag, reason: changeReason.optional() }).strict(),
    output: footerTemplateEntry,
    errors: ['NO_PROFILE', 'FOOTER_EDITOR_ONLY', 'LANGUAGE_UNKNOWN'],
  },
  /** The audit record of footer policy and template changes, newest first. */
  listSettingsChanges: {
    input: z.object({ limit: z.number().int().min(1).max(500).optional() }).strict(),
    output: z.array(settingsChange),
    errors: [],
  },
} as const satisfies Contract;

export type ExportingApi = ApiOf<typeof exportingContract>;
