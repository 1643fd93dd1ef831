/** zod schemas for the methods of `ExportingApi`. */
import type { ExportingApi } from './exportingApi.js';
import type { SchemaMap } from '../schemaMap.js';

export const exportingSchemas = {} satisfies SchemaMap<ExportingApi>;
