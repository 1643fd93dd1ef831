/**
 * Checking mode: every value a service returns is validated against its method's output schema
 * (shared/features/*Contract.ts), and a ServiceError's code against the method's `errors`;
 * ServiceError checks its details the same way (serviceError.ts). On in the tests and e2e runs
 * (VERSO_CHECK_OUTPUTS=1), off in the app (a long document's reply would be walked twice); a
 * mismatch is a programming error that fails the call loudly, never a user-facing condition.
 */
import { METHOD_NAMES, apiContract, type MethodName, type VersoApi } from '../../shared/api.js';
import { ANY_METHOD_ERRORS, type MethodSpec } from '../../shared/contract/contract.js';
import type { ErrorCode } from '../../shared/errors.js';
import { isServiceError } from '../core/serviceError.js';
import { checkOutput } from '../../shared/contract/validate.js';

export class OutputContractError extends Error {
  constructor(method: string, problems: string[]) {
    super(`${method} broke its contract: ${problems.slice(0, 5).join('; ')}`);
    this.name = 'OutputContractError';
  }
}

/** Whether `method` may fail with `code`: its contract lists it, or any call may. */
function errorAllowed(method: MethodName, code: ErrorCode): boolean {
  const errors: readonly ErrorCode[] = (apiContract[method] as MethodSpec).errors;
  return errors.includes(code) || (ANY_METHOD_ERRORS as readonly ErrorCode[]).includes(code);
}

/** Whether this process checks outputs (the environment variable VERSO_CHECK_OUTPUTS=1). */
export function outputChecksWanted(env: Record<string, string | undefined> = process.env): boolean {
  return env['VERSO_CHECK_OUTPUTS'] === '1';
}

/** The same API, each method's value checked against its output schema before it is returned. */
export function withOutputChecks(api: VersoApi): VersoApi {
  return Object.fromEntries(
    METHOD_NAMES.map((method) => [
      method,
      async (input: unknown) => {
        const value = await (api[method] as (input: unknown) => Promise<unknown>)(input).catch((err: unknown) => {
          const code = isServiceError(err) ? err.code : null;
          if (code && !errorAllowed(method, code))
            throw new OutputContractError(method, [`it failed with ${code}, which its errors do not list`]);
          throw err;
        });
        const problems = checkOutput(method, value);
        if (problems) throw new OutputContractError(method, problems);
        return value;
      },
    ]),
  ) as unknown as VersoApi;
}
