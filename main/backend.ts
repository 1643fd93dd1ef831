/**
 * The composition root used by browser mode, Electron and (later) the CLI: one database, the MT
 * engines, the services, the dispatcher every transport calls and the event hub they forward.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { METHOD_NAMES, type ApiResult, type VersoApi } from '../shared/api.js';
import { BACKUP_KEEP_DEFAULT, BACKUP_KEEP_MAX, BACKUP_KEEP_MIN } from '../shared/features/backupsApi.js';
import { backupsDir, writeBackupSync } from './backups/backupFiles.js';
import { createBackupRunner, type BackupRunner, type Scheduler } from './backups/backupRunner.js';
import { restoreLibraryFile, type RestoreResult } from './backups/restoreLibrary.js';
import { BACKUP_KEEP_SETTING } from './services/features/backups.js';
import { ServiceError } from './core/serviceError.js';
import type { JobRunner } from './jobs/jobRunner.js';
import { createDispatcher } from './api/dispatch.js';
import { outputChecksWanted, withOutputChecks } from './api/outputChecks.js';
import { createEventHub, type EventHub } from './jobs/eventHub.js';
import { openDatabase } from './db/openDatabase.js';
import { createRepositories } from './db/repositories/index.js';
import { createRevisionCapture } from './team/local/captureRevisions.js';
import { createApertiumEngine } from './engines/apertium.js';
import type { MtEngine } from './engines/mtEngine.js';
import { createEngineRegistry } from './engines/registry.js';
import type { HttpOptions } from './engines/http/httpClient.js';
import { createAppSecretStore, type SecretStore } from './engines/secretStore.js';
import { createJobRunner } from './jobs/jobRunner.js';
import { clearTmxLeftovers } from './memory/tmxStaging.js';
import { shareTmxCapturesLogged } from './team/local/captureTm.js';
import { createVersoApi } from './services/createApi.js';
import { createReviewClock } from './services/reviewClock.js';
import { startLibraryCheck } from './services/features/signatures.js';
import { createTeamRuntime, resumeTeamSync, type TeamPorts } from './services/features/team.js';
import type { TeamRuntime } from './services/features/teamSync.js';
import type { KeyProtector } from './db/audit/keyProtection.js';
import type { ApiError } from '../shared/types.js';
import { scheduleIdleIntegrityCheck } from './db/idleIntegrityCheck.js';
import { libraryDamagedError, storageError } from './db/storageErrors.js';
import { acquireDataDirLock, type DataDirLock } from './library/dataDirLock.js';
import type { FindNewestGoodBackup } from './db/newestGoodBackup.js';
import { newestGoodBackup } from './backups/index.js';
import { tightenDataDirPermissions } from './core/permissions.js';
import { appLog, logFailure, openFileLog, stderrLog, useLog, type AppLog } from './core/log/logger.js';
import { timeStatements } from './core/log/slowSql.js';

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
  /** Validate every service's value against its output schema (default: VERSO_CHECK_OUTPUTS=1; tests and e2e). */
  checkOutputs?: boolean;
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
  /**
   * Writes the process's structured log to `<data dir>/logs/verso.log` from this level up (the
   * apps `info`, the CLI `warn`), once the library's lock is held. Default: warnings to stderr.
   */
  logLevel?: 'info' | 'warn';
  /** Finds the newest good backup a damaged library offers (default: main/backups). */
  findBackup?: FindNewestGoodBackup;
  /**
   * Issue 13: a backup before migrations change the library, and (`automatic`, default true) at
   * start and daily while running (the scheduler: tests step it). The CLI turns `automatic` off
   * (it backs up when asked); `false` turns all off (tests).
   */
  backups?: false | { scheduler?: Scheduler; automatic?: boolean };
  /**
   * Team sync (issue 16): how to connect to the team server and the local store over the library.
   * Without it the library never syncs (Settings → Team says so).
   */
  team?: TeamPorts;
}

export interface Backend {
  api: VersoApi;
  dispatch: (method: unknown, input: unknown) => Promise<ApiResult<unknown>>;
  events: EventHub;
  dbPath: string;
  /** The automatic and manual backups (issue 13). */
  backups: BackupRunner;
  /** Cancels running jobs (their finished paragraphs stay saved) and closes the database. */
  close(): void;
}

/** The file log made the process's log; a log that cannot be written never stops Verso (stderr then). */
function openAppLog(dataDir: string, level: 'info' | 'warn', rotates: boolean): AppLog | null {
  try {
    return useLog(openFileLog(dataDir, level, rotates ? {} : { maxBytes: Infinity }));
  } catch (err) {
    logFailure(appLog(), 'the log file could not be opened', err);
    return null;
  }
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
  const now = options.now ?? (() => new Date());
  const findBackup = () => (options.findBackup ?? newestGoodBackupFile)(dataDir);
  let lock: DataDirLock | null = null;
  try {
    if (options.lock !== false) lock = acquireDataDirLock(dataDir, options.lockCommand ? { command: options.lockCommand } : {});
  } catch (err) {
    throw storageError(err, dataDir) ?? err;
  }
  // Only the process holding the lock rotates (a CLI reading beside the app only appends).
  const fileLog = options.logLevel ? openAppLog(dataDir, options.logLevel, lock !== null) : null;
  const events = createEventHub();
  // Apertium remembers across restarts which words narrow its tagger (routing only; see apertiumSession.ts).
  const engineList = options.engines ?? [createApertiumEngine({ knownWordsFile: path.join(dataDir, APERTIUM_WORDS_FILE) })];
  const secrets = options.secrets ?? createAppSecretStore(dataDir);
  const backupsOn = options.backups !== false;
  const backupOptions = options.backups === false ? {} : (options.backups ?? {});

  let restoring = false;
  /** Calls wait here while a restore replaces the library. */
  let gate: Promise<void> | null = null;
  let inflight = 0;
  let drained: (() => void) | null = null;

  function openLibrary(): Library {
    const db = openDatabase(dbPath, {
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      findBackup,
      // Issue 13: an existing library is backed up before a migration changes it.
      ...(backupsOn
        ? { beforeMigrations: (opened) => void writeBackupSync(opened, dataDir, 'pre-migration', { now: now(), keep: backupKeep(opened) }) }
        : {}),
    });
    // The -wal/-shm files exist now: private like the database.
    tightenDataDirPermissions(dataDir);
    // Issue 17: what a TMX import cut short by a crash left (never published), by the lock's holder only.
    if (lock) clearTmxLeftovers(db, dataDir);
    // Issue 16: a TMX import's sharing with the team that a crash cut short goes on.
    if (lock) void shareTmxCapturesLogged(db);
    timeStatements(db);
    const jobs = createJobRunner(events);
    const repos = createRepositories(db, {
      ...(options.keyProtector ? { keyProtector: options.keyProtector } : {}),
      // Issue 16: revisions of documents in a team go to the outbox in their transaction.
      revisionObserver: createRevisionCapture(db),
    });
    const team = options.team ? createTeamRuntime(db, repos, options.team, now, (m) => appLog().logger.warn(m), events) : undefined;
    const services = createVersoApi({
      db,
      repos,
      engines: createEngineRegistry(engineList, { secrets, ...(options.http ? { http: options.http } : {}) }),
      events,
      jobs,
      appInfo: { version: options.version, mode: options.mode, dataDir },
      now,
      newId: randomUUID,
      reviewClock: createReviewClock(options.reviewNow),
      backups: { runner, restore: restoreLibrary, keep: () => backupKeep(lib.db) },
      ...(team ? { team } : {}),
    });
    const api = (options.checkOutputs ?? outputChecksWanted()) ? withOutputChecks(services) : services;
    // Issue 12: signatures and the chain checked at start-up, in the background (Settings shows it).
    if (options.verifyAtStart !== false) void startLibraryCheck({ db, repos, now }, 'start-up');
    // Issue 16: syncing starts again when a team server is set.
    if (team) void resumeTeamSync({ repos, team }, secrets).catch((err: unknown) => logFailure(appLog(), 'team sync did not start', err));
    return { db, jobs, team, api, dispatch: createDispatcher(api, (err) => storageError(err, dbPath, findBackup)) };
  }

  const runner = createBackupRunner({
    dataDir,
    db: () => lib.db,
    now,
    keep: () => backupKeep(lib.db),
    log: (m) => closed || appLog().logger.error(m),
  });
  let lib: Library;
  try {
    lib = openLibrary();
  } catch (err) {
    lock?.release();
    throw err;
  }
  let stopDaily = (): void => undefined;
  if (backupsOn && backupOptions.automatic !== false) {
    // Issue 13: a backup once the library opened fine, then one a day while running.
    void runner.backup('start').catch(() => undefined);
    stopDaily = runner.startDaily(backupOptions.scheduler);
  }

  async function gated<T>(call: () => Promise<T>): Promise<T> {
    while (gate) await gate;
    inflight++;
    try {
      return await call();
    } finally {
      inflight--;
      drained?.();
    }
  }

  async function restoreLibrary(source: string): Promise<RestoreResult> {
    if (restoring) throw new ServiceError('RESTORE_IN_PROGRESS', 'A restore is already running.');
    restoring = true;
    let release!: () => void;
    gate = new Promise((resolve) => (release = resolve));
    let reopen = false;
    let safety: string | null = null;
    try {
      // Every call already running ends first (the restore's own call is the one left).
      while (inflight > 1) await new Promise<void>((resolve) => (drained = resolve));
      drained = null;
      await lib.jobs.cancelAll();
      await lib.team?.sync.stop();
      await runner.idle();
      const old = lib;
      const result = await restoreLibraryFile({
        dataDir,
        dbPath,
        source,
        now: now(),
        keep: backupKeep(lib.db),
        current: lib.db,
        closeCurrent: () => {
          reopen = true;
          old.db.close();
        },
      });
      safety = result.safetyBackup ? path.join(backupsDir(dataDir), result.safetyBackup.fileName) : null;
      return result;
    } finally {
      if (reopen) reopenAfterRestore(safety);
      restoring = false;
      gate = null;
      release();
    }
  }

  /** Opens the restored library; if it cannot be opened (e.g. its migration fails), the library before it comes back. */
  function reopenAfterRestore(safety: string | null): void {
    try {
      lib = openLibrary();
    } catch (err) {
      if (!safety) throw err;
      for (const f of [`${dbPath}-wal`, `${dbPath}-shm`]) fs.rmSync(f, { force: true });
      fs.copyFileSync(safety, dbPath);
      lib = openLibrary();
      throw new ServiceError(
        'RESTORE_FAILED',
        `The restored library could not be opened (${err instanceof Error ? err.message : String(err)}); the library as it was before is back.`,
      );
    }
  }

  const api = Object.fromEntries(
    METHOD_NAMES.map((m) => [m, (input: unknown) => gated(() => (lib.api[m] as (i: unknown) => Promise<unknown>)(input))]),
  ) as unknown as VersoApi;

  // A damaged library found while running (a corrupt page, or the idle integrity_check) is never
  // written to again: every later call is refused with the same one-sentence error.
  let damaged: ApiError | null = null;
  let lastCall = performance.now();
  const dispatch = async (method: unknown, input: unknown): Promise<ApiResult<unknown>> => {
    if (damaged) return { ok: false, error: damaged };
    lastCall = performance.now();
    const result = await gated(() => lib.dispatch(method, input));
    if (!result.ok && result.error.code === 'LIBRARY_DAMAGED') damaged = result.error;
    return result;
  };
  const idleMs = options.integrityCheckIdleMs === undefined ? 10_000 : options.integrityCheckIdleMs;
  const stopIntegrityCheck =
    idleMs === null
      ? () => {}
      : scheduleIdleIntegrityCheck({
          db: () => lib.db,
          idleMs,
          lastActivity: () => lastCall,
          onResult: (problems) => {
            if (problems.length === 0 || damaged) return;
            damaged = libraryDamagedError(dbPath, problems[0]!, findBackup()).toApiError();
            appLog().logger.error({ problem: problems[0] }, damaged.message);
          },
        });

  let closed = false;
  return {
    api,
    dispatch,
    events,
    dbPath,
    backups: runner,
    close() {
      if (closed) return;
      closed = true;
      stopIntegrityCheck();
      stopDaily();
      // Aborting kills the engine processes at once; a result already written stays written.
      void lib.jobs.cancelAll();
      // The round in flight ends on its own (its connection is closed now); the outbox keeps what it did not finish.
      void lib.team?.sync.stop();
      for (const engine of engineList) engine.close?.();
      lib.db.close();
      lock?.release();
      if (fileLog && appLog() === fileLog) useLog(stderrLog());
    },
  };
}

interface Library {
  db: Database.Database;
  jobs: JobRunner;
  team: TeamRuntime | undefined;
  api: VersoApi;
  dispatch: (method: unknown, input: unknown) => Promise<ApiResult<unknown>>;
}

/** The newest verified backup of the library, offered when it is damaged. */
const newestGoodBackupFile: FindNewestGoodBackup = (dataDir) => {
  const found = newestGoodBackup(dataDir);
  return found ? { file: path.join(backupsDir(dataDir), found.fileName), createdAt: found.createdAt } : null;
};

/** The number of backups to keep (Settings → Backups; `backupKeep` in the settings table). */
export function backupKeep(db: Database.Database | null): number {
  if (!db) return BACKUP_KEEP_DEFAULT;
  try {
    const row = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(BACKUP_KEEP_SETTING);
    const n = row ? (JSON.parse(row.value) as unknown) : undefined;
    return typeof n === 'number' && Number.isInteger(n) && n >= BACKUP_KEEP_MIN && n <= BACKUP_KEEP_MAX ? n : BACKUP_KEEP_DEFAULT;
  } catch {
    return BACKUP_KEEP_DEFAULT;
  }
}
