/**
 * JSON over HTTP for the MT engines: a timeout per request, retries with exponential backoff on
 * 429 and 5xx (honouring Retry-After) and on dropped connections, bounded concurrency, and every
 * failure mapped to an error code a user understands. Keys travel in headers only and never appear
 * in an error or a log.
 */
import type { ErrorCode } from '../../../shared/types.js';
import { ServiceError } from '../../services/serviceError.js';

export interface HttpOptions {
  /** Per request, in ms. */
  timeoutMs: number;
  /** Retries after the first attempt (429, 5xx, timeouts and dropped connections). */
  maxRetries: number;
  /** First backoff delay in ms (doubled each retry). */
  retryBaseMs: number;
  /** Longest wait before a retry, Retry-After included. */
  maxRetryDelayMs: number;
  /** Requests in flight at once per batch. */
  concurrency: number;
  /** Waits before a retry (tests record the delays instead of waiting). */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export const DEFAULT_HTTP_OPTIONS: HttpOptions = {
  timeoutMs: 60_000,
  maxRetries: 3,
  retryBaseMs: 500,
  maxRetryDelayMs: 30_000,
  concurrency: 4,
};

export interface JsonRequest {
  /** Engine name for messages ("DeepL"). */
  engine: string;
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as an HTML form (application/x-www-form-urlencoded), instead of `body`. */
  form?: Record<string, string>;
  signal: AbortSignal;
}

export interface JsonReply {
  status: number;
  body: unknown;
}

const TRANSIENT_NETWORK = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ETIMEDOUT', 'EAI_AGAIN']);

function causeCode(err: unknown): string | null {
  let e: unknown = err;
  for (let depth = 0; depth < 4 && typeof e === 'object' && e !== null; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

/** Seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** A short, key-free excerpt of an error reply ("Invalid API key"). */
function replyMessage(text: string): string {
  let message = text;
  try {
    const json = JSON.parse(text) as Record<string, unknown>;
    const candidate = json['message'] ?? json['error'] ?? json['detail'];
    if (typeof candidate === 'string') message = candidate;
    else if (typeof candidate === 'object' && candidate !== null && typeof (candidate as { message?: unknown }).message === 'string') {
      message = (candidate as { message: string }).message;
    }
  } catch {
    // not JSON
  }
  return message.replace(/\s+/g, ' ').trim().slice(0, 200);
}

function statusError(engine: string, url: string, status: number, text: string): ServiceError {
  const details = { engine, status, host: hostOf(url), ...(replyMessage(text) ? { reply: replyMessage(text) } : {}) };
  const code: ErrorCode =
    status === 401 || status === 403
      ? 'ENGINE_AUTH_FAILED'
      : status === 456
        ? 'ENGINE_QUOTA_EXCEEDED'
        : status === 429
          ? 'ENGINE_RATE_LIMITED'
          : status >= 500
            ? 'ENGINE_SERVER_ERROR'
            : 'ENGINE_REQUEST_REJECTED';
  const what: Record<string, string> = {
    ENGINE_AUTH_FAILED: 'refused the key',
    ENGINE_QUOTA_EXCEEDED: 'says the quota is used up',
    ENGINE_RATE_LIMITED: 'asks to slow down (too many requests)',
    ENGINE_SERVER_ERROR: 'had a server error',
    ENGINE_REQUEST_REJECTED: 'rejected the request',
  };
  return new ServiceError(code, `${engine} ${what[code]} (HTTP ${status}).`, details);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** One JSON request with timeout, retries and error mapping. Resolves only on 2xx with JSON. */
export async function requestJson(req: JsonRequest, options: HttpOptions): Promise<JsonReply> {
  const { engine, url, signal } = req;
  let attempt = 0;
  for (;;) {
    signal.throwIfAborted();
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const combined = AbortSignal.any([signal, timeout]);
    let retryAfter: number | null = null;
    let failure: ServiceError;
    try {
      const response = await fetch(url, {
        method: req.method,
        headers: {
          Accept: 'application/json',
          ...(req.form !== undefined
            ? { 'Content-Type': 'application/x-www-form-urlencoded' }
            : req.body !== undefined
              ? { 'Content-Type': 'application/json' }
              : {}),
          ...req.headers,
        },
        ...(req.form !== undefined
          ? { body: new URLSearchParams(req.form).toString() }
          : req.body !== undefined
            ? { body: JSON.stringify(req.body) }
            : {}),
        signal: combined,
        redirect: 'error',
      });
      const text = await response.text();
      if (response.ok) {
        // 204 No Content (e.g. a DELETE): nothing to parse.
        if (response.status === 204 || (text === '' && req.method === 'DELETE')) return { status: response.status, body: null };
        try {
          return { status: response.status, body: JSON.parse(text) as unknown };
        } catch {
          throw new ServiceError('ENGINE_BAD_REPLY', `${engine} sent a reply that is not valid JSON.`, {
            engine,
            host: hostOf(url),
          });
        }
      }
      failure = statusError(engine, url, response.status, text);
      if (response.status !== 429 && response.status < 500) throw failure;
      retryAfter = parseRetryAfter(response.headers.get('retry-after'));
    } catch (err) {
      if (signal.aborted) throw signal.reason;
      if (err instanceof ServiceError) {
        if (err.code !== 'ENGINE_RATE_LIMITED' && err.code !== 'ENGINE_SERVER_ERROR') throw err;
        failure = err;
      } else if (timeout.aborted) {
        failure = new ServiceError('ENGINE_TIMEOUT', `${engine} did not answer within ${Math.round(options.timeoutMs / 1000)} s.`, {
          engine,
          host: hostOf(url),
          seconds: Math.round(options.timeoutMs / 1000),
        });
      } else {
        const code = causeCode(err);
        failure = new ServiceError('ENGINE_NETWORK', `${engine} could not be reached at ${hostOf(url)}${code ? ` (${code})` : ''}.`, {
          engine,
          host: hostOf(url),
          ...(code ? { cause: code } : {}),
        });
        if (!code || !TRANSIENT_NETWORK.has(code)) throw failure;
      }
    }
    if (attempt >= options.maxRetries) throw failure;
    const backoff = options.retryBaseMs * 2 ** attempt;
    attempt++;
    await (options.sleep ?? sleep)(Math.min(options.maxRetryDelayMs, Math.max(retryAfter ?? 0, backoff)), signal);
  }
}

/**
 * Runs `work` over the items with at most `concurrency` at once. The first rejection stops
 * starting new work and rejects (after the running ones settle).
 */
export async function forEachBounded<T>(
  items: readonly T[],
  concurrency: number,
  signal: AbortSignal,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failed: { error: unknown } | null = null;
  const worker = async (): Promise<void> => {
    while (failed === null && next < items.length) {
      signal.throwIfAborted();
      const i = next++;
      try {
        await work(items[i]!, i);
      } catch (error) {
        failed ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  if (failed !== null) throw (failed as { error: unknown }).error;
  signal.throwIfAborted();
}

/** Splits texts into requests of at most `maxItems` texts and `maxBytes` (as measured by `size`). */
export function chunkTexts(
  indices: readonly number[],
  texts: readonly string[],
  maxItems: number,
  maxBytes: number,
  size: (text: string) => number,
): number[][] {
  const chunks: number[][] = [];
  let current: number[] = [];
  let bytes = 0;
  for (const i of indices) {
    const s = size(texts[i]!);
    if (current.length > 0 && (current.length >= maxItems || bytes + s > maxBytes)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(i);
    bytes += s;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** Bytes of a string as JSON (UTF-8, with escapes). */
export function jsonBytes(text: string): number {
  return Buffer.byteLength(JSON.stringify(text), 'utf8');
}
