/**
 * Part of the API contract: import formats, bilingual alignment, living stories (issue: Import everything).
 * Methods here join `VersoApi` (shared/api.ts); each needs a zod schema in
 * `shared/features/importingSchemas.ts` and a service in `main/services/features/importing.ts`.
 */
import type { ErrorCode as CoreErrorCode } from '../coreErrors.js';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ImportingApi {}

export const IMPORTING_METHODS = [] as const satisfies readonly (keyof ImportingApi)[];

/** Error codes this feature adds (each needs `errors.<CODE>` in the renderer's locales). */
export const IMPORTING_ERROR_CODES = [] as const satisfies readonly string[];

export type ImportingErrorCode = (typeof IMPORTING_ERROR_CODES)[number] | CoreErrorCode;
