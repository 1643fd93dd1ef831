/**
 * The answering side of the port protocol (protocol.ts): each request goes to `dispatch` (which
 * checks the method and validates the input, main/api/dispatch.ts) and its result goes back as the
 * reply with the same id; a request without a method is refused with BAD_REQUEST. `forwardEvents`
 * sends every event of a hub to the port (the window's job progress).
 */
import type { ApiResult } from '../../shared/api.js';
import { eventMessage, parseRequest, replyMessage, type Endpoint } from './protocol.js';
import type { EventListener } from '../jobs/eventHub.js';

export type PortDispatch = (method: string, input: unknown) => Promise<ApiResult<unknown>>;

/** The part of the event hub (main/api/eventHub.ts) that is forwarded. */
export interface EventSource {
  subscribe(listener: EventListener): () => void;
}

function internal(message: string): ApiResult<unknown> {
  return { ok: false, error: { code: 'INTERNAL', message } };
}

/** Answers the requests arriving on `endpoint`; returns the function that stops. */
export function serveRequests(endpoint: Endpoint, dispatch: PortDispatch): () => void {
  let stopped = false;
  const answer = (id: number, result: ApiResult<unknown>): void => {
    if (stopped) return;
    try {
      endpoint.post(replyMessage(id, result));
    } catch (err) {
      // A value that cannot be cloned: the caller still gets an answer.
      endpoint.post(replyMessage(id, internal(`The reply could not be sent: ${err instanceof Error ? err.message : String(err)}`)));
    }
  };
  const stopListening = endpoint.listen((data) => {
    const parsed = parseRequest(data);
    if (parsed === null) return;
    if (!parsed.ok) {
      if (parsed.id !== null) answer(parsed.id, { ok: false, error: { code: 'BAD_REQUEST', message: `Refused: ${parsed.reason}.` } });
      return;
    }
    const { id, method, input } = parsed.request;
    dispatch(method, input).then(
      (result) => answer(id, result),
      (err: unknown) => answer(id, internal(err instanceof Error ? err.message : String(err))),
    );
  });
  return () => {
    stopped = true;
    stopListening();
  };
}

/** Posts every event of `events` to `endpoint`; returns the function that stops. */
export function forwardEvents(endpoint: Endpoint, events: EventSource): () => void {
  return events.subscribe((name, payload) => endpoint.post(eventMessage(name, payload)));
}
