/**
 * The single entry from every transport into the services: checks the method against the
 * allowlist, validates the payload, calls the service and wraps the outcome in an ApiResult.
 */
import { isMethodName, type ApiResult, type MethodName, type VersoApi } from '../../shared/api.js';
import type { ApiError } from '../../shared/types.js';
import { validateInput } from '../../shared/contract/validate.js';
import { apiError } from '../../shared/errorDetails.js';
import { appLog, logFailure, logIfSlow, whereTheDetailsAre, type AppLog } from '../core/log/logger.js';
import { isServiceError } from '../core/serviceError.js';

export type Dispatch = (method: unknown, input: unknown) => Promise<ApiResult<unknown>>;

async function call<M extends MethodName>(api: VersoApi, method: M, input: unknown): Promise<ApiResult<unknown>> {
  const checked = validateInput(method, input);
  if (!checked.ok) {
    if (checked.textIssue) {
      const { field, codePoint } = checked.textIssue;
      return {
        ok: false,
        error: apiError(
          'TEXT_CONTROL_CHARACTER',
          `The ${field} contains an invisible control or text-direction character (${codePoint}). Remove it and try again.`,
          {
            field,
            codePoint,
          },
        ),
      };
    }
    return {
      ok: false,
      error: apiError('BAD_REQUEST', `Invalid input for ${method}: ${checked.issues.join('; ')}`, { issues: checked.issues }),
    };
  }
  const fn = api[method] as (input: unknown) => Promise<unknown>;
  return { ok: true, value: await fn.call(api, checked.value) };
}

/** Turns a failure services did not expect (e.g. a full disk) into a known error, or null. */
export type KnownError = (err: unknown) => { toApiError(): ApiError } | null;

export interface DispatcherOptions {
  /** The log unexpected failures and slow calls go to (default: the process's log, appLog()). */
  log?: () => AppLog;
  /** Clock in ms (tests). */
  now?: () => number;
}

export function createDispatcher(api: VersoApi, knownError: KnownError = () => null, options: DispatcherOptions = {}): Dispatch {
  const log = options.log ?? appLog;
  const now = options.now ?? (() => performance.now());
  return async (method, input) => {
    if (!isMethodName(method)) {
      const name = typeof method === 'string' ? method.slice(0, 100) : typeof method;
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Unknown method: ${name}` } };
    }
    const started = now();
    try {
      return await call(api, method, input);
    } catch (err) {
      if (isServiceError(err)) return { ok: false, error: err.toApiError() };
      const known = knownError(err);
      if (known) return { ok: false, error: known.toApiError() };
      logFailure(log(), `${method} failed unexpectedly`, err, { method });
      // The renderer puts "Something went wrong inside Verso." before this message.
      const logFile = log().file;
      return { ok: false, error: apiError('INTERNAL', whereTheDetailsAre(log()), logFile ? { logFile } : undefined) };
    } finally {
      // Only the method's name and how long it took: never its payload.
      logIfSlow(log(), 'call', method, now() - started);
    }
  };
}
