/**
 * JSON over HTTP for the MT engines: a timeout per request, retries with exponential backoff on
 * 429 and 5xx (honouring Retry-After) and on dropped connections, bounded concurrency, and every
 * failure mapped to an error code a user understands. Keys travel in headers only and never appear
 * in an error or a log.
 */
import type { ErrorCode } from '../../../shared/types.js';
import { scrubText } from '../../core/scrubSecrets.js';
import { isServiceError, ServiceError } from '../../core/serviceError.js';

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
  /** Largest reply read, in bytes (default: `replyLimitBytes` of the request body). */
  maxReplyBytes?: number;
}

export interface JsonReply {
  status: number;
  body: unknown;
}

/**
 * The largest reply read for a request: max(1 MB, 10 × the request body). A translation is rarely
 * more than a few times its source; a reply past this is cut off while it streams, never buffered.
 */
export function replyLimitBytes(requestBytes: number): number {
  return Math.max(1024 * 1024, 10 * requestBytes);
}

/** Of an error reply only the start is read (its message is shown shortened anyway). */
const ERROR_REPLY_BYTES = 64 * 1024;

/**
 * The reply body as text, read as it streams and stopped at `limit` bytes (`over` when the reply
 * is longer, or declares it is). `cut` aborts the connection so the rest is never received.
 */
async function readCapped(response: Response, limit: number, cut: AbortController): Promise<{ text: string; over: boolean }> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) {
    cut.abort();
    return { text: '', over: true };
  }
  if (!response.body) return { text: '', over: false };
  const reader: ReadableStreamDefaultReader<Uint8Array> = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.byteLength > limit) {
      chunks.push(value.subarray(0, limit - size));
      cut.abort();
      void reader.cancel().catch(() => undefined);
      return { text: Buffer.concat(chunks).toString('utf8'), over: true };
    }
    size += value.byteLength;
    chunks.push(value);
  }
  return { text: Buffer.concat(chunks).toString('utf8'), over: false };
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

/** The credentials a request carries (header values, `api_key` fields), to scrub from what the server echoes. */
function requestSecrets(req: JsonRequest): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(req.headers ?? {})) {
    if (!/^(authorization|x-api-key|api-key)$/i.test(name)) continue;
    out.push(value);
    const parts = value.split(/\s+/);
    if (parts.length > 1) out.push(parts.slice(1).join(' '));
  }
  const fields = {
    ...(req.form ?? {}),
    ...(typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {}),
  };
  for (const name of ['api_key', 'auth_key', 'key']) {
    const value = fields[name];
    if (typeof value === 'string') out.push(value);
  }
  return out.filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
}

function statusError(engine: string, url: string, status: number, rawText: string, secrets: readonly string[]): ServiceError {
  const text = scrubText(rawText, secrets);
  const details = { engine, status, host: hostOf(url), ...(replyMessage(text) ? { reply: scrubText(replyMessage(text), secrets) } : {}) };
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

function formatMb(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
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
  const payload =
    req.form !== undefined ? new URLSearchParams(req.form).toString() : req.body !== undefined ? JSON.stringify(req.body) : undefined;
  const maxReplyBytes = req.maxReplyBytes ?? replyLimitBytes(payload === undefined ? 0 : Buffer.byteLength(payload, 'utf8'));
  let attempt = 0;
  for (;;) {
    signal.throwIfAborted();
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const cut = new AbortController();
    const combined = AbortSignal.any([signal, timeout, cut.signal]);
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
        ...(payload !== undefined ? { body: payload } : {}),
        signal: combined,
        redirect: 'error',
      });
      const { text, over } = await readCapped(response, response.ok ? maxReplyBytes : ERROR_REPLY_BYTES, cut);
      if (response.ok && over) {
        throw new ServiceError(
          'ENGINE_REPLY_TOO_LARGE',
          `${engine} sent a reply too large to accept (over ${formatMb(maxReplyBytes)}); nothing was saved from it.`,
          {
            engine,
            host: hostOf(url),
            limitBytes: maxReplyBytes,
          },
        );
      }
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
      failure = statusError(engine, url, response.status, text, requestSecrets(req));
      if (response.status !== 429 && response.status < 500) throw failure;
      retryAfter = parseRetryAfter(response.headers.get('retry-after'));
    } catch (err) {
      if (signal.aborted) throw signal.reason;
      if (isServiceError(err)) {
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
