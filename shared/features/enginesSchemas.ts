/** zod schemas for the methods of `EnginesApi`. */
import type { EnginesApi } from './enginesApi.js';
import type { SchemaMap } from '../schemaMap.js';

export const enginesSchemas = {} satisfies SchemaMap<EnginesApi>;
