/** The one error type services throw for expected failures; it travels to the renderer as an ApiError. */
import type { ApiError, ErrorCode } from '../../shared/types.js';
import type { ErrorDetailsOf } from '../../shared/errorDetails.js';
import { scrubText, scrubValue } from './scrubSecrets.js';

export type ErrorDetails = NonNullable<ApiError['details']>;

/** Checking mode (tests, e2e: VERSO_CHECK_OUTPUTS=1): details that do not fit their code's schema are a programming error. */
const checkDetails = process.env['VERSO_CHECK_OUTPUTS'] === '1';

type DetailsCheck = (code: ErrorCode, details: unknown) => string[] | null;

/**
 * The schemas (zod) load only in checking mode, so a process that does not check (the app's import
 * worker) starts without them. An error made before they are there (the first microtasks of a
 * process) is checked when they come; a misfit then throws from there (an unhandled rejection).
 */
let detailsCheck: DetailsCheck | null = null;
const unchecked: Array<[ErrorCode, unknown]> = [];
/** Resolves once checking mode's schemas are loaded (at once outside it); vitest's setup waits for it. */
export const detailsCheckReady: Promise<void> = checkDetails
  ? import('../../shared/errorDetails.js').then(({ checkErrorDetails }) => {
      detailsCheck = checkErrorDetails;
      for (const [code, details] of unchecked.splice(0)) refuseMisfit(checkErrorDetails, code, details);
    })
  : Promise.resolve();

function refuseMisfit(check: DetailsCheck, code: ErrorCode, details: unknown): void {
  const problems = check(code, details);
  if (problems) throw new TypeError(`ServiceError ${code}: its details do not fit shared/errorDetails.ts: ${problems.join('; ')}`);
}

/** `details` are typed by the code (shared/errorDetails.ts): a code without details takes none. */
export class ServiceError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly details: ErrorDetails | undefined;

  constructor(code: C, message: string, details?: ErrorDetailsOf<C>) {
    super(message);
    if (checkDetails) {
      if (detailsCheck) refuseMisfit(detailsCheck, code, details);
      else unchecked.push([code, details]);
    }
    this.name = 'ServiceError';
    this.code = code;
    this.details = details as ErrorDetails | undefined;
  }

  /**
   * For a code known only at run time (an engine's availability, a worker's error passed on, a
   * check's verdict): the details cannot be type-checked against it, so only checking mode
   * (tests, e2e) checks them.
   */
  static withDetails(code: ErrorCode, message: string, details?: ErrorDetails): ServiceError {
    return new ServiceError<ErrorCode>(code, message, details as ErrorDetailsOf<ErrorCode>);
  }

  /** What leaves main: never a key or bearer token, even one an engine echoed (scrubSecrets.ts). */
  toApiError(): ApiError {
    const message = scrubText(this.message);
    return this.details === undefined ? { code: this.code, message } : { code: this.code, message, details: scrubValue(this.details) };
  }
}

export function isServiceError(err: unknown): err is ServiceError {
  return err instanceof ServiceError;
}
