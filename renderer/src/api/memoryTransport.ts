/**
 * In-memory transport for component tests: calls a VersoApi object directly. Payloads are copied
 * through JSON both ways, as over a real wire, and thrown errors with a `code` become envelopes.
 */
import type { ApiTransport, EventName, MethodInput, MethodName, MethodOutput, VersoApi, VersoEvents } from '../../../shared/api.js';
import type { ApiError } from '../../../shared/types.js';
import { asApiResult } from './client.js';

export interface EventHub {
  emit<E extends EventName>(event: E, payload: VersoEvents[E]): void;
  subscribe<E extends EventName>(event: E, listener: (payload: VersoEvents[E]) => void): () => void;
  listenerCount(event: EventName): number;
}

export function createEventHub(): EventHub {
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  return {
    emit(event, payload) {
      const copy = JSON.parse(JSON.stringify(payload)) as typeof payload;
      for (const l of [...(listeners.get(event) ?? [])]) (l as (p: typeof payload) => void)(copy);
    },
    subscribe(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const l = listener as (payload: never) => void;
      set.add(l);
      return () => void set.delete(l);
    },
    listenerCount(event) {
      return listeners.get(event)?.size ?? 0;
    },
  };
}

function copy<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

function errorEnvelope(err: unknown): { ok: false; error: ApiError } {
  if (typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string') {
    const e = err as { code: string; message?: unknown; details?: unknown };
    return asApiResult({ ok: false, error: { code: e.code, message: e.message, details: e.details } }) as {
      ok: false;
      error: ApiError;
    };
  }
  return { ok: false, error: { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) } };
}

export function createMemoryTransport(api: VersoApi, events: EventHub = createEventHub()): ApiTransport {
  return {
    async invoke<M extends MethodName>(method: M, input: MethodInput<M>) {
      try {
        const fn = api[method] as (input: MethodInput<M>) => Promise<MethodOutput<M>>;
        const value = await fn.call(api, copy(input));
        return { ok: true as const, value: copy(value) };
      } catch (err) {
        return errorEnvelope(err);
      }
    },
    subscribe(event, listener) {
      return events.subscribe(event, listener);
    },
  };
}
