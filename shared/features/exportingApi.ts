/**
 * Part of the API contract: export formats, footer templates, attestation (issue: Export and disclosure).
 * Methods here join `VersoApi` (shared/api.ts); each needs a zod schema in
 * `shared/features/exportingSchemas.ts` and a service in `main/services/features/exporting.ts`.
 */
import type { ErrorCode as CoreErrorCode } from '../coreErrors.js';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ExportingApi {}

export const EXPORTING_METHODS = [] as const satisfies readonly (keyof ExportingApi)[];

/** Error codes this feature adds (each needs `errors.<CODE>` in the renderer's locales). */
export const EXPORTING_ERROR_CODES = [] as const satisfies readonly string[];

export type ExportingErrorCode = (typeof EXPORTING_ERROR_CODES)[number] | CoreErrorCode;
