/**
 * Browser mode: the same services as the desktop app, served to any browser on this machine over
 * the loopback bridge. `npm run web` starts it directly; `npm start` falls back to it when the
 * Electron binary is missing.
 */
import fs from 'node:fs';
import { createBackend, type Backend } from './backend.js';
import { createEventHub } from './jobs/eventHub.js';
import { isServiceError } from './core/serviceError.js';
import type { ApiError } from '../shared/types.js';
import { passphraseProtector } from './db/audit/keyProtection.js';
import { startBridge } from './bridge/server.js';
import { resolveDataDir } from './paths.js';
import { APP_VERSION, rendererDir } from './appRoot.js';
import { exitWithParent } from './exitWithParent.js';
import { appLog } from './core/log/logger.js';

function parsePort(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 0;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, not "${value}".`);
  }
  return port;
}

async function main(): Promise<void> {
  const port = parsePort(process.env.PORT);
  const dataDir = resolveDataDir();
  const staticDir = rendererDir();
  if (!fs.existsSync(staticDir)) {
    throw new Error(`The user interface is not built (${staticDir} is missing): run "npm run build" first.`);
  }
  // Issue 12 (interim until the app asks for it): the passphrase that seals signing keys at rest.
  const passphrase = process.env.VERSO_SIGNING_PASSPHRASE;
  let backend: Backend;
  try {
    backend = createBackend({ dataDir, mode: 'browser', version: APP_VERSION, lockCommand: 'verso browser mode', logLevel: 'info', ...(passphrase ? { keyProtector: passphraseProtector(passphrase) } : {}) });
  } catch (err) {
    // A damaged or unwritable library: the page still opens and says why (a second Verso just stops).
    if (!isServiceError(err) || err.code === 'LIBRARY_IN_USE' || !OPEN_PROBLEMS.has(err.code)) throw err;
    return serveOpenProblem(port, staticDir, err.toApiError());
  }
  const bridge = await startBridge({ port, staticDir, dispatch: backend.dispatch, events: backend.events });
  console.log(`Verso ${APP_VERSION} is running in browser mode. Library: ${backend.dbPath}`);
  console.log(`Open this address in your browser: ${bridge.url}`);
  appLog().logger.info({ mode: 'browser', version: APP_VERSION }, 'Verso started');

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void bridge.close().finally(() => {
      backend.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('SIGHUP', stop);
  exitWithParent(stop);
}

const OPEN_PROBLEMS: ReadonlySet<string> = new Set(['LIBRARY_DAMAGED', 'STORAGE_READ_ONLY', 'STORAGE_FULL', 'STORAGE_BUSY']);

/** Serves the interface with every call answering `error`, so the page shows the one sentence; nothing opens the library. */
async function serveOpenProblem(port: number, staticDir: string, error: ApiError): Promise<void> {
  const bridge = await startBridge({ port, staticDir, dispatch: () => Promise.resolve({ ok: false, error }), events: createEventHub() });
  console.error(`Verso: ${error.message}`);
  console.log(`Open this address in your browser: ${bridge.url}`);
  const stop = (): void => void bridge.close().finally(() => process.exit(1));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('SIGHUP', stop);
  exitWithParent(stop);
}

main().catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  if ((err as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE') {
    console.error(`Verso could not start: port ${process.env.PORT} is already in use. Choose another with PORT=…`);
  } else {
    console.error(`Verso could not start: ${message}`);
  }
  process.exit(1);
});
