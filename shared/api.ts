/**
 * The one API contract between the renderer and the main-side services.
 * Every method takes one object argument and resolves to a value; failures travel as
 * `{ ok: false, error }` envelopes (see `ApiResult`). Transports: Electron IPC, the loopback
 * HTTP bridge (browser mode) and an in-memory one for component tests.
 */
import type { ApiError } from './types.js';
import { mergeContracts, type ApiOf, type Contract } from './contract/contract.js';
import { coreContract } from './features/coreContract.js';
import { enginesContract } from './features/enginesContract.js';
import { workflowContract } from './features/workflowContract.js';
import { exportingContract } from './features/exportingContract.js';
import { importingContract } from './features/importingContract.js';
import { memoryContract } from './features/memoryContract.js';
import { glossaryContract } from './features/glossaryContract.js';
import { exclusionContract } from './features/exclusionContract.js';
import { replaceContract } from './features/replaceContract.js';
import { libraryContract } from './features/libraryContract.js';
import { provenanceContract } from './features/provenanceContract.js';
import { signaturesContract } from './features/signaturesContract.js';
import { profilesContract } from './features/profilesContract.js';
import { backupsContract } from './features/backupsContract.js';
import { teamContract } from './features/teamContract.js';
import { reviewPackageContract } from './features/reviewPackageContract.js';

export type { ImportDocumentInput, ImportSource } from './features/coreContract.js';

/**
 * Every feature's contract (shared/features/*Contract.ts): each method is declared once, there.
 * A name declared by two features is refused (mergeContracts).
 */
export const FEATURE_CONTRACTS = {
  core: coreContract,
  engines: enginesContract,
  workflow: workflowContract,
  exporting: exportingContract,
  importing: importingContract,
  memory: memoryContract,
  glossary: glossaryContract,
  exclusion: exclusionContract,
  replace: replaceContract,
  library: libraryContract,
  provenance: provenanceContract,
  signatures: signaturesContract,
  profiles: profilesContract,
  backups: backupsContract,
  team: teamContract,
  reviewPackage: reviewPackageContract,
} as const satisfies Record<string, Contract>;

/** The whole API: every feature's methods. */
export const apiContract = mergeContracts(FEATURE_CONTRACTS);

/** The interface services implement and the renderer's client offers, derived from the contract. */
export type VersoApi = ApiOf<typeof apiContract>;

export type MethodName = keyof VersoApi;
export type MethodInput<M extends MethodName> = Parameters<VersoApi[M]>[0];
export type MethodOutput<M extends MethodName> = Awaited<ReturnType<VersoApi[M]>>;

/** Runtime allowlist of methods: the contract's keys. */
export const METHOD_NAMES: readonly MethodName[] = Object.freeze(Object.keys(apiContract) as MethodName[]);

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(apiContract, name);
}

/** Push events from main to renderer (declared in shared/contract/events.ts, a leaf the preload can bundle alone). */
export type { EventName, VersoEvents } from './contract/events.js';
import type { EventName, VersoEvents } from './contract/events.js';

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What every transport provides to the renderer's client. */
export interface ApiTransport {
  invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<ApiResult<MethodOutput<M>>>;
  subscribe<E extends EventName>(event: E, listener: (payload: VersoEvents[E]) => void): () => void;
}

/** Raised by the renderer's client when a call fails; carries the translated-on-display error. */
export class ApiCallError extends Error {
  readonly error: ApiError;
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.error = error;
  }
}
