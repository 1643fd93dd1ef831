/**
 * The calling side of the port protocol (protocol.ts): numbered requests, their replies matched by
 * id, events handed to the listeners of their name. The endpoint can come and go: calls made before
 * one is attached wait for it; `detach(error)` (the backend process stopped) answers every waiting
 * and later call with that error until an endpoint is attached again. Used by the desktop preload
 * (the window's port), by the backend process (secrets from main) and by tests (a Node child).
 * Imports nothing of Node.
 */
import type { ApiResult } from '../../shared/api.js';
import type { ApiError } from '../../shared/types.js';
import { parseEvent, parseReply, requestMessage, type Endpoint } from './protocol.js';

export interface PortClient {
  invoke(method: string, input: unknown): Promise<ApiResult<unknown>>;
  /** Returns the function that unsubscribes. */
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
  /** Sends later (and waiting) calls through this endpoint. */
  attach(endpoint: Endpoint): void;
  /** Answers every call in flight, waiting or made until the next attach with this error. */
  detach(error: ApiError): void;
  /** Hands an event to this side's listeners as if it had come through the port (jobsOnStop.ts). */
  deliver(event: string, payload: unknown): void;
  /** Calls sent and not yet answered. */
  readonly pending: number;
}

interface Waiting {
  method: string;
  input: unknown;
  resolve: (result: ApiResult<unknown>) => void;
}

export function createPortClient(): PortClient {
  let endpoint: Endpoint | null = null;
  let stopListening: (() => void) | null = null;
  let down: ApiError | null = null;
  let nextId = 1;
  const inFlight = new Map<number, (result: ApiResult<unknown>) => void>();
  const queued: Waiting[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  function send(to: Endpoint, call: Waiting): void {
    const id = nextId++;
    inFlight.set(id, call.resolve);
    try {
      to.post(requestMessage(id, call.method, call.input));
    } catch (err) {
      // E.g. an input that cannot be cloned: this call fails, the port stays usable.
      inFlight.delete(id);
      call.resolve({
        ok: false,
        error: { code: 'BAD_REQUEST', message: `The request could not be sent: ${err instanceof Error ? err.message : String(err)}` },
      });
    }
  }

  function receive(data: unknown): void {
    const reply = parseReply(data);
    if (reply) {
      const resolve = inFlight.get(reply.id);
      inFlight.delete(reply.id);
      resolve?.(reply.result);
      return;
    }
    const event = parseEvent(data);
    if (event) deliver(event.name, event.payload);
  }

  function deliver(name: string, payload: unknown): void {
    for (const listener of [...(listeners.get(name) ?? [])]) {
      try {
        listener(payload);
      } catch {
        // One broken listener must not stop the others.
      }
    }
  }

  return {
    invoke(method, input) {
      return new Promise((resolve) => {
        if (down) resolve({ ok: false, error: down });
        else if (endpoint) send(endpoint, { method, input, resolve });
        else queued.push({ method, input, resolve });
      });
    },
    subscribe(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
    attach(next) {
      stopListening?.();
      endpoint = next;
      down = null;
      stopListening = next.listen(receive);
      for (const call of queued.splice(0)) send(next, call);
    },
    detach(error) {
      stopListening?.();
      stopListening = null;
      endpoint = null;
      down = error;
      const answers = [...inFlight.values(), ...queued.splice(0).map((c) => c.resolve)];
      inFlight.clear();
      for (const resolve of answers) resolve({ ok: false, error });
    },
    deliver,
    get pending() {
      return inFlight.size;
    },
  };
}
