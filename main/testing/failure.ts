/** Awaits a call that must fail with a ServiceError and returns the error as the renderer would get it. */
import type { ApiError } from '../../shared/types.js';
import { isServiceError } from '../core/serviceError.js';

export async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (err) {
    if (isServiceError(err)) return err.toApiError();
    throw err;
  }
  throw new Error('expected the call to fail');
}
