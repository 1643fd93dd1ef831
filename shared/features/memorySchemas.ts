/** zod schemas for the methods of `MemoryApi`. */
import type { MemoryApi } from './memoryApi.js';
import type { SchemaMap } from '../schemaMap.js';

export const memorySchemas = {} satisfies SchemaMap<MemoryApi>;
