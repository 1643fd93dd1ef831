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

export function createBackend(options: BackendOptions): Backend {
  const dataDir = path.resolve(options.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const dbPath = path.join(dataDir, DB_FILE_NAME);
  const db = openDatabase(dbPath, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});

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

  let closed = false;
  return {
    api,
    dispatch: createDispatcher(api),
    events,
    dbPath,
    close() {
      if (closed) return;
      closed = true;
      // Aborting kills the engine processes at once; a result already written stays written.
      void jobs.cancelAll();
      for (const engine of engineList) engine.close?.();
      db.close();
    },
  };
}
