/**
 * Browser mode: the same services as the desktop app, served to any browser on this machine over
 * the loopback bridge. The backend runs in its own process, the same entry the desktop app runs as
 * its utility process (main/backendProcess.ts, dist/main/backend.cjs); this process serves the
 * page and passes calls and job events through. `npm run web` starts it directly; `npm start`
 * falls back to it when the Electron binary is missing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createEventHub } from './jobs/eventHub.js';
import type { ApiError } from '../shared/types.js';
import { startBridge } from './bridge/server.js';
import { TMX_UPLOAD_MAX_BYTES } from './bridge/tmxUpload.js';
import { BACKEND_BUNDLE } from './port/hostMessages.js';
import { startNodeBackend } from './port/nodeBackend.js';
import { resolveDataDir } from './paths.js';
import { APP_VERSION, rendererDir } from './appRoot.js';
import { exitWithParent } from './exitWithParent.js';

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
  const started = await startNodeBackend({
    entry: path.join(__dirname, BACKEND_BUNDLE),
    config: {
      dataDir,
      mode: 'browser',
      secrets: 'file',
      lockCommand: 'verso browser mode',
      ...(passphrase ? { signingPassphrase: passphrase } : {}),
    },
    crashed: ({ code, restarting }) =>
      console.error(
        `Verso: the background process stopped unexpectedly (exit code ${code})${restarting ? '; restarting it.' : ' again; start Verso again.'}`,
      ),
  });
  if (!started.ok) {
    // A damaged or unwritable library: the page still opens and says why (a second Verso just stops).
    if (started.error.code === 'LIBRARY_IN_USE' || !OPEN_PROBLEMS.has(started.error.code)) throw new Error(started.error.message);
    return serveOpenProblem(port, staticDir, started.error);
  }
  const { backend, dbPath } = started;
  const bridge = await startBridge({
    port,
    staticDir,
    dispatch: backend.dispatch,
    events: backend.events,
    uploads: { dataDir: path.resolve(dataDir), maxBytes: TMX_UPLOAD_MAX_BYTES },
  });
  console.log(`Verso ${APP_VERSION} is running in browser mode. Library: ${dbPath}`);
  console.log(`Open this address in your browser: ${bridge.url}`);

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    // The backend closes the library (SQLite checkpoints its WAL) before this process ends.
    void bridge
      .close()
      .then(() => backend.stop(BACKEND_STOP_MS))
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('SIGHUP', stop);
  exitWithParent(stop);
}

/** How long the backend may take to close the library before it is killed. */
const BACKEND_STOP_MS = 10_000;

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
