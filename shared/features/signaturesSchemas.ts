/** zod schemas for the methods of `SignaturesApi`. */
import { z } from 'zod';
import type { SignaturesApi } from './signaturesApi.js';
import type { SchemaMap } from '../schemaMap.js';

export const signaturesSchemas = {
  verifyLibrary: z.object({}).strict(),
  getLibraryCheck: z.object({}).strict(),
} satisfies SchemaMap<SignaturesApi>;
