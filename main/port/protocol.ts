/**
 * The backend's message protocol over a port: the desktop window's MessagePort to the backend's
 * utility process, main's own channel to it, and (tests) a Node IPC channel. Three shapes, sent as
 * structured-clone objects:
 *   request `{ kind: 'request', id, method, input }` — id a positive whole number, method a name;
 *   reply   `{ kind: 'reply', id, result }` — result an ApiResult: `{ ok: true, value }` or
 *           `{ ok: false, error: { code, message, details? } }`;
 *   event   `{ kind: 'event', name, payload }`.
 * Anything else on a port is not part of this protocol (control messages share main's channel).
 * Imports nothing of Node: the sandboxed preload bundles it.
 */
import type { ApiResult } from '../../shared/api.js';
import type { ApiError } from '../../shared/types.js';

export interface RequestMessage {
  kind: 'request';
  id: number;
  method: string;
  input: unknown;
}

export interface ReplyMessage {
  kind: 'reply';
  id: number;
  result: ApiResult<unknown>;
}

export interface EventMessage {
  kind: 'event';
  name: string;
  payload: unknown;
}

/** One side of a port: posts messages, and tells its listener each message's data. */
export interface Endpoint {
  post(message: unknown): void;
  /** Returns the function that stops listening. */
  listen(listener: (data: unknown) => void): () => void;
}

/** Longest method or event name accepted (the real ones are short). */
const MAX_NAME = 100;

/** `details.reason` of the error every call gets while the backend process is not running. */
export const BACKEND_STOPPED = 'backend-stopped';

export function isBackendStopped(error: ApiError): boolean {
  return error.details?.['reason'] === BACKEND_STOPPED;
}

/**
 * The error a call gets when the backend process stopped, with why; `restarting` says whether it
 * is being started again (try again in a moment) or stays stopped (start Verso again).
 */
export function backendStoppedError(message: string, restarting = true): ApiError {
  return { code: 'INTERNAL', message, details: { reason: BACKEND_STOPPED, restarting } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

function isName(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_NAME;
}

export type ParsedRequest = { ok: true; request: RequestMessage } | { ok: false; id: number | null; reason: string };

/**
 * A request, or why the data is not one. `null` (not a request at all: a reply, an event, a control
 * message) is for the caller to ignore; a malformed request with a usable id gets a refusal.
 */
export function parseRequest(data: unknown): ParsedRequest | null {
  if (!isRecord(data) || data['kind'] !== 'request') return null;
  const id = isId(data['id']) ? data['id'] : null;
  if (id === null) return { ok: false, id: null, reason: 'the request has no valid id' };
  if (!isName(data['method'])) return { ok: false, id, reason: 'the request names no method' };
  return { ok: true, request: { kind: 'request', id, method: data['method'], input: data['input'] } };
}

function parseError(value: unknown): ApiError | null {
  if (!isRecord(value) || typeof value['code'] !== 'string' || typeof value['message'] !== 'string') return null;
  const details = value['details'];
  if (details !== undefined && !isRecord(details)) return null;
  return {
    code: value['code'] as ApiError['code'],
    message: value['message'],
    ...(details ? { details: details as NonNullable<ApiError['details']> } : {}),
  };
}

/** A reply with a well-formed result, else null. */
export function parseReply(data: unknown): ReplyMessage | null {
  if (!isRecord(data) || data['kind'] !== 'reply' || !isId(data['id'])) return null;
  const result = data['result'];
  if (!isRecord(result)) return null;
  if (result['ok'] === true) return { kind: 'reply', id: data['id'], result: { ok: true, value: result['value'] } };
  if (result['ok'] !== false) return null;
  const error = parseError(result['error']);
  return error ? { kind: 'reply', id: data['id'], result: { ok: false, error } } : null;
}

/** An event with a name, else null. */
export function parseEvent(data: unknown): EventMessage | null {
  if (!isRecord(data) || data['kind'] !== 'event' || !isName(data['name'])) return null;
  return { kind: 'event', name: data['name'], payload: data['payload'] };
}

export function requestMessage(id: number, method: string, input: unknown): RequestMessage {
  return { kind: 'request', id, method, input };
}

export function replyMessage(id: number, result: ApiResult<unknown>): ReplyMessage {
  return { kind: 'reply', id, result };
}

export function eventMessage(name: string, payload: unknown): EventMessage {
  return { kind: 'event', name, payload };
}
