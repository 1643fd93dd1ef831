/**
 * The walking skeleton's methods (profile, settings, documents, MT jobs, editing, sign-off):
 * declared once here, zod first. The interface, the allowlist, the dispatcher's
 * validation and the renderer's client come from this object (shared/contract/contract.ts).
 */
import { z } from 'zod';
import type { Contract } from '../contract/contract.js';
import { IMPORT_PARSE_ERRORS, MT_START_ERRORS } from '../contract/errorSets.js';
import {
  deletedSchema,
  documentDetailSchema,
  documentSummarySchema,
  empty,
  engineInfoSchema,
  id,
  jobStartedSchema,
  langTag,
  paragraphPageSchema,
  paragraphSchema,
  profileSchema,
  roleSchema,
  settingsSchema,
} from '../contract/models.js';
import { LIMITS } from '../limits.js';
import { HTML_EXTRACTS, PASTE_FORMATS } from '../import/importedDocument.js';
import { safeText } from '../safeText.js';

/** What is imported: pasted text, or a file (base64). Shared by import, bilingual import and re-import. */
export const importSourceSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('text'),
      // Characters, not bytes: the byte limit is checked again by the service.
      text: z.string().max(LIMITS.importBytes),
      format: z.enum(PASTE_FORMATS),
      extract: z.enum(HTML_EXTRACTS).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('file'),
      fileName: z.string().min(1).max(255),
      // base64 grows 4/3; allow a little slack so the service can report the size itself.
      dataBase64: z.string().max(Math.ceil((LIMITS.importFileBytes * 4) / 3) + 1024),
      extract: z.enum(HTML_EXTRACTS).optional(),
    })
    .strict(),
]);
export type ImportSource = z.output<typeof importSourceSchema>;

const settingsShape = {
  publisher: safeText(z.string().max(200)),
  contactEmail: safeText(z.string().max(200)).refine((v) => v === '' || z.email().safeParse(v).success, {
    message: 'Invalid email address',
  }),
  footerPolicy: z.enum(['always', 'when-mt', 'never']),
};
/** `reason`: why the footer policy changes (audit record; required for "never"). */
export const settingsUpdateSchema = z
  .object({ ...settingsShape, reason: safeText(z.string().max(500), { multiline: true }) })
  .partial()
  .strict();

/**
 * What updateSettings takes over the wire: the e-mail address's form is the service's check
 * (settingsService.ts: SETTINGS_INVALID, which the app words), not a BAD_REQUEST of the dispatcher.
 */
const settingsUpdateInput = z
  .object({ ...settingsShape, contactEmail: safeText(z.string().max(200)), reason: safeText(z.string().max(500), { multiline: true }) })
  .partial()
  .strict();

const importDocumentInput = z
  .object({
    source: importSourceSchema,
    sourceLang: langTag,
    targetLang: langTag,
    /** Optional title; default: the first heading or first line. */
    title: safeText(z.string().max(500)).optional(),
  })
  .strict();
export type ImportDocumentInput = z.output<typeof importDocumentInput>;

const paragraphChange = z.object({
  paragraph: paragraphSchema,
  /** True when this edit withdrew an editor's sign-off. */
  signOffWithdrawn: z.boolean(),
});

const paragraphIds = z.object({ paragraphIds: z.array(id).min(1).max(LIMITS.paragraphIds) }).strict();

export const coreContract = {
  getProfile: { input: empty, output: profileSchema.nullable(), errors: [] },
  setProfile: {
    input: z.object({ name: safeText(z.string().trim().min(1).max(LIMITS.nameChars)), role: roleSchema }).strict(),
    output: profileSchema,
    errors: ['PROFILE_NAME_TAKEN'],
  },
  getSettings: { input: empty, output: settingsSchema, errors: [] },
  updateSettings: {
    input: settingsUpdateInput,
    output: settingsSchema,
    errors: ['SETTINGS_INVALID', 'NO_PROFILE', 'FOOTER_EDITOR_ONLY', 'FOOTER_REASON_REQUIRED'],
  },
  listEngines: { input: z.object({ sourceLang: langTag, targetLang: langTag }).strict(), output: z.array(engineInfoSchema), errors: [] },
  importDocument: {
    input: importDocumentInput,
    output: documentDetailSchema,
    errors: ['NO_PROFILE', 'LANGUAGE_UNKNOWN', 'LANGUAGE_SAME', 'IMPORT_LANGUAGE_MISMATCH', 'DOCUMENT_NOT_FOUND', ...IMPORT_PARSE_ERRORS],
  },
  listDocuments: { input: empty, output: z.array(documentSummarySchema), errors: [] },
  getDocument: { input: z.object({ documentId: id }).strict(), output: documentDetailSchema, errors: ['DOCUMENT_NOT_FOUND'] },
  /** The document's paragraphs from position `from` on, one page (see `ParagraphPage`). */
  getParagraphPage: {
    input: z
      .object({
        documentId: id,
        from: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
        limit: z.number().int().min(1).max(LIMITS.paragraphPage).optional(),
      })
      .strict(),
    output: paragraphPageSchema,
    errors: ['DOCUMENT_NOT_FOUND'],
  },
  deleteDocument: {
    input: z.object({ documentId: id }).strict(),
    output: deletedSchema,
    errors: ['NO_PROFILE', 'DOCUMENT_NOT_FOUND', 'LIBRARY_DELETE_NEEDS_EDITOR', 'TEAM_DELETE_NEEDS_EDITOR'],
  },
  /** Starts a background MT job; progress arrives as `jobProgress` events. */
  translateParagraphs: {
    input: z
      .object({
        documentId: id,
        /** Omit for every paragraph that has no human work yet (status new or machine). */
        paragraphIds: z.array(id).max(LIMITS.paragraphIds).optional(),
        engineId: id.optional(),
      })
      .strict(),
    output: jobStartedSchema,
    errors: [...MT_START_ERRORS],
  },
  cancelJob: { input: z.object({ jobId: id }).strict(), output: z.object({ cancelled: z.boolean() }), errors: ['JOB_NOT_FOUND'] },
  updateParagraphTarget: {
    input: z.object({ paragraphId: id, target: safeText(z.string().max(LIMITS.paragraphChars), { multiline: true, bidi: true }) }).strict(),
    output: paragraphChange,
    errors: ['NO_PROFILE', 'PARAGRAPH_NOT_FOUND'],
  },
  confirmParagraphs: {
    input: paragraphIds,
    output: z.array(paragraphSchema),
    errors: ['NO_PROFILE', 'PARAGRAPH_NOT_FOUND', 'PARAGRAPH_EMPTY', 'PARAGRAPH_NOT_CONFIRMABLE'],
  },
  signOffParagraphs: {
    input: paragraphIds,
    output: z.array(paragraphSchema),
    errors: [
      'NO_PROFILE',
      'ROLE_FORBIDDEN',
      'PARAGRAPH_NOT_FOUND',
      'PARAGRAPH_EXCLUDED',
      'PARAGRAPH_EMPTY',
      'PARAGRAPH_NOT_CONFIRMABLE',
      'QA_BLOCKED',
      'SIGNING_KEY_LOCKED',
    ],
  },
} as const satisfies Contract;
