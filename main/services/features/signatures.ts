/**
 * The library check as a service: one check per database at a time, run in the background
 * (verifyLibraryInBackground) at start-up and from Settings → Verify library; its latest state
 * is kept for `getLibraryCheck` (the Settings screen polls it while it runs).
 */
import type Database from 'better-sqlite3';
import { LIBRARY_PROBLEMS_SHOWN, type LibraryCheck } from '../../../shared/features/signaturesApi.js';
import type { SignaturesApi } from '../../../shared/features/signaturesContract.js';
import type { Repositories } from '../../db/repositories/index.js';
import { verifyLibraryInBackground } from '../../signing/verifyLibrary.js';
import { requireProfile, type ServiceDeps } from '../context.js';
import { publicKeyPem } from '../../core/crypto.js';

const IDLE: LibraryCheck = {
  state: 'idle',
  trigger: null,
  done: 0,
  total: 0,
  links: 0,
  revisions: 0,
  signedOff: 0,
  problems: [],
  problemCount: 0,
  finishedAt: null,
};

interface Checker {
  state: LibraryCheck;
  running: Promise<LibraryCheck> | null;
}

const checkers = new WeakMap<Database.Database, Checker>();

function checkerOf(db: Database.Database): Checker {
  let c = checkers.get(db);
  if (!c) checkers.set(db, (c = { state: IDLE, running: null }));
  return c;
}

/**
 * Starts a check; one asked for while another runs starts when that one ends (it may have read
 * the library before the latest change). Resolves with its result (never rejects: a failure is state `failed`).
 */
export function startLibraryCheck(
  deps: Pick<ServiceDeps, 'db' | 'now'> & { repos: Pick<Repositories, 'documents' | 'paragraphs'> },
  trigger: 'start-up' | 'manual',
): Promise<LibraryCheck> {
  const c = checkerOf(deps.db);
  if (c.running) return c.running.then(() => startLibraryCheck(deps, trigger));
  c.state = { ...IDLE, state: 'running', trigger };
  c.running = verifyLibraryInBackground(deps.db, deps.repos, (done, total) => {
    c.state = { ...c.state, done, total };
  })
    .then(
      (report) => {
        c.state = {
          ...c.state,
          state: 'done',
          done: c.state.total,
          links: report.links,
          revisions: report.revisions,
          signedOff: report.signedOff,
          problems: report.problems.slice(0, LIBRARY_PROBLEMS_SHOWN),
          problemCount: report.problems.length,
          finishedAt: deps.now().toISOString(),
        };
        return c.state;
      },
      // The database closed under it (the app quit) or could not be read.
      () => (c.state = { ...c.state, state: 'failed', finishedAt: deps.now().toISOString() }),
    )
    .finally(() => {
      c.running = null;
    });
  return c.running;
}

export function createSignaturesService(deps: ServiceDeps): SignaturesApi {
  return {
    async verifyLibrary() {
      return startLibraryCheck(deps, 'manual');
    },
    async getLibraryCheck() {
      return checkerOf(deps.db).state;
    },
    async getSigningKey() {
      return { state: deps.repos.signingKeys.state(requireProfile(deps).id) };
    },
    async getSigningPublicKey() {
      const keys = deps.repos.signingKeys;
      const key = deps.db.transaction(() => keys.keyFor(requireProfile(deps).id))();
      return { keyId: key.keyId, publicKeyPem: publicKeyPem(key.publicKey), lasting: keys.protectionOf(key.keyId) !== 'process-session' };
    },
    async unlockSigningKey({ passphrase }) {
      const { created } = deps.repos.signingKeys.unlock(requireProfile(deps).id, passphrase);
      return { state: 'unlocked' as const, created };
    },
  };
}
