/**
 * Keeps the backend process running for the desktop app's main process (and tests): starts it
 * (`spawn`, then `start` with its configuration), answers its `secrets.*` requests, hands it ports,
 * notices when it dies and restarts it (at most `maxRestarts` times in a run: a backend that keeps
 * dying is reported, not restarted forever), and stops it cleanly (`shutdown`, then a kill if it
 * does not exit in time). Nothing here imports `electron`: main/electron/backendHost.ts gives it
 * Electron's utility process as a `BackendChild`.
 */
import type { ApiError } from '../../shared/types.js';
import { parseFromBackend, type BackendStartConfig, type ToBackend } from './hostMessages.js';
import { serveRequests, type PortDispatch } from './portServer.js';
import type { Endpoint } from './protocol.js';

/** The started process, as the supervisor uses it. `P`: the port type it can be handed. */
export interface BackendChild<P> {
  /** Messages to and from the process (its parent channel). */
  readonly endpoint: Endpoint;
  /** Sends a control message with ports to hand over. */
  postWithPorts(message: ToBackend, ports: P[]): void;
  onExit(listener: (code: number | null) => void): void;
  /** Ends the process at once. */
  kill(): void;
}

export type BackendState = 'starting' | 'ready' | 'stopping' | 'stopped' | 'failed';

export interface SupervisorEvents {
  /** The backend is ready (first start or a restart): windows need (new) ports. */
  ready(info: { pid: number; dbPath: string; restarts: number }): void;
  /** It could not open the library (the error it gave); it is not restarted. */
  startupFailed(error: ApiError): void;
  /** It died unexpectedly; `restarting` false: it died too often and stays stopped. */
  crashed(info: { code: number | null; restarting: boolean }): void;
}

export interface SupervisorOptions<P> {
  spawn(): BackendChild<P>;
  config: BackendStartConfig;
  /** Answers the backend's requests (engine keys: secretsOverPort.ts). */
  dispatch?: PortDispatch;
  events: SupervisorEvents;
  /** Restarts after crashes in one run (default 3). */
  maxRestarts?: number;
}

export interface Supervisor<P> {
  start(): void;
  readonly state: BackendState;
  /** The running backend's pid once ready, else null. */
  readonly pid: number | null;
  /** Hands a port to the ready backend (false when it is not ready). */
  connect(port: P): boolean;
  /** Asks the backend to close the library and exit; kills it after `timeoutMs`. Resolves once it has exited. */
  stop(timeoutMs: number): Promise<void>;
}

export function createSupervisor<P>(options: SupervisorOptions<P>): Supervisor<P> {
  const maxRestarts = options.maxRestarts ?? 3;
  let child: BackendChild<P> | null = null;
  let state: BackendState = 'stopped';
  let pid: number | null = null;
  let restarts = 0;
  let exited: Promise<void> = Promise.resolve();

  function launch(): void {
    let current: BackendChild<P>;
    try {
      current = options.spawn();
    } catch (err) {
      // E.g. the bundle is missing: nothing to restart.
      state = 'failed';
      options.events.startupFailed({
        code: 'INTERNAL',
        message: `The backend process could not be started: ${err instanceof Error ? err.message : String(err)}`,
      });
      return;
    }
    child = current;
    state = 'starting';
    pid = null;
    let failedToStart = false;
    let markExited!: () => void;
    exited = new Promise((resolve) => (markExited = resolve));
    const stopServing = options.dispatch ? serveRequests(current.endpoint, options.dispatch) : () => undefined;
    const stopListening = current.endpoint.listen((data) => {
      const message = parseFromBackend(data);
      if (message?.kind === 'ready' && state === 'starting') {
        state = 'ready';
        pid = message.pid;
        options.events.ready({ pid: message.pid, dbPath: message.dbPath, restarts });
      } else if (message?.kind === 'startup-failed') {
        failedToStart = true;
        options.events.startupFailed(message.error);
      }
    });
    current.onExit((code) => {
      stopServing();
      stopListening();
      const was = state;
      child = null;
      pid = null;
      markExited();
      if (was === 'stopping' || was === 'stopped') {
        state = 'stopped';
        return;
      }
      if (failedToStart) {
        state = 'failed';
        return;
      }
      const restarting = restarts < maxRestarts;
      state = restarting ? 'stopped' : 'failed';
      options.events.crashed({ code, restarting });
      if (restarting) {
        restarts++;
        launch();
      }
    });
    current.endpoint.post({ kind: 'start', config: options.config } satisfies ToBackend);
  }

  return {
    start() {
      if (child) return;
      launch();
    },
    get state() {
      return state;
    },
    get pid() {
      return pid;
    },
    connect(port) {
      if (!child || state !== 'ready') return false;
      child.postWithPorts({ kind: 'connect' }, [port]);
      return true;
    },
    async stop(timeoutMs) {
      const current = child;
      if (!current) {
        state = 'stopped';
        return;
      }
      state = 'stopping';
      try {
        current.endpoint.post({ kind: 'shutdown' } satisfies ToBackend);
      } catch {
        current.kill();
      }
      const timer = setTimeout(() => current.kill(), timeoutMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
