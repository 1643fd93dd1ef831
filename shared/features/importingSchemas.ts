/** zod schemas for the methods of `ImportingApi`. */
import type { ImportingApi } from './importingApi.js';
import type { SchemaMap } from '../schemaMap.js';

export const importingSchemas = {} satisfies SchemaMap<ImportingApi>;
