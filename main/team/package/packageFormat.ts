/**
 * The review package file (docs/team.md#offline-handoff): one JSON document, signed with the
 * sender's Ed25519 key over the canonical JSON of everything but `signature`. Opening parses it
 * strictly (unknown fields refused), then checks the key id and the signature: anything else is
 * "not a valid package" and changes nothing.
 */
import { z } from 'zod';
import { inlineCodeSchema } from '../../../shared/contract/models.js';
import { canonicalJson } from '../../../shared/signing/canonical.js';
import { PARAGRAPH_STATUSES } from '../../../shared/types.js';
import { keyIdOf, verifyEd25519 } from '../../core/crypto.js';
import { signOffClaimSchema } from '../local/applyPayloads.js';

export const PACKAGE_FORMAT = 'verso-review-package';
const text = z.string().max(1_000_000);
const sha = z.string().regex(/^[0-9a-f]{64}$/);

const mtSchema = z
  .object({
    text,
    engineId: z.string().max(200),
    engineVersion: z.string().max(200),
    sourceLang: z.string().max(35),
    targetLang: z.string().max(35),
    createdAt: z.string().max(64),
    unknownWords: z.array(z.string().max(1000)).max(10_000),
  })
  .strict();

const paragraphSchema = z
  .object({
    id: z.string().min(1).max(200),
    position: z.number().int().nonnegative(),
    kind: z.enum(['heading', 'paragraph', 'list-item', 'quote']),
    marker: z.string().max(100).nullable(),
    source: text,
    codes: z.array(inlineCodeSchema).max(10_000),
    target: text,
    status: z.enum(PARAGRAPH_STATUSES),
    excluded: z.boolean(),
    mt: mtSchema.nullable(),
    /** SHA-256 of every text the sender's library had or saw for this paragraph (its history). */
    known: z.array(sha).max(100_000),
    /** The claim and signature of the sign-off when the paragraph is signed off. */
    signOff: z
      .object({ claim: signOffClaimSchema.strict(), signature: z.string().min(1).max(200) })
      .strict()
      .nullable(),
  })
  .strict();

/** A comment of the document, with its resolution (version 2). */
const commentSchema = z
  .object({
    id: z.string().min(1).max(200),
    paragraphId: z.string().min(1).max(200),
    authorName: z.string().min(1).max(200),
    role: z.enum(['translator', 'editor']),
    body: z.string().min(1).max(20_000),
    createdAt: z.string().min(1).max(64),
    resolved: z
      .object({ at: z.string().min(1).max(64), byName: z.string().min(1).max(200) })
      .strict()
      .nullable(),
  })
  .strict();

/** A glossary term of the document's pair changed since the sender's last package of it (version 2). */
const termSchema = z
  .object({
    id: z.string().min(1).max(200),
    source: z.string().min(1).max(1000),
    target: z.string().min(1).max(1000),
    note: z.string().max(10_000),
    definition: z.string().max(10_000),
    forbidden: z.array(z.string().max(1000)).max(100),
    caseSensitive: z.boolean(),
    createdAt: z.string().min(1).max(64),
    updatedAt: z.string().min(1).max(64),
  })
  .strict();

const bodySchema = z
  .object({
    format: z.literal(PACKAGE_FORMAT),
    /** 1: paragraphs only; 2: also comments and glossary terms. */
    version: z.union([z.literal(1), z.literal(2)]),
    createdAt: z.string().min(1).max(64),
    document: z
      .object({
        id: z.string().min(1).max(64),
        title: z.string().min(1).max(1000),
        sourceLang: z.string().min(2).max(35),
        targetLang: z.string().min(2).max(35),
        sourceFormat: z.enum(['txt', 'md']),
        createdAt: z.string().min(1).max(64),
      })
      .strict(),
    paragraphs: z.array(paragraphSchema).max(100_000),
    comments: z.array(commentSchema).max(100_000).optional(),
    glossary: z.array(termSchema).max(50_000).optional(),
    signer: z
      .object({
        name: z.string().min(1).max(200),
        role: z.enum(['translator', 'editor']),
        keyId: z.string().min(1).max(128),
        publicKey: z.string().min(1).max(200),
      })
      .strict(),
  })
  .strict();

const packageSchema = bodySchema.extend({ signature: z.string().min(1).max(200) }).strict();

export type PackageBody = z.infer<typeof bodySchema>;
export type PackageParagraph = PackageBody['paragraphs'][number];
export type PackageComment = z.infer<typeof commentSchema>;
export type PackageTerm = z.infer<typeof termSchema>;
export type ReviewPackage = z.infer<typeof packageSchema>;

/** The file's text: the body and its signature (`sign`: the sender's key over canonical JSON). */
export function writePackage(candidate: PackageBody, sign: (message: string) => string): string {
  // Parsed first, so the signed value is exactly what a reader's parse gives back.
  const body = bodySchema.parse(candidate);
  const signature = sign(canonicalJson(body));
  return `${JSON.stringify({ ...body, signature }, null, 1)}\n`;
}

export class PackageInvalid extends Error {}

function parseJson(content: string): unknown {
  try {
    return JSON.parse(content) as unknown;
  } catch {
    throw new PackageInvalid('the file is not JSON');
  }
}

/** The package, checked: its shape, that its key id is its public key's, and its signature. Throws PackageInvalid. */
export function readPackage(content: string): ReviewPackage {
  const raw = parseJson(content);
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== PACKAGE_FORMAT)
    throw new PackageInvalid('the file is not a Verso review package');
  const parsed = packageSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PackageInvalid(`the package is malformed (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unknown'})`);
  }
  const { signature, ...body } = parsed.data;
  if (new Set(body.paragraphs.map((p) => p.id)).size !== body.paragraphs.length) throw new PackageInvalid('a paragraph is listed twice');
  if (keyIdOf(body.signer.publicKey) !== body.signer.keyId) throw new PackageInvalid('the signer’s key id does not match its key');
  let message: string;
  try {
    message = canonicalJson(body);
  } catch {
    throw new PackageInvalid('the package holds a value that cannot be signed');
  }
  if (!verifyEd25519(body.signer.publicKey, message, signature))
    throw new PackageInvalid('the signature does not verify: the file was changed after it was signed');
  return parsed.data;
}
