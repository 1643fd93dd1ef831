/**
 * The composition root used by browser mode, Electron and (later) the CLI: one database, the MT
 * engines, the services, the dispatcher every transport calls and the event hub they forward.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ApiResult, VersoApi } from '../shared/api.js';
import { createDispatcher } from './api/dispatch.js';
import { createEventHub, type EventHub } from './api/eventHub.js';
import { openDatabase } from './db/openDatabase.js';
import { createRepositories } from './db/repositories/index.js';
import { createApertiumEngine } from './engines/apertium.js';
import type { MtEngine } from './engines/mtEngine.js';
import { createEngineRegistry } from './engines/registry.js';
import type { HttpOptions } from './engines/http/httpClient.js';
import { createAppSecretStore, type SecretStore } from './electron/secretStore.js';
import { createJobRunner } from './jobs/jobRunner.js';
import { createVersoApi } from './services/createApi.js';
import { createReviewClock } from './services/reviewClock.js';
import { startLibraryCheck } from './services/features/signatures.js';
import type { KeyProtector } from './signing/keyProtection.js';
import type { ApiError } from '../shared/types.js';
import { scheduleIdleIntegrityCheck } from './db/idleIntegrityCheck.js';
import { libraryDamagedError, storageError } from './db/storageErrors.js';
import { acquireDataDirLock, type DataDirLock } from './library/dataDirLock.js';
import { newestGoodBackup, type FindNewestGoodBackup } from './library/newestGoodBackup.js';
import { tightenDataDirPermissions } from './library/permissions.js';

export interface BackendOptions {
  dataDir: string;
  mode: 'electron' | 'browser';
  version: string;
  /** better-sqlite3 native build to load (Electron's own build). */
  nativeBinding?: string;
  /** Default: Apertium. The HTTP engines come from the engine settings. */
  engines?: MtEngine[];
  /** Where HTTP engines' keys live; default `<data dir>/engine-keys.json` (safeStorage in Electron) and the environment. */
  secrets?: SecretStore;
  /** HTTP engines' timeouts, retries and concurrency. */
  http?: Partial<HttpOptions>;
  /** Clock for tests. */
  now?: () => Date;
  /** Monotonic clock (ms) of the reading-time measurement, for tests; default performance.now. */
  reviewNow?: () => number;
  /**
   * Seals profiles' signing keys at rest (issue 12): Electron's safeStorage in the desktop app; in
   * browser mode a passphrase (scrypt + AES-256-GCM) when VERSO_SIGNING_PASSPHRASE is set. Default:
   * keys sealed for this process only (a new key per profile per start).
   */
  keyProtector?: KeyProtector;
  /** Check the whole library's signatures and audit chain in the background once opened (default true; the CLI says no). */
  verifyAtStart?: boolean;
  /**
   * Hold the data directory's lock (`verso.lock`) while open (default true): a second Verso on the
   * same directory is refused with LIBRARY_IN_USE. The CLI takes it only to replace the library (restore).
   */
  lock?: boolean;
  /** What this process is, in the lock file (default: its command line). */
  lockCommand?: string;
  /** The full integrity_check runs after this much quiet time (ms; default 10 s; null: never). */
  integrityCheckIdleMs?: number | null;
  /** Finds the newest good backup a damaged library offers (the backups work plugs in here). */
  findBackup?: FindNewestGoodBackup;
}

export interface Backend {
  api: VersoApi;
  dispatch: (method: unknown, input: unknown) => Promise<ApiResult<unknown>>;
  events: EventHub;
  dbPath: string;
  /** Cancels running jobs (their finished paragraphs stay saved) and closes the database. */
  close(): void;
}

export const DB_FILE_NAME = 'verso.sqlite';
/** Words that narrow Apertium's tagger, per pair (learnt; only speeds up routing). */
export const APERTIUM_WORDS_FILE = 'apertium-tagger-words.json';

/** The data directory, created private (0700) if missing; read-only or unwritable: STORAGE_READ_ONLY. */
function prepareDataDir(dataDir: string): void {
  try {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    fs.accessSync(dataDir, fs.constants.W_OK);
    tightenDataDirPermissions(dataDir);
  } catch (err) {
    throw storageError(err, dataDir) ?? err;
  }
}

export function createBackend(options: BackendOptions): Backend {
  const dataDir = path.resolve(options.dataDir);
  prepareDataDir(dataDir);
  const dbPath = path.join(dataDir, DB_FILE_NAME);
  const findBackup = () => (options.findBackup ?? newestGoodBackup)(dataDir);
  let lock: DataDirLock | null = null;
  try {
    if (options.lock !== false) lock = acquireDataDirLock(dataDir, options.lockCommand ? { command: options.lockCommand } : {});
  } catch (err) {
    throw storageError(err, dataDir) ?? err;
  }
  let db: ReturnType<typeof openDatabase>;
  try {
    db = openDatabase(dbPath, { ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}), findBackup });
    // The -wal/-shm files exist now: private like the database.
    tightenDataDirPermissions(dataDir);
  } catch (err) {
    lock?.release();
    throw err;
  }

  const events = createEventHub();
  const jobs = createJobRunner(events);
  // Apertium remembers across restarts which words narrow its tagger (routing only; see apertiumSession.ts).
  const engineList = options.engines ?? [createApertiumEngine({ knownWordsFile: path.join(dataDir, APERTIUM_WORDS_FILE) })];
  const repos = createRepositories(db, options.keyProtector ? { keyProtector: options.keyProtector } : {});
  const now = options.now ?? (() => new Date());
  const api = createVersoApi({
    db,
    repos,
    engines: createEngineRegistry(engineList, {
      secrets: options.secrets ?? createAppSecretStore(dataDir),
      ...(options.http ? { http: options.http } : {}),
    }),
    events,
    jobs,
    appInfo: { version: options.version, mode: options.mode, dataDir },
    now,
    newId: randomUUID,
    reviewClock: createReviewClock(options.reviewNow),
  });
  // Issue 12: signatures and the chain checked at start-up, in the background (Settings shows it).
  if (options.verifyAtStart !== false) void startLibraryCheck({ db, repos, now }, 'start-up');

  // A damaged library found while running (a corrupt page, or the idle integrity_check) is never
  // written to again: every later call is refused with the same one-sentence error.
  let damaged: ApiError | null = null;
  let lastCall = performance.now();
  const inner = createDispatcher(api, (err) => storageError(err, dbPath, findBackup));
  const dispatch = async (method: unknown, input: unknown): Promise<ApiResult<unknown>> => {
    if (damaged) return { ok: false, error: damaged };
    lastCall = performance.now();
    const result = await inner(method, input);
    if (!result.ok && result.error.code === 'LIBRARY_DAMAGED') damaged = result.error;
    return result;
  };
  const idleMs = options.integrityCheckIdleMs === undefined ? 10_000 : options.integrityCheckIdleMs;
  const stopIntegrityCheck =
    idleMs === null
      ? () => {}
      : scheduleIdleIntegrityCheck({
          db,
          idleMs,
          lastActivity: () => lastCall,
          onResult: (problems) => {
            if (problems.length === 0 || damaged) return;
            damaged = libraryDamagedError(dbPath, problems[0]!, findBackup()).toApiError();
            console.error(`Verso: ${damaged.message}`);
          },
        });

  let closed = false;
  return {
    api,
    dispatch,
    events,
    dbPath,
    close() {
      if (closed) return;
      closed = true;
      stopIntegrityCheck();
      // Aborting kills the engine processes at once; a result already written stays written.
      void jobs.cancelAll();
      for (const engine of engineList) engine.close?.();
      db.close();
      lock?.release();
    },
  };
}
