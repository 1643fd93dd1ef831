/**
 * Part of the API contract: history, undo, diffs, metrics, QA, comments, find (issue: Editorial workflow).
 * Methods here join `VersoApi` (shared/api.ts); each needs a zod schema in
 * `shared/features/workflowSchemas.ts` and a service in `main/services/features/workflow.ts`.
 */
import type { ErrorCode as CoreErrorCode } from '../coreErrors.js';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface WorkflowApi {}

export const WORKFLOW_METHODS = [] as const satisfies readonly (keyof WorkflowApi)[];

/** Error codes this feature adds (each needs `errors.<CODE>` in the renderer's locales). */
export const WORKFLOW_ERROR_CODES = [] as const satisfies readonly string[];

export type WorkflowErrorCode = (typeof WORKFLOW_ERROR_CODES)[number] | CoreErrorCode;
