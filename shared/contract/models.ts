/**
 * Output schemas of the domain types several features return (shared/types.ts and friends). Each
 * is checked by `exactly<T>()` to describe its type exactly; the dispatcher validates outputs
 * against them in checking mode (tests, e2e).
 */
import { z } from 'zod';
import { exactly } from './contract.js';
import type {
  DocumentDetail,
  DocumentSummary,
  EngineInfo,
  Exclusion,
  MtRecord,
  Paragraph,
  ParagraphPage,
  Profile,
  Settings,
  SignOff,
} from '../types.js';
import type { InlineCode } from '../inline/inlineCodes.js';
import type { ParagraphPlace } from '../import/paragraphPlace.js';
import { IMPORT_REPORT_KEPT, IMPORT_REPORT_NOT_KEPT, type ImportReport } from '../import/importReport.js';
import type { QaIssue } from '../qa/types.js';

export const roleSchema = z.enum(['translator', 'editor']);
export const paragraphStatusSchema = z.enum(['new', 'machine', 'edited', 'translated', 'signed-off']);
export const blockKindSchema = z.enum(['heading', 'paragraph', 'list-item', 'quote']);
export const footerPolicySchema = z.enum(['always', 'when-mt', 'never']);

export const profileSchema = exactly<Profile>()(z.object({ id: z.string(), name: z.string(), role: roleSchema, createdAt: z.string() }));

export const settingsSchema = exactly<Settings>()(
  z.object({ publisher: z.string(), contactEmail: z.string(), footerPolicy: footerPolicySchema }),
);

const attrs = z.record(z.string(), z.string());
export const inlineCodeSchema = exactly<InlineCode>()(
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('bold') }),
    z.object({ type: z.literal('italic') }),
    z.object({ type: z.literal('strike') }),
    z.object({ type: z.literal('link'), href: z.string() }),
    z.object({ type: z.literal('code'), text: z.string() }),
    z.object({ type: z.literal('break') }),
    z.object({
      type: z.literal('xliff'),
      element: z.enum(['g', 'x', 'bx', 'ex', 'ph', 'bpt', 'ept', 'it', 'pc', 'sc', 'ec']),
      attrs,
      content: z.string(),
      end: z.object({ attrs, content: z.string() }).optional(),
    }),
  ]),
);

const cellPlace = z.object({
  kind: z.literal('cell'),
  table: z.number(),
  row: z.number(),
  col: z.number(),
  colSpan: z.number(),
  rowSpan: z.number(),
  rows: z.number(),
  cols: z.number(),
});
const paragraphPlaceSchema = exactly<ParagraphPlace>()(
  z.union([
    z.object({ kind: z.enum(['footnote', 'endnote']), note: z.number(), refParagraphId: z.string().nullable() }),
    cellPlace,
    z.object({ kind: z.literal('textbox'), box: z.number() }),
  ]),
);

const mtRecordSchema = exactly<MtRecord>()(
  z.object({
    text: z.string(),
    engineId: z.string(),
    engineVersion: z.string(),
    sourceLang: z.string(),
    targetLang: z.string(),
    createdAt: z.string(),
    unknownWords: z.array(z.string()),
  }),
);

const signOffSchema = exactly<SignOff>()(
  z.object({ profileId: z.string(), name: z.string(), role: roleSchema, at: z.string(), textHash: z.string() }),
);

const exclusionSchema = exactly<Exclusion>()(
  z.object({ at: z.string(), name: z.string(), role: roleSchema.nullable(), origin: z.enum(['human', 'import']) }),
);

export const paragraphSchema = exactly<Paragraph>()(
  z.object({
    id: z.string(),
    documentId: z.string(),
    index: z.number(),
    kind: blockKindSchema,
    marker: z.string().nullable(),
    source: z.string(),
    target: z.string(),
    codes: z.array(inlineCodeSchema).optional(),
    status: paragraphStatusSchema,
    mt: mtRecordSchema.nullable(),
    signOff: signOffSchema.nullable(),
    excluded: exclusionSchema.optional(),
    signatureBroken: z.literal(true).optional(),
    place: paragraphPlaceSchema.optional(),
    updatedAt: z.string(),
  }),
);

const documentSummaryShape = {
  id: z.string(),
  title: z.string(),
  sourceLang: z.string(),
  targetLang: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  paragraphCount: z.number(),
  signedOffCount: z.number(),
};
export const documentSummarySchema = exactly<DocumentSummary>()(z.object(documentSummaryShape));

const importReportSchema = exactly<ImportReport>()(
  z.object({
    format: z.enum(['docx', 'xliff']),
    entries: z.array(
      z.object({
        item: z.enum([...IMPORT_REPORT_KEPT, ...IMPORT_REPORT_NOT_KEPT]),
        kept: z.boolean(),
        count: z.number(),
        paragraphs: z.array(z.number()),
        details: z.array(z.string()),
      }),
    ),
  }),
);

export const documentDetailSchema = exactly<DocumentDetail>()(
  z.object({ ...documentSummaryShape, paragraphs: z.array(paragraphSchema), importReport: importReportSchema.optional() }),
);

export const paragraphPageSchema = exactly<ParagraphPage>()(
  z.object({ paragraphs: z.array(paragraphSchema), next: z.number().nullable(), total: z.number() }),
);

export const engineInfoShape = {
  id: z.string(),
  name: z.string(),
  available: z.boolean(),
  unavailableReason: z.string().nullable(),
  pairs: z.array(z.object({ source: z.string(), target: z.string() })),
};
export const engineInfoSchema = exactly<EngineInfo>()(z.object(engineInfoShape));

export const qaIssueSchema = exactly<QaIssue>()(
  z.object({
    checkId: z.string(),
    severity: z.enum(['error', 'warning']),
    code: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
  }),
);

/** The job a call started (MT jobs: progress arrives as `jobProgress` events). */
export const jobStartedSchema = z.object({ jobId: z.string(), total: z.number() });
export const recordedSchema = z.object({ recorded: z.literal(true) });
export const deletedSchema = z.object({ deleted: z.literal(true) });

/** Input building blocks. */
export const id = z.string().min(1).max(64);
export const langTag = z.string().min(2).max(35);
export const empty = z.object({}).strict();
