/** The one error type services throw for expected failures; it travels to the renderer as an ApiError. */
import type { ApiError, ErrorCode } from '../../shared/types.js';
import { scrubText, scrubValue } from './scrubSecrets.js';

export type ErrorDetails = NonNullable<ApiError['details']>;

export class ServiceError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails | undefined;

  constructor(code: ErrorCode, message: string, details?: ErrorDetails) {
    super(message);
    this.name = 'ServiceError';
    this.code = code;
    this.details = details;
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
