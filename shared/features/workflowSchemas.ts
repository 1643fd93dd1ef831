/** zod schemas for the methods of `WorkflowApi`. */
import type { WorkflowApi } from './workflowApi.js';
import type { SchemaMap } from '../schemaMap.js';

export const workflowSchemas = {} satisfies SchemaMap<WorkflowApi>;
