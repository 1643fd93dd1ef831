/** Turns any failure into one translated sentence from `errors.<CODE>` with its details. */
import { useCallback } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiCallError } from '../../../shared/api.js';
import { ERROR_CODES, type ApiError, type ErrorCode } from '../../../shared/types.js';
import { LIMITS } from '../../../shared/limits.js';
import { detailsOf } from '../../../shared/errorDetails.js';

/** How many numbers of a list (e.g. paragraphs) are spelled out before "…". */
const MAX_LISTED = 20;

function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);
}

/** The ApiError inside any thrown value; unknown failures become INTERNAL. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiCallError) return err.error;
  if (typeof err === 'object' && err !== null && 'code' in err && isErrorCode(err.code)) {
    const e = err as { code: ErrorCode; message?: unknown; details?: ApiError['details'] };
    return { code: e.code, message: typeof e.message === 'string' ? e.message : '', ...(e.details ? { details: e.details } : {}) };
  }
  return { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) };
}

function joinList(items: readonly (string | number)[], language: string): string {
  const shown = items.slice(0, MAX_LISTED).map(String);
  if (items.length > MAX_LISTED) return `${shown.join(', ')}, …`;
  try {
    return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(shown);
  } catch {
    return shown.join(', ');
  }
}

export function formatApiError(t: TFunction, language: string, error: ApiError): string {
  // Transport failures (renderer/src/api/client.ts) and unexpected ones in main are INTERNAL.
  const internal = detailsOf(error, 'INTERNAL');
  if (internal?.reason === 'unauthorised') return t('app.token.unauthorised');
  if (internal?.reason === 'network') return t('app.error.network');
  // The desktop app's backend process stopped (main/port/protocol.ts backendStoppedError).
  if (internal?.reason === 'backend-stopped')
    return t(internal.restarting === false ? 'app.error.backendStopped' : 'app.error.backendRestarting');
  const code: ErrorCode = isErrorCode(error.code) ? error.code : 'INTERNAL';
  if (internal?.logFile !== undefined) return t('app.error.internalLogged', { logFile: internal.logFile });
  const params: Record<string, string | number> = {
    message: error.message,
    // The limit the error names (a file's or a pasted text's), else the pasted-text limit.
    limitMb:
      Math.round(
        ((typeof error.details?.['limitBytes'] === 'number' ? error.details['limitBytes'] : LIMITS.importBytes) / (1024 * 1024)) * 10,
      ) / 10,
  };
  let firstListLength: number | null = null;
  for (const [key, value] of Object.entries(error.details ?? {})) {
    if (Array.isArray(value)) {
      params[key] = joinList(value, language);
      firstListLength ??= value.length;
    } else {
      params[key] = typeof value === 'boolean' ? String(value) : value;
    }
  }
  if (typeof params['count'] !== 'number' && firstListLength !== null) params['count'] = firstListLength;
  if (typeof params['count'] !== 'number') params['count'] = 1;
  return t(`errors.${code}`, params);
}

/** `(err) => translated message` in the current interface language. */
export function useFormatError(): (err: unknown) => string {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useCallback((err: unknown) => formatApiError(t, language, toApiError(err)), [t, language]);
}
