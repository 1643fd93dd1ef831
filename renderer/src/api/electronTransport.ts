/** Transport over the Electron preload bridge (`window.verso`, handed in by main.tsx). */
import type { ApiTransport, EventName, MethodInput, MethodName, MethodOutput, VersoEvents } from '../../../shared/api.js';
import { asApiResult, failure } from './client.js';

export interface PreloadBridge {
  invoke(method: string, input: unknown): Promise<unknown>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}

export function createElectronTransport(bridge: PreloadBridge): ApiTransport {
  return {
    async invoke<M extends MethodName>(method: M, input: MethodInput<M>) {
      try {
        return asApiResult<MethodOutput<M>>(await bridge.invoke(method, input));
      } catch (err) {
        return failure(err instanceof Error ? err.message : String(err));
      }
    },
    subscribe<E extends EventName>(event: E, listener: (payload: VersoEvents[E]) => void) {
      return bridge.subscribe(event, (payload) => listener(payload as VersoEvents[E]));
    },
  };
}
