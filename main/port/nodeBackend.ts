/**
 * Browser mode's backend: the backend process entry (the same one the desktop app runs as its
 * utility process) in a Node child, kept running by the supervisor, with a dispatch and an event
 * hub the loopback bridge serves. While it is down (it crashed and is being restarted) every call
 * answers the backend-stopped error.
 */
import type { ApiResult } from '../../shared/api.js';
import { EVENT_NAMES } from '../../shared/contract/events.js';
import type { ApiError } from '../../shared/types.js';
import { createEventHub, type EventHub } from '../jobs/eventHub.js';
import type { BackendStartConfig } from './hostMessages.js';
import { forkBackend, type NodeBackendChild } from './nodeChild.js';
import { createPortClient } from './portClient.js';
import { backendStoppedError } from './protocol.js';
import { createSupervisor } from './supervisor.js';
import { trackRunningJobs } from './jobsOnStop.js';

export interface NodeBackend {
  dispatch: (method: unknown, input: unknown) => Promise<ApiResult<unknown>>;
  events: EventHub;
  readonly pid: number | null;
  /** Closes the library cleanly (kills the process after `timeoutMs`). */
  stop(timeoutMs: number): Promise<void>;
}

export interface NodeBackendOptions {
  /** dist/main/backend.cjs. */
  entry: string;
  config: BackendStartConfig;
  /** Told when the process died (`restarting` false: it stays stopped). */
  crashed?(info: { code: number | null; restarting: boolean }): void;
}

export type StartedNodeBackend = { ok: true; backend: NodeBackend; dbPath: string } | { ok: false; error: ApiError };

export function startNodeBackend(options: NodeBackendOptions): Promise<StartedNodeBackend> {
  const client = createPortClient();
  const events = createEventHub();
  for (const name of EVENT_NAMES) client.subscribe(name, (payload) => events.emit(name, payload as never));
  const jobs = trackRunningJobs(client);
  let child: NodeBackendChild | null = null;
  let settle!: (started: StartedNodeBackend) => void;
  const started = new Promise<StartedNodeBackend>((resolve) => (settle = resolve));
  const supervisor = createSupervisor<never>({
    spawn: () => (child = forkBackend(options.entry)),
    config: options.config,
    events: {
      ready({ dbPath }) {
        client.attach(child!.endpoint);
        settle({ ok: true, backend, dbPath });
      },
      startupFailed: (error) => settle({ ok: false, error }),
      crashed(info) {
        const message = info.restarting
          ? `Verso's background process stopped unexpectedly (exit code ${info.code}) and is being restarted.`
          : `Verso's background process stopped unexpectedly again (exit code ${info.code}); start Verso again.`;
        const error = backendStoppedError(message, info.restarting);
        client.detach(error);
        // Its running jobs died with it: the page shows them failed, not running forever.
        jobs.failRunning(error);
        options.crashed?.(info);
        if (!info.restarting) settle({ ok: false, error: backendStoppedError(message, false) });
      },
    },
  });
  const backend: NodeBackend = {
    dispatch: (method, input) =>
      typeof method === 'string'
        ? client.invoke(method, input)
        : Promise.resolve({ ok: false, error: { code: 'UNKNOWN_METHOD', message: `Unknown method: ${typeof method}` } }),
    events,
    get pid() {
      return supervisor.pid;
    },
    stop: (timeoutMs) => supervisor.stop(timeoutMs),
  };
  supervisor.start();
  return started;
}
