/**
 * The payloads applying reads (docs/team.md#payloads), validated: a pulled change comes from
 * another machine, so nothing in it is trusted until it parses. A change whose payload does not
 * parse is not applied and is reported in `rejected`.
 */
import { z } from 'zod';
import { inlineCodeSchema } from '../../../shared/contract/models.js';
import { PARAGRAPH_STATUSES } from '../../../shared/types.js';

const text = z.string().max(1_000_000);

/** `excluded` travels as a boolean; an exclusion object (or null) is read as its presence. */
const exclusionValue = z.union([z.boolean(), z.null(), z.record(z.string(), z.unknown())]);
const excluded = exclusionValue.optional().transform((v) => v !== undefined && v !== null && v !== false);
/** In a paragraph change, an absent `excluded` leaves the exclusion as the head has it. */
const excludedOrKeep = exclusionValue.optional().transform((v) => (v === undefined ? undefined : v !== null && v !== false));

export const paragraphPayloadSchema = z.object({
  action: z.string().max(40),
  origin: z.string().max(40).optional(),
  target: text,
  status: z.enum(PARAGRAPH_STATUSES),
  excluded: excludedOrKeep,
  resolves: z.array(z.string()).optional(),
});

const hex = z.string().regex(/^[0-9a-f]{64}$/);

export const signOffClaimSchema = z.object({
  documentId: z.string().min(1),
  paragraphId: z.string().min(1),
  sourceSha256: hex,
  targetSha256: hex,
  role: z.enum(['translator', 'editor']),
  at: z.string().min(1).max(64),
  keyId: z.string().min(1).max(128),
  prevAuditHash: hex,
});

export const signOffPayloadSchema = z.object({
  claim: signOffClaimSchema,
  signature: z.string().min(1).max(200),
  keyId: z.string().min(1).max(128),
});
export type SignOffPayload = z.infer<typeof signOffPayloadSchema>;

const mtRecordSchema = z.object({
  text: text,
  engineId: z.string(),
  engineVersion: z.string(),
  sourceLang: z.string(),
  targetLang: z.string(),
  createdAt: z.string(),
  unknownWords: z.array(z.string()),
});

export const documentPayloadSchema = z.object({
  title: z.string().min(1).max(1000),
  sourceLang: z.string().min(2).max(35),
  targetLang: z.string().min(2).max(35),
  sourceFormat: z.enum(['txt', 'md']),
  paragraphs: z
    .array(
      z.object({
        id: z.string().min(1).max(200),
        position: z.number().int().nonnegative(),
        kind: z.enum(['heading', 'paragraph', 'list-item', 'quote']),
        marker: z.string().nullable(),
        source: text,
        target: text,
        status: z.enum(PARAGRAPH_STATUSES),
        mt: mtRecordSchema.nullable(),
        /** Inline codes whose tokens source and target hold (absent when none). */
        codes: z.array(inlineCodeSchema).max(10_000).optional(),
        excluded,
      }),
    )
    .max(100_000),
});
export type DocumentPayload = z.infer<typeof documentPayloadSchema>;

export const assignmentPayloadSchema = z.object({
  translator: z.string().nullable(),
  editor: z.string().nullable(),
});

/** docs/team.md: `{ body, role, resolved? }`, and the paragraph the comment is on. */
export const commentPayloadSchema = z.object({
  paragraphId: z.string().min(1).max(200),
  body: z.string().max(20_000).optional(),
  role: z.enum(['translator', 'editor']).optional(),
  resolved: z.boolean().optional(),
});

export const glossaryTermPayloadSchema = z.union([
  z.object({ removed: z.literal(true) }),
  z.object({
    sourceLang: z.string().min(2).max(35),
    targetLang: z.string().min(2).max(35),
    source: z.string().min(1).max(1000),
    target: z.string().min(1).max(1000),
    note: z.string().max(10_000).default(''),
    definition: z.string().max(10_000).default(''),
    forbidden: z.array(z.string().max(1000)).max(100).default([]),
    caseSensitive: z.boolean().default(false),
  }),
]);

/** A `document` change that deletes the document (main/team/local/captureDeletion.ts): entity = document id. */
export const documentDeletionPayloadSchema = z.object({
  deleted: z.literal(true),
  title: z.string().max(1000).optional(),
});
