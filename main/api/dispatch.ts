/**
 * The single entry from every transport into the services: checks the method against the
 * allowlist, validates the payload, calls the service and wraps the outcome in an ApiResult.
 */
import { isMethodName, type ApiResult, type MethodName, type VersoApi } from '../../shared/api.js';
import { validateInput } from '../../shared/schemas.js';
import { scrubError } from '../services/scrubSecrets.js';
import { isServiceError } from '../services/serviceError.js';

export type Dispatch = (method: unknown, input: unknown) => Promise<ApiResult<unknown>>;

async function call<M extends MethodName>(api: VersoApi, method: M, input: unknown): Promise<ApiResult<unknown>> {
  const checked = validateInput(method, input);
  if (!checked.ok) {
    return {
      ok: false,
      error: { code: 'BAD_REQUEST', message: `Invalid input for ${method}: ${checked.issues.join('; ')}`, details: { issues: checked.issues } },
    };
  }
  const fn = api[method] as (input: unknown) => Promise<unknown>;
  return { ok: true, value: await fn.call(api, checked.value) };
}

export function createDispatcher(api: VersoApi): Dispatch {
  return async (method, input) => {
    if (!isMethodName(method)) {
      const name = typeof method === 'string' ? method.slice(0, 100) : typeof method;
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Unknown method: ${name}` } };
    }
    try {
      return await call(api, method, input);
    } catch (err) {
      if (isServiceError(err)) return { ok: false, error: err.toApiError() };
      console.error(`Verso: ${method} failed unexpectedly:`, scrubError(err));
      return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside Verso. The details were written to its log.' } };
    }
  };
}
