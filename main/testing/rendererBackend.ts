/**
 * The real backend for the renderer's component tests: `createBackend` on a temporary data
 * directory (SQLite file, migrations, services, job runner, event hub) with a scriptable MT engine
 * standing in for Apertium. The app's calls go through the backend's validating dispatcher, as
 * over IPC or HTTP, with payloads copied through JSON both ways. See shared/testing/testBackend.ts.
 */
import {
  METHOD_NAMES,
  type ApiResult,
  type ApiTransport,
  type EventName,
  type MethodName,
  type VersoApi,
  type VersoEvents,
} from '../../shared/api.js';
import type { ApiError, DocumentDetail, ErrorCode, Profile, Role } from '../../shared/types.js';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import path from 'node:path';
import type {
  DocumentSeed,
  ParagraphSeed,
  RecordedCall,
  TestBackend,
  TestBackendOptions,
  TestSnapshot,
} from '../../shared/testing/testBackend.js';
import { createBackend, type Backend } from '../backend.js';
import { createMemorySecretStore } from '../engines/secretStore.js';
import { ServiceError } from '../core/serviceError.js';
import { actAs } from './actAs.js';
import { createFakeEngine, type FakeEngine } from './fakeEngine.js';
import { createFakeTeamDatabase, createFakeTeamStore } from './fakeTeamPorts.js';
import { makeTempDir, removeTempDir } from './tempDir.js';

/** A failure of a set-up call (`TestBackend.api`), with the envelope's code and details. */
export class TestBackendError extends Error {
  readonly code: string;
  readonly details: ApiError['details'];
  constructor(method: string, error: ApiError) {
    super(`${method}: ${error.code}: ${error.message}`);
    this.code = error.code;
    this.details = error.details;
  }
}

const SEED_EDITOR = { name: 'Seed Editor', role: 'editor' as const };

function wireCopy<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** The MT engine: answers seeded targets by source text, else "[<target language>] <source>". */
function createScriptedEngine(options: TestBackendOptions, answers: Map<string, string>) {
  const pairs = options.mtPairs ?? [{ source: 'en', target: 'es' }];
  const unknown = options.mtUnknownWords ?? [];
  const base = createFakeEngine({
    id: 'apertium',
    name: 'Apertium',
    kind: 'apertium',
    pairs,
    ...(options.mtVersion ? { version: options.mtVersion } : {}),
  });
  // While held, each paragraph waits for a step (or the release).
  let held = false;
  let allowed = 0;
  let wake: () => void = () => undefined;
  let woken = new Promise<void>((resolve) => (wake = resolve));
  const nudge = (): void => {
    wake();
    woken = new Promise<void>((resolve) => (wake = resolve));
  };
  let failure: ServiceError | null = null;
  async function turn(signal: AbortSignal, aborted: Promise<never>): Promise<void> {
    while (held && allowed === 0) await Promise.race([woken, aborted]);
    if (held) allowed--;
    signal.throwIfAborted();
  }
  const engine: FakeEngine = {
    ...base,
    local: true,
    async translateBatch(texts, pair, { signal, onResult }) {
      base.batches.push([...texts]);
      if (failure) {
        const error = failure;
        failure = null;
        throw error;
      }
      const aborted = new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
      aborted.catch(() => undefined);
      const out = [];
      for (const [i, text] of texts.entries()) {
        await turn(signal, aborted);
        const output = { text: answers.get(text) ?? `[${pair.target}] ${text}`, unknownWords: unknown.filter((w) => text.includes(w)) };
        out.push(output);
        onResult?.(i, output);
      }
      return out;
    },
  };
  return {
    engine,
    hold() {
      held = true;
      allowed = 0;
      return {
        step() {
          allowed++;
          nudge();
        },
        release() {
          held = false;
          nudge();
        },
      };
    },
    failNext(code: ErrorCode, message: string) {
      failure = new ServiceError(code, message);
    },
  };
}

/** Copies a snapshot's library (closed, so the database file is whole) into a fresh directory. */
function copyLibrary(from: TestSnapshot, dataDir: string): void {
  for (const name of fs.readdirSync(from.dir)) {
    if (name === 'verso.lock' || name === 'logs') continue;
    fs.cpSync(path.join(from.dir, name), path.join(dataDir, name), { recursive: true });
  }
}

export function createRendererBackend(options: TestBackendOptions = {}): TestBackend {
  const dataDir = makeTempDir('verso-renderer-');
  if (options.from) copyLibrary(options.from, dataDir);
  const answers = new Map<string, string>();
  const mt = createScriptedEngine(options, answers);
  const team = options.team ? { server: createFakeTeamDatabase(), store: createFakeTeamStore() } : null;
  const backend = createBackend({
    dataDir,
    mode: 'browser',
    version: '0.0.0-test',
    engines: [mt.engine],
    secrets: createMemorySecretStore(),
    backups: false,
    integrityCheckIdleMs: null,
    ...(team ? { team: { connect: (s, p) => team.server.connect(s, p), createLocalStore: () => team.store } } : {}),
  });
  let closed = false;
  async function dispatch(method: unknown, input: unknown): Promise<ApiResult<unknown>> {
    if (closed) return { ok: false, error: { code: 'INTERNAL', message: 'The test backend is closed.' } };
    return wireCopy(await backend.dispatch(method, wireCopy(input)));
  }
  const wire = createScriptedTransport(dispatch, backend.events, () => closed);
  const ended = watchJobEnds(backend.events);

  const api = Object.fromEntries(
    METHOD_NAMES.map((method) => [
      method,
      async (input: unknown) => {
        const result = await dispatch(method, input);
        if (!result.ok) throw new TestBackendError(method, result.error);
        return result.value;
      },
    ]),
  ) as unknown as VersoApi;

  async function runMt(documentId: string, paragraphIds?: string[]): Promise<void> {
    const { jobId, total } = await api.translateParagraphs(paragraphIds ? { documentId, paragraphIds } : { documentId });
    if (total === 0) return;
    const state = await ended(jobId);
    if (state !== 'done') throw new Error(`The seeding MT job ended ${state}`);
  }

  const seedDocument = (seeds: ParagraphSeed[], seed: DocumentSeed = {}) => seedThroughServices(api, answers, runMt, seeds, seed);

  return {
    ...wire,
    api,
    holdMt: () => mt.hold(),
    failMtNext: (code, message = 'The engine stopped.') => mt.failNext(code, message),
    mtBatches: mt.engine.batches,
    jobEnded: ended,
    seedProfile: (role: Role = 'translator', name = role === 'editor' ? 'Elena Editor' : 'Tess Translator'): Promise<Profile> =>
      actAs(api, { name, role }),
    seedDocument,
    runMt,
    dataDir,
    team: team && {
      setConflicts: (conflicts) => void (team.store.openConflicts = conflicts),
      resolved: team.store.resolved,
      refuseConnections: (message) => void (team.server.refuseConnections = message === null ? null : new Error(message)),
      assign(documentId, { translator, editor }) {
        const db = new Database(backend.dbPath);
        try {
          db.prepare('INSERT OR REPLACE INTO team_assignments (document_id, translator, editor, change_id) VALUES (?, ?, ?, ?)').run(
            documentId,
            translator,
            editor,
            `assignment-${documentId}`,
          );
        } finally {
          db.close();
        }
      },
      cacheMembers(members) {
        const db = new Database(backend.dbPath);
        try {
          const insert = db.prepare('INSERT OR REPLACE INTO team_members (role_name, display_name, team_role) VALUES (?, ?, ?)');
          for (const m of members) insert.run(m.roleName, m.displayName, m.teamRole);
        } finally {
          db.close();
        }
      },
    },
    snapshot() {
      if (closed) throw new Error('snapshot() of a closed test backend');
      closed = true;
      backend.close();
      return { dir: dataDir };
    },
    close() {
      // A snapshot's directory stays until its test file ends (the setup file removes it).
      if (closed) return;
      closed = true;
      backend.close();
      removeTempDir(dataDir);
    },
  };
}

type Dispatch = (method: unknown, input: unknown) => Promise<ApiResult<unknown>>;
type Scripting = Pick<TestBackend, 'transport' | 'calls' | 'callsOf' | 'failNext' | 'replyNext' | 'holdNext'>;

/** The app's transport: records each call, then answers as scripted (a failure, an answer, a hold) or from the backend. */
function createScriptedTransport(dispatch: Dispatch, events: Backend['events'], closed: () => boolean): Scripting {
  const calls: RecordedCall[] = [];
  const scripted = new Map<MethodName, ApiResult<unknown>[]>();
  const holds = new Map<MethodName, { skip: number; gate: Promise<void> }[]>();
  const script = (method: MethodName, answer: ApiResult<unknown>): void =>
    void scripted.set(method, [...(scripted.get(method) ?? []), answer]);
  const transport: ApiTransport = {
    async invoke(method, input) {
      calls.push({ method, input: wireCopy(input) });
      const answer = scripted.get(method)?.shift();
      if (answer) return wireCopy(answer) as never;
      const hold = holds.get(method)?.[0];
      if (hold && hold.skip > 0) hold.skip--;
      else if (hold) {
        holds.get(method)!.shift();
        await hold.gate;
      }
      return (await dispatch(method, input)) as never;
    },
    subscribe<E extends EventName>(event: E, listener: (payload: VersoEvents[E]) => void) {
      return events.subscribe((name: EventName, payload: unknown) => {
        if (name === event && !closed()) listener(wireCopy(payload) as VersoEvents[E]);
      });
    },
  };
  return {
    transport,
    calls,
    callsOf: (method) => calls.filter((c) => c.method === method).map((c) => c.input),
    failNext: (method, error) => script(method, { ok: false, error }),
    replyNext: (method, value) => script(method, { ok: true, value }),
    holdNext(method, options = {}) {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      holds.set(method, [...(holds.get(method) ?? []), { skip: options.skip ?? 0, gate }]);
      return { release: () => release() };
    },
  };
}

/** Resolves with a job's final state (done, cancelled or failed), also for a job that has already ended. */
function watchJobEnds(events: Backend['events']): (jobId: string) => Promise<string> {
  const ended = new Map<string, string>();
  const waiters = new Map<string, ((state: string) => void)[]>();
  events.subscribe((event, payload) => {
    if (event !== 'jobProgress' || payload.state === 'running') return;
    ended.set(payload.jobId, payload.state);
    for (const w of waiters.get(payload.jobId) ?? []) w(payload.state);
    waiters.delete(payload.jobId);
  });
  return (jobId) => {
    const state = ended.get(jobId);
    if (state) return Promise.resolve(state);
    return new Promise((resolve) => waiters.set(jobId, [...(waiters.get(jobId) ?? []), resolve]));
  };
}

/**
 * Imports the document, then brings each paragraph to its seeded status as people would: MT (the
 * engine answering the seeded text), edits, confirmation, and sign-off by an editor (the current
 * profile when it is one, else "Seed Editor", switching back afterwards).
 */
async function seedThroughServices(
  api: VersoApi,
  answers: Map<string, string>,
  runMt: (documentId: string, paragraphIds: string[]) => Promise<void>,
  seeds: ParagraphSeed[],
  seed: DocumentSeed,
): Promise<DocumentDetail> {
  const text = seed.html ? seeds.map((s) => `<p>${s.source}</p>`).join('\n') : seeds.map((s) => s.source).join('\n\n');
  const doc = await api.importDocument({
    source: { kind: 'text', text, format: seed.html ? 'html' : 'txt' },
    sourceLang: seed.sourceLang ?? 'en',
    targetLang: seed.targetLang ?? 'es',
    title: seed.title ?? seeds[0]?.source ?? 'Untitled',
  });
  if (doc.paragraphs.length !== seeds.length) throw new Error(`Seeding: ${seeds.length} paragraphs became ${doc.paragraphs.length}`);
  const plan = doc.paragraphs.map((p, i) => {
    const s = seeds[i]!;
    const status = s.status ?? (s.target !== undefined ? 'machine' : 'new');
    return { p, s, status, mtText: status === 'machine' ? s.target : s.mt };
  });
  const withMt = plan.filter((x) => x.mtText !== undefined);
  if (withMt.length > 0) {
    for (const x of withMt) answers.set(x.p.source, x.mtText!);
    await runMt(
      doc.id,
      withMt.map((x) => x.p.id),
    );
    for (const x of withMt) answers.delete(x.p.source);
  }
  for (const x of plan.filter((y) => y.status === 'edited' || y.status === 'translated' || y.status === 'signed-off')) {
    if (x.s.target !== undefined && x.s.target !== x.mtText) await api.updateParagraphTarget({ paragraphId: x.p.id, target: x.s.target });
  }
  const toConfirm = plan.filter((x) => x.status === 'translated').map((x) => x.p.id);
  if (toConfirm.length > 0) await api.confirmParagraphs({ paragraphIds: toConfirm });
  const toSign = plan.filter((x) => x.status === 'signed-off').map((x) => x.p.id);
  if (toSign.length > 0) await signOffAsEditor(api, toSign);
  return api.getDocument({ documentId: doc.id });
}

async function signOffAsEditor(api: VersoApi, paragraphIds: string[]): Promise<void> {
  const current = await api.getProfile({});
  if (current?.role !== 'editor') await actAs(api, SEED_EDITOR);
  const summary = await api.signOffReviewed({ paragraphIds });
  if (summary.skipped.length > 0) throw new Error(`Seeding sign-off skipped paragraphs: ${JSON.stringify(summary.skipped)}`);
  if (current && current.role !== 'editor') await api.switchProfile({ profileId: current.id });
}
