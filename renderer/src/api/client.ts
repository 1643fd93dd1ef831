/** The typed client the UI calls: one async function per API method, errors thrown as ApiCallError. */
import {
  ApiCallError,
  METHOD_NAMES,
  type ApiResult,
  type ApiTransport,
  type MethodInput,
  type MethodName,
  type MethodOutput,
} from '../../../shared/api.js';
import { ERROR_CODES, type ApiError } from '../../../shared/types.js';
import { apiError, type ErrorDetailsOf } from '../../../shared/errorDetails.js';

export type ApiClient = {
  readonly [M in MethodName]: (input: MethodInput<M>) => Promise<MethodOutput<M>>;
} & {
  readonly subscribe: ApiTransport['subscribe'];
};

export function createApiClient(transport: ApiTransport): ApiClient {
  const client: Record<string, unknown> = {
    subscribe: transport.subscribe.bind(transport),
  };
  for (const method of METHOD_NAMES) {
    client[method] = async (input: MethodInput<typeof method>) => {
      const result = await transport.invoke(method, input);
      if (!result.ok) throw new ApiCallError(result.error);
      return result.value;
    };
  }
  return Object.freeze(client) as ApiClient;
}

/** A failure envelope made on the renderer side (transport problems). */
export function failure(message: string, details?: ErrorDetailsOf<'INTERNAL'>): { ok: false; error: ApiError } {
  return { ok: false, error: apiError('INTERNAL', message, details) };
}

/** Checks that an untrusted value has the envelope's shape; anything else becomes INTERNAL. */
export function asApiResult<T>(value: unknown): ApiResult<T> {
  if (typeof value === 'object' && value !== null && 'ok' in value) {
    const v = value as { ok: unknown; value?: unknown; error?: unknown };
    if (v.ok === true) return { ok: true, value: v.value as T };
    if (v.ok === false && typeof v.error === 'object' && v.error !== null) {
      const e = v.error as { code?: unknown; message?: unknown; details?: unknown };
      const known = typeof e.code === 'string' && (ERROR_CODES as readonly string[]).includes(e.code);
      return {
        ok: false,
        error: {
          code: known ? (e.code as ApiError['code']) : 'INTERNAL',
          message: typeof e.message === 'string' ? e.message : '',
          ...(typeof e.details === 'object' && e.details !== null ? { details: e.details as NonNullable<ApiError['details']> } : {}),
        },
      };
    }
  }
  return failure('Malformed response from Verso');
}
