/**
 * Part of the API contract: translation memory and glossary (issue: Translation memory and glossary).
 * Methods here join `VersoApi` (shared/api.ts); each needs a zod schema in
 * `shared/features/memorySchemas.ts` and a service in `main/services/features/memory.ts`.
 */
import type { ErrorCode as CoreErrorCode } from '../coreErrors.js';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MemoryApi {}

export const MEMORY_METHODS = [] as const satisfies readonly (keyof MemoryApi)[];

/** Error codes this feature adds (each needs `errors.<CODE>` in the renderer's locales). */
export const MEMORY_ERROR_CODES = [] as const satisfies readonly string[];

export type MemoryErrorCode = (typeof MEMORY_ERROR_CODES)[number] | CoreErrorCode;
