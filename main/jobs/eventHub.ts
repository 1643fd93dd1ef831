/** Push events from the services to every transport (IPC, the bridge's SSE, tests). */
import type { EventName, VersoEvents } from '../../shared/api.js';
import { appLog, logFailure } from '../core/log/logger.js';

/** One event and its payload; a listener that checks `event` has its payload narrowed. */
export type EventArgs = { [E in EventName]: [event: E, payload: VersoEvents[E]] }[EventName];
export type EventListener = (...args: EventArgs) => void;

export interface EventHub {
  emit<E extends EventName>(event: E, payload: VersoEvents[E]): void;
  /** Returns the function that unsubscribes. */
  subscribe(listener: EventListener): () => void;
}

export function createEventHub(): EventHub {
  const listeners = new Set<EventListener>();
  return {
    emit(event, payload) {
      for (const listener of [...listeners]) {
        try {
          listener(...([event, payload] as EventArgs));
        } catch (err) {
          // One broken subscriber (a closed window) must not stop a job or the other subscribers.
          logFailure(appLog(), `a ${event} listener failed`, err);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
