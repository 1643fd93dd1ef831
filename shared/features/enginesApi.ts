/**
 * Part of the API contract: MT engines, cache, provenance, engine settings (issue: Machine translation engines).
 * Methods here join `VersoApi` (shared/api.ts); each needs a zod schema in
 * `shared/features/enginesSchemas.ts` and a service in `main/services/features/engines.ts`.
 */
import type { ErrorCode as CoreErrorCode } from '../coreErrors.js';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface EnginesApi {}

export const ENGINES_METHODS = [] as const satisfies readonly (keyof EnginesApi)[];

/** Error codes this feature adds (each needs `errors.<CODE>` in the renderer's locales). */
export const ENGINES_ERROR_CODES = [] as const satisfies readonly string[];

export type EnginesErrorCode = (typeof ENGINES_ERROR_CODES)[number] | CoreErrorCode;
