/**
 * Transport for browser mode: the loopback bridge of main/bridge/server.ts.
 *   POST {baseUrl}/api/invoke/<method>  (Bearer token, JSON body) -> ApiResult JSON
 *   GET  {baseUrl}/api/events?token=…   Server-Sent Events, one connection shared by all listeners.
 */
import type { ApiTransport, EventName, MethodInput, MethodName, MethodOutput, VersoEvents } from '../../../shared/api.js';
import { asApiResult, failure } from './client.js';

/** Under a quarter of the browsers' 64 KiB keepalive budget, even in UTF-8's 3 bytes a character. */
const KEEPALIVE_MAX_CHARS = 5_000;

export const UNAUTHORISED_MESSAGE = 'Not authorised: open the URL printed by Verso, with its token';

/** The parts of EventSource this transport uses (so tests can pass a fake). */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  removeEventListener(type: string, listener: (event: MessageEvent) => void): void;
  close(): void;
}
export type EventSourceFactory = new (url: string) => EventSourceLike;

export interface HttpTransportOptions {
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  EventSource?: EventSourceFactory;
}

export function createHttpTransport(options: HttpTransportOptions): ApiTransport {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const doFetch: typeof fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const EventSourceImpl: EventSourceFactory | undefined =
    options.EventSource ?? (globalThis as { EventSource?: EventSourceFactory }).EventSource;

  let source: EventSourceLike | null = null;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const handlers = new Map<string, (event: MessageEvent) => void>();

  function openSource(): EventSourceLike | null {
    if (source === null && EventSourceImpl) {
      source = new EventSourceImpl(`${baseUrl}/api/events?token=${encodeURIComponent(options.token)}`);
    }
    return source;
  }

  function closeIfIdle(): void {
    if (listeners.size > 0 || source === null) return;
    source.close();
    source = null;
  }

  return {
    async invoke<M extends MethodName>(method: M, input: MethodInput<M>) {
      let response: Response;
      const request = JSON.stringify(input ?? {});
      try {
        response = await doFetch(`${baseUrl}/api/invoke/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${options.token}`, 'Content-Type': 'application/json' },
          body: request,
          // A small request (an autosave) is completed even when the page is closed or reloaded
          // meanwhile; browsers allow 64 KiB of such requests in flight.
          keepalive: request.length <= KEEPALIVE_MAX_CHARS,
        });
      } catch (err) {
        return failure(err instanceof Error ? err.message : String(err), { reason: 'network' });
      }
      if (response.status === 401) return failure(UNAUTHORISED_MESSAGE, { reason: 'unauthorised' });
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        return failure(`Verso answered HTTP ${response.status} without a JSON body`);
      }
      return asApiResult<MethodOutput<M>>(body);
    },

    subscribe<E extends EventName>(event: E, listener: (payload: VersoEvents[E]) => void) {
      const es = openSource();
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
        const handler = (message: MessageEvent): void => {
          let payload: unknown;
          try {
            payload = JSON.parse(String(message.data));
          } catch {
            return;
          }
          for (const l of [...(listeners.get(event) ?? [])]) l(payload);
        };
        handlers.set(event, handler);
        es?.addEventListener(event, handler);
      }
      const wrapped = (payload: unknown): void => listener(payload as VersoEvents[E]);
      set.add(wrapped);
      return () => {
        const current = listeners.get(event);
        if (!current) return;
        current.delete(wrapped);
        if (current.size === 0) {
          listeners.delete(event);
          const handler = handlers.get(event);
          handlers.delete(event);
          if (handler) source?.removeEventListener(event, handler);
          closeIfIdle();
        }
      };
    },
  };
}
