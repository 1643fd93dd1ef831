/**
 * Runtime validation of every API payload (used by main before a payload reaches a service).
 * One schema per method of `VersoApi`; the mapped type keeps them complete and in step.
 */
import { z } from 'zod';
import type { CoreApi, MethodInput, MethodName } from './api.js';
import type { SchemaMap } from './schemaMap.js';
import { enginesSchemas } from './features/enginesSchemas.js';
import { workflowSchemas } from './features/workflowSchemas.js';
import { exportingSchemas } from './features/exportingSchemas.js';
import { importingSchemas } from './features/importingSchemas.js';
import { memorySchemas } from './features/memorySchemas.js';
import { glossarySchemas } from './features/glossarySchemas.js';
import { exclusionSchemas } from './features/exclusionSchemas.js';
import { replaceSchemas } from './features/replaceSchemas.js';
import { librarySchemas } from './features/librarySchemas.js';
import { provenanceSchemas } from './features/provenanceSchemas.js';
import { signaturesSchemas } from './features/signaturesSchemas.js';
import { profilesSchemas } from './features/profilesSchemas.js';
import { backupsSchemas } from './features/backupsSchemas.js';
import { LIMITS } from './limits.js';
import { HTML_EXTRACTS, PASTE_FORMATS } from './import/importedDocument.js';
import { safeText, textIssueOf, type TextIssue } from './safeText.js';

const id = z.string().min(1).max(64);
const langTag = z.string().min(2).max(35);
const empty = z.object({}).strict();

export { LIMITS };

const settingsShape = {
  publisher: safeText(z.string().max(200)),
  contactEmail: safeText(z.string().max(200)).refine((v) => v === '' || z.email().safeParse(v).success, { message: 'Invalid email address' }),
  footerPolicy: z.enum(['always', 'when-mt', 'never']),
};

const coreSchemas = {
  getProfile: empty,
  setProfile: z
    .object({
      name: safeText(z.string().trim().min(1).max(LIMITS.nameChars)),
      role: z.enum(['translator', 'editor']),
    })
    .strict(),
  getSettings: empty,
  updateSettings: z.object({ ...settingsShape, reason: safeText(z.string().max(500), { multiline: true }) }).partial().strict(),
  listEngines: z.object({ sourceLang: langTag, targetLang: langTag }).strict(),
  importDocument: z
    .object({
      source: z.discriminatedUnion('kind', [
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
      ]),
      sourceLang: langTag,
      targetLang: langTag,
      title: safeText(z.string().max(500)).optional(),
    })
    .strict(),
  listDocuments: empty,
  getDocument: z.object({ documentId: id }).strict(),
  getParagraphPage: z
    .object({
      documentId: id,
      from: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
      limit: z.number().int().min(1).max(LIMITS.paragraphPage).optional(),
    })
    .strict(),
  deleteDocument: z.object({ documentId: id }).strict(),
  translateParagraphs: z
    .object({
      documentId: id,
      paragraphIds: z.array(id).max(LIMITS.paragraphIds).optional(),
      engineId: id.optional(),
    })
    .strict(),
  cancelJob: z.object({ jobId: id }).strict(),
  updateParagraphTarget: z
    .object({ paragraphId: id, target: safeText(z.string().max(LIMITS.paragraphChars), { multiline: true, bidi: true }) })
    .strict(),
  confirmParagraphs: z.object({ paragraphIds: z.array(id).min(1).max(LIMITS.paragraphIds) }).strict(),
  signOffParagraphs: z.object({ paragraphIds: z.array(id).min(1).max(LIMITS.paragraphIds) }).strict(),
} satisfies SchemaMap<CoreApi>;

export const methodSchemas = {
  ...coreSchemas,
  ...enginesSchemas,
  ...workflowSchemas,
  ...exportingSchemas,
  ...importingSchemas,
  ...memorySchemas,
  ...glossarySchemas,
  ...exclusionSchemas,
  ...replaceSchemas,
  ...librarySchemas,
  ...provenanceSchemas,
  ...signaturesSchemas,
  ...profilesSchemas,
  ...backupsSchemas,
} satisfies { [M in MethodName]: z.ZodType<MethodInput<M>> };

export type ValidationResult<M extends MethodName> =
  | { ok: true; value: MethodInput<M> }
  | { ok: false; issues: string[]; textIssue?: TextIssue };

/** Validates `input` for `method`; returns readable issue strings (path: message) on failure. */
export function validateInput<M extends MethodName>(method: M, input: unknown): ValidationResult<M> {
  const schema = methodSchemas[method] as z.ZodType<MethodInput<M>>;
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const textIssue = textIssueOf(parsed.error.issues);
  return {
    ok: false,
    issues: parsed.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`),
    ...(textIssue ? { textIssue } : {}),
  };
}
