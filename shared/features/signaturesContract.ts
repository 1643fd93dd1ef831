/** Signed sign-offs and the hash-chained audit log (issue 12): the methods, declared once. */
import { z } from 'zod';
import { exactly, type ApiOf, type Contract } from '../contract/contract.js';
import { empty } from '../contract/models.js';
import {
  PASSPHRASE_MIN_CHARS,
  SIGNATURE_PROBLEMS,
  type LibraryCheck,
  type SigningKeyStatus,
  type SigningPublicKey,
} from './signaturesApi.js';

const libraryProblem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('chain'), seq: z.number(), detail: z.enum(['tampered', 'broken-link', 'gap']) }),
  z.object({ kind: z.literal('revision'), revisionId: z.number(), documentId: z.string() }),
  z.object({
    kind: z.literal('signature'),
    documentId: z.string(),
    title: z.string(),
    paragraph: z.number(),
    problem: z.enum(SIGNATURE_PROBLEMS),
  }),
  z.object({ kind: z.literal('settings-change'), changeId: z.string(), setting: z.string(), at: z.string() }),
  z.object({ kind: z.literal('footer-setting'), setting: z.enum(['footerPolicy', 'footerTemplate']), lang: z.string().nullable() }),
  z.object({ kind: z.literal('declaration'), documentId: z.string(), title: z.string(), paragraph: z.number() }),
  z.object({ kind: z.literal('profile'), profileId: z.string(), name: z.string() }),
]);

const libraryCheck = exactly<LibraryCheck>()(
  z.object({
    state: z.enum(['idle', 'running', 'done', 'failed']),
    trigger: z.enum(['start-up', 'manual']).nullable(),
    done: z.number(),
    total: z.number(),
    links: z.number(),
    revisions: z.number(),
    signedOff: z.number(),
    problems: z.array(libraryProblem),
    problemCount: z.number(),
    finishedAt: z.string().nullable(),
  }),
);

const keyState = z.enum(['none', 'locked', 'unlocked']);
const signingKeyStatus = exactly<SigningKeyStatus>()(z.object({ state: keyState }));

export const signaturesContract = {
  /** Runs the whole library check (or joins the one running) and resolves with its result. */
  verifyLibrary: { input: empty, output: libraryCheck, errors: [] },
  /** The state of the latest check, at once (the start-up check runs in the background). */
  getLibraryCheck: { input: empty, output: libraryCheck, errors: [] },
  getSigningKey: { input: empty, output: signingKeyStatus, errors: ['NO_PROFILE'] },
  /** The current profile's public key as PEM (its key is made if it has none; SIGNING_KEY_LOCKED while a passphrase-sealed key is locked). */
  getSigningPublicKey: {
    input: empty,
    output: exactly<SigningPublicKey>()(z.object({ keyId: z.string(), publicKeyPem: z.string(), lasting: z.boolean() })),
    errors: ['NO_PROFILE', 'SIGNING_KEY_LOCKED'],
  },
  /**
   * Unlocks the current profile's passphrase-sealed signing key for this run, or, when it has none,
   * makes a key sealed with this passphrase (SIGNING_PASSPHRASE_WRONG when it does not open it).
   */
  unlockSigningKey: {
    input: z.object({ passphrase: z.string().min(PASSPHRASE_MIN_CHARS).max(1000) }).strict(),
    output: z.object({ state: keyState, created: z.boolean() }),
    errors: ['NO_PROFILE', 'SIGNING_PASSPHRASE_WRONG'],
  },
} as const satisfies Contract;

export type SignaturesApi = ApiOf<typeof signaturesContract>;
