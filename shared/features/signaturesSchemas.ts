/** zod schemas for the methods of `SignaturesApi`. */
import { z } from 'zod';
import { PASSPHRASE_MIN_CHARS, type SignaturesApi } from './signaturesApi.js';
import type { SchemaMap } from '../schemaMap.js';

export const signaturesSchemas = {
  verifyLibrary: z.object({}).strict(),
  getLibraryCheck: z.object({}).strict(),
  getSigningKey: z.object({}).strict(),
  unlockSigningKey: z.object({ passphrase: z.string().min(PASSPHRASE_MIN_CHARS).max(1000) }).strict(),
} satisfies SchemaMap<SignaturesApi>;
