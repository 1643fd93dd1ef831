/**
 * Test support, types only: what the renderer's component tests get from the backend harness.
 *
 * The harness (`main/testing/rendererBackend.ts`) runs the real services on a temporary SQLite file
 * with a scriptable MT engine and goes through the same validating dispatcher as IPC and HTTP. The
 * renderer never imports `main/`, so a vitest setup file of the renderer project
 * (`main/testing/rendererBackend.setup.ts`) puts the harness's factory on `globalThis` under
 * `TEST_BACKEND_GLOBAL`; `renderer/test/renderApp.tsx` takes it from there. Both sides are
 * checked against these types.
 */
import type { ApiTransport, MethodName, MethodOutput, VersoApi } from '../api.js';
import type { ApiError, DocumentDetail, ErrorCode, LanguagePair, ParagraphStatus, Profile, Role } from '../types.js';

/** One paragraph of a seeded document, brought to `status` through real calls. */
export interface ParagraphSeed {
  /** The source text; with `html` seeding, the paragraph's inner HTML (inline markup becomes codes). */
  source: string;
  /**
   * The text to reach. For `machine` it is what the MT engine answers for this source; for
   * `edited`, `translated` and `signed-off` it is typed over the MT (when `mt` is given) or over
   * the empty target.
   */
  target?: string;
  /** Default: `machine` when `target` is given, else `new`. */
  status?: ParagraphStatus;
  /** The MT text that comes first (status `edited` and later); default: none (typed from scratch). */
  mt?: string;
}

export interface DocumentSeed {
  title?: string;
  sourceLang?: string;
  targetLang?: string;
  /** Import the sources as HTML paragraphs (`<p>…</p>`), so inline markup becomes inline codes. */
  html?: boolean;
}

/** A library saved by `TestBackend.snapshot()`: backends made `from` it start with a copy. */
export interface TestSnapshot {
  readonly dir: string;
}

export interface TestBackendOptions {
  /** Start with a copy of this library (seed a large one once per file, not once per test). */
  from?: TestSnapshot;
  /** Language pairs the MT engine ("Apertium", id `apertium`) serves; default en → es. */
  mtPairs?: LanguagePair[];
  /** The version the MT engine reports (default "fake 1.0"). */
  mtVersion?: string;
  /** Words the MT engine reports as unknown wherever a source contains them. */
  mtUnknownWords?: string[];
  /**
   * Team sync over in-memory stand-ins of the team ports (main/testing/fakeTeamPorts.ts: a server
   * whose members are `ana`, translator, and `ed`, editor; a local store whose conflicts the test
   * sets). Without it the backend has no team sync, as one built without the ports.
   */
  team?: boolean;
}

/** One side of a conflict as the local store reports it. */
export interface TestTeamConflictSide {
  changeId: string;
  text: string;
  author: string;
  at: string;
}

/** The team stand-ins of a backend made with `team: true`. */
export interface TestTeam {
  /** The local store's open conflicts (head: what the server applied first). */
  setConflicts(conflicts: { paragraphId: string; documentId: string; head: TestTeamConflictSide; other: TestTeamConflictSide }[]): void;
  /** How the app resolved conflicts, in order. */
  readonly resolved: readonly { paragraphId: string; keep: { changeId: string } | { text: string } }[];
  /** Connections fail with this message until set back to null (a server that is down). */
  refuseConnections(message: string | null): void;
  /** An assignment as applying a pulled change would write it (role names; members: ana, ed). */
  assign(documentId: string, assignment: { translator: string | null; editor: string | null }): void;
  /** The team's members as a pull would cache them (team_members). */
  cacheMembers(members: { roleName: string; displayName: string; teamRole: 'translator' | 'editor' | 'admin' }[]): void;
}

export interface RecordedCall {
  method: MethodName;
  input: unknown;
}

export interface TestBackend {
  /** What the app under test talks to: the dispatcher of the real backend, payloads copied as over a wire. */
  readonly transport: ApiTransport;
  /** The same backend for set-up and for reading results back; its calls are not recorded. Failures throw `TestBackendError`. */
  readonly api: VersoApi;
  /** The calls the app made through `transport`, in order. */
  readonly calls: readonly RecordedCall[];
  callsOf(method: MethodName): unknown[];
  /** The app's next call of `method` gets this error instead of reaching the backend (failures tests cannot cause for real). */
  failNext(method: MethodName, error: ApiError): void;
  /** The app's next call of `method` gets this answer instead of reaching the backend (states tests cannot cause for real). */
  replyNext<M extends MethodName>(method: M, value: MethodOutput<M>): void;
  /**
   * The app's next call of `method` (after `skip` others go through) waits until `release` is
   * called, then reaches the backend: a slow answer.
   */
  holdNext(method: MethodName, options?: { skip?: number }): { release(): void };
  /** The MT engine waits before each paragraph: `step()` lets one more through, `release()` all (to look at a running job, or cancel it). */
  holdMt(): { step(): void; release(): void };
  /** The MT engine's next batch fails with this error code (e.g. ENGINE_FAILED), as a crashed engine would. */
  failMtNext(code: ErrorCode, message?: string): void;
  /** The texts the MT engine was asked to translate, one array per batch. */
  readonly mtBatches: readonly (readonly string[])[];
  /** Resolves when the job has ended (done, cancelled or failed); its final state. */
  jobEnded(jobId: string): Promise<string>;
  /** Creates the profile (or switches to it) and makes it current. */
  seedProfile(role?: Role, name?: string): Promise<Profile>;
  /** Imports a document and brings each paragraph to its seeded status through the services. */
  seedDocument(paragraphs: ParagraphSeed[], options?: DocumentSeed): Promise<DocumentDetail>;
  /** Runs MT over the document (or these paragraphs) and waits for the job to end. */
  runMt(documentId: string, paragraphIds?: string[]): Promise<void>;
  /** Closes this backend and keeps its library as a snapshot (removed after the test file). */
  snapshot(): TestSnapshot;
  /** The temporary data directory. */
  readonly dataDir: string;
  /** With `team: true`: the team stand-ins; else null. */
  readonly team: TestTeam | null;
  close(): void;
}

/** Async: the harness (and the whole backend) is loaded only by test files that use it. */
export type TestBackendFactory = (options?: TestBackendOptions) => Promise<TestBackend>;

/** The `globalThis` key the renderer project's setup file puts the factory under. */
export const TEST_BACKEND_GLOBAL = '__versoTestBackend';
