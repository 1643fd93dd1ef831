/**
 * The backend's own process: the library (SQLite), MT engines, imports and jobs, out of the process
 * that draws the windows. The desktop app starts it as an Electron utility process
 * (main/electron/backendHost.ts) and talks to it over `process.parentPort`; browser mode
 * (main/port/nodeBackend.ts) and tests fork it as a Node child with an IPC channel. Both send `start` first (port/hostMessages.ts); the desktop app then
 * hands it one MessagePort per window (`connect`), which it serves with the port protocol
 * (port/protocol.ts); a Node parent's requests come on the IPC channel itself. `shutdown` closes
 * the library cleanly (SQLite checkpoints its WAL into the database file) before the process exits.
 * This file imports nothing of Electron: `process.parentPort` is a property Electron gives utility
 * processes.
 */
import path from 'node:path';
import { createBackend, DB_FILE_NAME, type Backend } from './backend.js';
import { APP_VERSION } from './appRoot.js';
import { appLog, logFailure } from './core/log/logger.js';
import { isServiceError } from './core/serviceError.js';
import type { ApiError } from '../shared/types.js';
import { createPortClient } from './port/portClient.js';
import { forwardEvents, serveRequests } from './port/portServer.js';
import { ipcEndpoint, mainPortEndpoint, type MainPortLike } from './port/endpoints.js';
import { parseToBackend, type BackendStartConfig, type FromBackend } from './port/hostMessages.js';
import { openSigningKeysRemotely, remoteSecretStore } from './port/secretsOverPort.js';
import { backendSigningProtector } from './port/signingProtector.js';
import { readDirectSafeStorageRecords } from './port/legacySigningKeys.js';
import { passphraseProtector, type KeyProtector } from './db/audit/keyProtection.js';
import type { Endpoint } from './port/protocol.js';
import { teamPorts } from './teamPorts.js';

/** What Electron's `process.parentPort` delivers: the data and the ports sent with it. */
interface ParentPortLike extends MainPortLike {
  on(event: 'message', listener: (event: { data: unknown; ports?: MainPortLike[] }) => void): unknown;
}

interface ParentChannel {
  endpoint: Endpoint;
  /** Every message from the parent, with the ports that came with it (Electron). */
  onPorts(listener: (data: unknown, ports: MainPortLike[]) => void): void;
  /** Sends the last message, then ends the process. */
  exitAfter(message: FromBackend, code: number): void;
  /** The Node parent's requests come on the channel itself. */
  servesParent: boolean;
}

function parentChannel(): ParentChannel {
  const parentPort = (process as { parentPort?: ParentPortLike }).parentPort;
  if (parentPort) {
    return {
      endpoint: mainPortEndpoint(parentPort),
      onPorts: (listener) => void parentPort.on('message', (event) => listener(event.data, event.ports ?? [])),
      exitAfter(message, code) {
        parentPort.postMessage(message);
        // The message is queued on Mojo before exit; exit on the next turn to let it go out.
        setImmediate(() => process.exit(code));
      },
      servesParent: false,
    };
  }
  if (process.send) {
    return {
      endpoint: ipcEndpoint(process),
      onPorts: (listener) => void process.on('message', (data: unknown) => listener(data, [])),
      exitAfter(message, code) {
        if (!process.connected) process.exit(code);
        process.send!(message, () => process.exit(code));
      },
      servesParent: true,
    };
  }
  throw new Error("Verso's backend process must be started by the desktop app (or a parent with an IPC channel).");
}

function toApiError(err: unknown): ApiError {
  if (isServiceError(err)) return err.toApiError();
  return { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) };
}

async function open(config: BackendStartConfig, channel: ParentChannel): Promise<Backend> {
  const parent = createPortClient();
  parent.attach(channel.endpoint);
  const dataDir = path.resolve(config.dataDir);
  let keyProtector: KeyProtector | undefined;
  if (config.signingSecret) {
    const legacy = config.secrets === 'parent' ? readDirectSafeStorageRecords(path.join(dataDir, DB_FILE_NAME), config.nativeBinding) : [];
    keyProtector = backendSigningProtector(config.signingSecret, await openSigningKeysRemotely(parent, legacy));
  } else if (config.signingPassphrase) {
    keyProtector = passphraseProtector(config.signingPassphrase);
  }
  return createBackend({
    dataDir,
    mode: config.mode,
    version: APP_VERSION,
    logLevel: 'info',
    ...(config.lockCommand ? { lockCommand: config.lockCommand } : {}),
    ...(config.nativeBinding ? { nativeBinding: config.nativeBinding } : {}),
    ...(config.secrets === 'parent' ? { secrets: remoteSecretStore(parent) } : {}),
    ...(keyProtector ? { keyProtector } : {}),
    team: teamPorts,
  });
}

/** How long shutdown waits for a backup being written; the parent kills the process later still. */
const BACKUP_SETTLE_MS = 5_000;

function settleWithin(work: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    const done = (): void => {
      clearTimeout(timer);
      resolve();
    };
    work.then(done, done);
  });
}

function main(): void {
  const channel = parentChannel();
  let backend: Backend | null = null;
  let starting = false;
  const stops: (() => void)[] = [];

  const serve = (endpoint: Endpoint, be: Backend): (() => void) => {
    const stopRequests = serveRequests(endpoint, (method, input) => be.dispatch(method, input));
    const stopEvents = forwardEvents(endpoint, be.events);
    return () => {
      stopRequests();
      stopEvents();
    };
  };

  let stopping = false;
  const shutdown = (): void => {
    if (stopping) return;
    stopping = true;
    for (const stop of stops.splice(0)) stop();
    const closing = backend;
    backend = null;
    // A backup being written (the one taken at start, say) is finished, not cut off, within a bound.
    void settleWithin(closing?.backups.idle() ?? Promise.resolve(), BACKUP_SETTLE_MS).then(() => {
      try {
        closing?.close();
      } catch (err) {
        logFailure(appLog(), 'closing the library failed', err);
      }
      channel.exitAfter({ kind: 'stopped' }, 0);
    });
  };

  channel.onPorts((data, ports) => {
    const message = parseToBackend(data);
    if (message === null) return;
    if (message.kind === 'shutdown') return shutdown();
    if (message.kind === 'connect') {
      const port = ports[0];
      if (!port || !backend) return;
      const stop = serve(mainPortEndpoint(port), backend);
      stops.push(stop);
      // The window closed or reloaded: its port is gone.
      (port as MainPortLike & { on(event: 'close', listener: () => void): unknown }).on('close', stop);
      return;
    }
    if (starting || backend) return;
    starting = true;
    open(message.config, channel).then(
      (be) => {
        if (stopping) return be.close();
        backend = be;
        if (channel.servesParent) stops.push(serve(channel.endpoint, be));
        appLog().logger.info({ mode: message.config.mode, version: APP_VERSION, pid: process.pid }, 'Verso backend started');
        channel.endpoint.post({ kind: 'ready', pid: process.pid, dbPath: be.dbPath } satisfies FromBackend);
      },
      // The parent says so (a dialog, or browser mode's one line); no second report here.
      (err: unknown) => {
        channel.exitAfter({ kind: 'startup-failed', error: toApiError(err) }, 1);
      },
    );
  });
  process.on('disconnect', shutdown);
  process.on('SIGTERM', shutdown);
  // Ctrl+C or a closed terminal reaches the whole process group: the parent decides and sends
  // `shutdown` (or goes away, which is a `disconnect`), so the library is never closed twice.
  process.on('SIGINT', () => undefined);
  process.on('SIGHUP', () => undefined);
}

main();
