/** The one error type services throw for expected failures; it travels to the renderer as an ApiError. */
import type { ApiError, ErrorCode } from '../../shared/types.js';
import { checkErrorDetails, type ErrorDetailsOf } from '../../shared/errorDetails.js';
import { scrubText, scrubValue } from './scrubSecrets.js';

export type ErrorDetails = NonNullable<ApiError['details']>;

/** Checking mode (tests, e2e: VERSO_CHECK_OUTPUTS=1): details that do not fit their code's schema are a programming error. */
const checkDetails = process.env['VERSO_CHECK_OUTPUTS'] === '1';

/** `details` are typed by the code (shared/errorDetails.ts): a code without details takes none. */
export class ServiceError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly details: ErrorDetails | undefined;

  constructor(code: C, message: string, details?: ErrorDetailsOf<C>) {
    super(message);
    if (checkDetails) {
      const problems = checkErrorDetails(code, details);
      if (problems) throw new TypeError(`ServiceError ${code}: its details do not fit shared/errorDetails.ts: ${problems.join('; ')}`);
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
