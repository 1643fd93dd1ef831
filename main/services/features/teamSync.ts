/**
 * The team sync loop (issue 16, docs/team.md): over the two ports (main/team/ports.ts) it connects,
 * learns who this library is, pushes the outbox in batches, pulls after the cursor until nothing
 * is left, then listens: each NOTIFY pulls (debounced), and a poll pushes what local writes added.
 * Any failure closes the connection and goes `offline`; it retries with a doubling delay (capped).
 * Nothing is lost on a failure: a change leaves the outbox only through `markPushed`, and pushing
 * again is idempotent on the server (a change id it has is answered with its stored seq).
 */
import type { TeamConnectionSettings, TeamLocalStore, TeamMember, TeamServer } from '../../team/ports.js';

/** Opens a connection to the team server (the `pg` client of main/team/server/). */
export type TeamConnect = (settings: TeamConnectionSettings, password: string) => Promise<TeamServer>;

export interface TeamSyncTuning {
  /** A connection attempt that takes longer is given up (and closed if it arrives later). */
  connectTimeoutMs: number;
  pushBatch: number;
  pullBatch: number;
  /** First retry delay after a failure; doubles per failure up to `backoffMaxMs`. */
  backoffMinMs: number;
  backoffMaxMs: number;
  /** While online, how often the outbox is checked for local writes. */
  pollMs: number;
  /** NOTIFYs within this time are one pull. */
  notifyDebounceMs: number;
  /** While online, a pull at least this often even without NOTIFY (a listener that died silently). */
  pullEveryMs: number;
}

export const DEFAULT_TEAM_SYNC_TUNING: TeamSyncTuning = {
  connectTimeoutMs: 10_000,
  pushBatch: 100,
  pullBatch: 500,
  backoffMinMs: 2_000,
  backoffMaxMs: 60_000,
  // A local write reaches the others within this (plus the push): one indexed read of the outbox each time.
  pollMs: 250,
  notifyDebounceMs: 100,
  pullEveryMs: 30_000,
};

export interface TeamSyncOptions {
  connect: TeamConnect;
  store: TeamLocalStore;
  /** The member this connection is (written to team_state.me: capture starts; documents made before joining are shared). */
  onMember: (me: TeamMember) => void | Promise<void>;
  /** A round reached the server and ended (ISO time). */
  onSynced: (at: string) => void;
  now: () => Date;
  tuning?: Partial<TeamSyncTuning>;
  /** Failures, for the log (never the password). */
  log?: (message: string) => void;
}

export type TeamSyncState = 'stopped' | 'offline' | 'syncing' | 'online';

export interface TeamSyncStatus {
  state: TeamSyncState;
  lastError: string | null;
  /** Failures in a row (0 once a round succeeds). */
  failures: number;
  /** Own changes waiting for another team: this server's team id is not the one they were made for (nothing synced). */
  switchBlocked: number | null;
}

export interface TeamSync {
  /** Starts (or restarts, with new settings) syncing; resolves when the first round has ended (failed or not). */
  start(settings: TeamConnectionSettings, password: string): Promise<void>;
  /** Stops: timers cleared, the connection closed; resolves once the round in flight has ended. */
  stop(): Promise<void>;
  /** One full round now (connecting first when offline); resolves when it has ended, failed or not. */
  syncNow(): Promise<void>;
  status(): TeamSyncStatus;
}

/** One library's team sync: its local store and the loop over it (ServiceDeps.team). */
export interface TeamRuntime {
  store: TeamLocalStore;
  sync: TeamSync;
}

interface Round {
  push: boolean;
  pull: boolean;
}

const noop = (): void => undefined;

class StaleRound extends Error {}

/** The server is another team (or its database was re-created) while own changes for the old one wait. */
export class TeamSwitchRefused extends Error {
  constructor(readonly waiting: number) {
    super(
      `This library has ${waiting} ${waiting === 1 ? 'change' : 'changes'} waiting for the team it synced with before, and this server is another team (or its database was re-created): nothing was sent or pulled. Connect to the team they were made for to send them, or choose “Forget and keep my local copy” to stop sending them (your documents keep the text).`,
    );
    this.name = 'TeamSwitchRefused';
  }
}

export function createTeamSync(options: TeamSyncOptions): TeamSync {
  const tuning = { ...DEFAULT_TEAM_SYNC_TUNING, ...options.tuning };
  const { store } = options;
  let target: { settings: TeamConnectionSettings; password: string } | null = null;
  let generation = 0;
  let server: TeamServer | null = null;
  let unlisten: (() => Promise<void>) | null = null;
  let state: TeamSyncState = 'stopped';
  let lastError: string | null = null;
  let failures = 0;
  let switchBlocked: number | null = null;
  let lastPull = 0;
  const timers = { retry: null as Timer | null, poll: null as Timer | null, notify: null as Timer | null };
  /** Rounds run one at a time, in order. */
  let chain: Promise<void> = Promise.resolve();

  function clearTimers(): void {
    for (const key of ['retry', 'poll', 'notify'] as const) {
      if (timers[key]) clearTimeout(timers[key]);
      timers[key] = null;
    }
  }

  function enqueue(round: Round): Promise<void> {
    const gen = generation;
    chain = chain.then(() => runRound(gen, round));
    return chain;
  }

  async function runRound(gen: number, round: Round): Promise<void> {
    if (gen !== generation || !target) return;
    try {
      const fresh = server === null;
      const s = server ?? (await open(gen));
      // Who this library is, asked after the team id is settled: sharing the documents made
      // before joining (onMember) must not count as changes waiting for another team.
      const reset = await joinTeam(s, gen);
      if (fresh || reset) await options.onMember(await s.whoami());
      state = 'syncing';
      if (round.push) await pushAll(s, gen);
      if (round.pull) await pullAll(s, gen);
      if (gen !== generation) return;
      failures = 0;
      lastError = null;
      switchBlocked = null;
      state = 'online';
      options.onSynced(options.now().toISOString());
      schedulePoll(gen);
    } catch (err) {
      if (gen !== generation || err instanceof StaleRound) return;
      await fail(gen, err);
    }
  }

  async function open(gen: number): Promise<TeamServer> {
    const { settings, password } = target!;
    const s = await withTimeout(options.connect(settings, password), tuning.connectTimeoutMs, settings);
    if (gen !== generation) {
      await s.close().catch(noop);
      throw new StaleRound();
    }
    server = s;
    unlisten = await s.listen(() => onNotify(gen));
    lastPull = 0;
    return s;
  }

  /**
   * Every round, before anything moves (the database may have been re-created under a live
   * connection): another team's id resets the cursor and heads, or stops here while own changes
   * for the old team wait. A reset forgot who this library is: true, so it is asked again.
   */
  async function joinTeam(s: TeamServer, gen: number): Promise<boolean> {
    const teamId = await s.teamId();
    if (gen !== generation) throw new StaleRound();
    const joined = store.joinTeam(teamId);
    if (!joined.ok) throw new TeamSwitchRefused(joined.waiting);
    return joined.reset;
  }

  async function pushAll(s: TeamServer, gen: number): Promise<void> {
    const pushed = new Set<string>();
    for (;;) {
      const batch = store.pendingChanges(tuning.pushBatch).filter((c) => !pushed.has(c.id));
      if (batch.length === 0) return;
      const results = await s.push(batch);
      if (gen !== generation) throw new StaleRound();
      store.markPushed(results);
      for (const c of batch) pushed.add(c.id);
    }
  }

  async function pullAll(s: TeamServer, gen: number): Promise<void> {
    let members: TeamMember[] | null = null;
    for (;;) {
      const after = store.cursor();
      const changes = await s.pull(after, tuning.pullBatch);
      if (gen !== generation) throw new StaleRound();
      if (changes.length === 0) break;
      members ??= await s.members();
      if (gen !== generation) throw new StaleRound();
      const report = store.applyPulled(changes, members);
      if (report.cursor <= after || changes.length < tuning.pullBatch) break;
    }
    lastPull = Date.now();
  }

  async function fail(gen: number, err: unknown): Promise<void> {
    failures++;
    lastError = describe(err, target?.settings);
    switchBlocked = err instanceof TeamSwitchRefused ? err.waiting : null;
    state = 'offline';
    // The first failure and every tenth after it: an offline laptop does not fill the log.
    if (failures % 10 === 1) options.log?.(`team sync failed (${failures} in a row): ${lastError}`);
    await dropConnection();
    if (gen !== generation) return;
    const delay = Math.min(tuning.backoffMaxMs, tuning.backoffMinMs * 2 ** Math.min(failures - 1, 30));
    clearTimers();
    timers.retry = setTimeout(() => {
      timers.retry = null;
      void enqueue({ push: true, pull: true });
    }, delay);
  }

  async function dropConnection(): Promise<void> {
    const s = server;
    const u = unlisten;
    server = null;
    unlisten = null;
    if (u) await u().catch(noop);
    if (s) await s.close().catch(noop);
  }

  function onNotify(gen: number): void {
    if (gen !== generation) return;
    if (timers.notify) clearTimeout(timers.notify);
    timers.notify = setTimeout(() => {
      timers.notify = null;
      void enqueue({ push: false, pull: true });
    }, tuning.notifyDebounceMs);
  }

  function schedulePoll(gen: number): void {
    if (timers.poll) clearTimeout(timers.poll);
    timers.poll = setTimeout(() => {
      timers.poll = null;
      if (gen !== generation || !server) return;
      const pull = Date.now() - lastPull >= tuning.pullEveryMs;
      const push = hasPending();
      if (push || pull) void enqueue({ push, pull });
      else schedulePoll(gen);
    }, tuning.pollMs);
  }

  function hasPending(): boolean {
    try {
      return store.pendingChanges(1).length > 0;
    } catch {
      // The library closed under the poll: the stop follows.
      return false;
    }
  }

  return {
    start(settings, password) {
      generation++;
      clearTimers();
      void dropConnection();
      target = { settings, password };
      // Connecting: "syncing" until the first round says online or offline.
      state = 'syncing';
      lastError = null;
      failures = 0;
      switchBlocked = null;
      return enqueue({ push: true, pull: true });
    },
    async stop() {
      generation++;
      target = null;
      clearTimers();
      state = 'stopped';
      switchBlocked = null;
      await dropConnection();
      await chain;
    },
    syncNow() {
      if (timers.retry) {
        clearTimeout(timers.retry);
        timers.retry = null;
      }
      return enqueue({ push: true, pull: true });
    },
    status() {
      return { state, lastError, failures, switchBlocked };
    },
  };
}

type Timer = ReturnType<typeof setTimeout>;

/** The connection, or a clear error when it takes longer than `ms` (a late connection is closed). */
function withTimeout(connecting: Promise<TeamServer>, ms: number, settings: TeamConnectionSettings): Promise<TeamServer> {
  return new Promise((resolve, reject) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      reject(new Error(`The team server at ${where(settings)} did not answer within ${Math.round(ms / 1000)} s.`));
    }, ms);
    connecting.then(
      (s) => {
        clearTimeout(timer);
        if (timedOut) void s.close().catch(noop);
        else resolve(s);
      },
      (err: unknown) => {
        clearTimeout(timer);
        if (!timedOut) reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}

function where(settings: TeamConnectionSettings): string {
  return settings.host.startsWith('/') ? settings.host : `${settings.host}:${settings.port}`;
}

/** One sentence for the status line: what failed, and where. */
function describe(err: unknown, settings: TeamConnectionSettings | undefined): string {
  const message = err instanceof Error ? err.message : String(err);
  if (!settings || message.includes(where(settings))) return message;
  return `${message} (team server ${where(settings)})`;
}
