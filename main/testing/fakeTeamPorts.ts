/**
 * Test-only stand-ins for the two team ports (main/team/ports.ts), for the sync loop's and the team
 * service's tests before the real ones (main/team/server/, main/team/local/) are merged: an
 * in-memory team server (idempotent push by change id, seq in commit order, NOTIFY to every
 * listener after a push) and an in-memory local store (outbox, cursor, conflicts). They keep no
 * merge rules: every change is `applied`.
 */
import { randomUUID } from 'node:crypto';
import type { OutgoingChange, PushResult, ServerChange } from '../../shared/team/changes.js';
import type { ApplyReport, TeamConflict, TeamConnectionSettings, TeamLocalStore, TeamMember, TeamServer } from '../team/ports.js';

export interface FakeTeamDatabase {
  /** The team's id (verso.team): set another to stand for the database re-created. */
  teamId: string;
  changes: ServerChange[];
  members: TeamMember[];
  /** The next connection attempt(s) fail with this error until it is set back to null. */
  refuseConnections: Error | null;
  /** The next push stores this many changes and then fails (a connection lost mid-way); once. */
  failPushAfter: number | null;
  /** Refuse changes of these ids (code TEAM_ROLE_FORBIDDEN). */
  refuse: Set<string>;
  connects: { settings: TeamConnectionSettings; password: string; at: number }[];
  pushes: number;
  pulls: number;
  open: number;
  /** What connect does: a server for `roleName`. */
  connect(settings: TeamConnectionSettings, password: string): Promise<TeamServer>;
  /** Another member's change arrives on the server (NOTIFY to every listener). */
  insertFromElsewhere(change: Omit<ServerChange, 'seq' | 'receivedAt' | 'outcome'>): ServerChange;
}

export function member(roleName: string, teamRole: TeamMember['teamRole'] = 'translator'): TeamMember {
  return { roleName, displayName: roleName.replace(/^./, (c) => c.toUpperCase()), teamRole, publicKey: null, keyId: null };
}

export function createFakeTeamDatabase(members: TeamMember[] = [member('ana'), member('ed', 'editor')]): FakeTeamDatabase {
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const l of [...listeners]) l();
  };
  const store = (change: OutgoingChange, author: string): ServerChange => {
    const found = db.changes.find((c) => c.id === change.id);
    if (found) return found;
    const stored: ServerChange = {
      ...change,
      seq: db.changes.length + 1,
      author,
      outcome: 'applied',
      receivedAt: new Date(0).toISOString(),
    };
    db.changes.push(stored);
    return stored;
  };
  const db: FakeTeamDatabase = {
    teamId: randomUUID(),
    changes: [],
    members,
    refuseConnections: null,
    failPushAfter: null,
    refuse: new Set(),
    connects: [],
    pushes: 0,
    pulls: 0,
    open: 0,
    async connect(settings, password) {
      db.connects.push({ settings, password, at: Date.now() });
      if (db.refuseConnections) throw db.refuseConnections;
      const me = db.members.find((m) => m.roleName === settings.user);
      if (!me) throw new Error(`password authentication failed for user "${settings.user}"`);
      let closed = false;
      db.open++;
      const alive = () => {
        if (closed) throw new Error('Connection terminated');
      };
      const mine = new Set<() => void>();
      return {
        async teamId() {
          alive();
          return db.teamId;
        },
        async push(changes) {
          alive();
          db.pushes++;
          const results: PushResult[] = [];
          for (const [i, change] of changes.entries()) {
            if (db.failPushAfter !== null && i >= db.failPushAfter) {
              db.failPushAfter = null;
              notify();
              throw new Error('Connection terminated unexpectedly');
            }
            if (db.refuse.has(change.id)) {
              results.push({
                id: change.id,
                ok: false,
                code: 'TEAM_ROLE_FORBIDDEN',
                message: 'new row violates row-level security policy',
              });
              continue;
            }
            const stored = store(change, me.roleName);
            results.push({ id: change.id, ok: true, seq: stored.seq, outcome: stored.outcome });
          }
          notify();
          return results;
        },
        async pull(afterSeq, limit) {
          alive();
          db.pulls++;
          return db.changes.filter((c) => c.seq > afterSeq).slice(0, limit);
        },
        async members() {
          alive();
          return db.members;
        },
        async whoami() {
          alive();
          return me;
        },
        async listen(onNotify) {
          alive();
          listeners.add(onNotify);
          mine.add(onNotify);
          return async () => {
            listeners.delete(onNotify);
            mine.delete(onNotify);
          };
        },
        async close() {
          if (closed) return;
          closed = true;
          db.open--;
          for (const l of mine) listeners.delete(l);
        },
      };
    },
    insertFromElsewhere(change) {
      const stored = store({ ...change }, change.author);
      notify();
      return stored;
    },
  };
  return db;
}

export interface FakeTeamStore extends TeamLocalStore {
  teamId: string | null;
  outbox: OutgoingChange[];
  applied: ServerChange[];
  refused: PushResult[];
  openConflicts: TeamConflict[];
  resolved: { paragraphId: string; keep: { changeId: string } | { text: string } }[];
  /** A local write: a change into the outbox. */
  write(change: Partial<OutgoingChange> & { entityId: string }): OutgoingChange;
}

let counter = 0;

/** A change id (a UUID, as the outbox makes them). */
export function changeId(): string {
  counter++;
  return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}

export function createFakeTeamStore(): FakeTeamStore {
  let cursor = 0;
  const acked = new Map<string, number>();
  const s: FakeTeamStore = {
    teamId: null,
    joinTeam(teamId) {
      if (s.teamId === teamId) return { ok: true, reset: false };
      const waiting = s.waitingCount();
      if (s.teamId !== null && waiting > 0) return { ok: false, waiting };
      const reset = s.teamId !== null;
      s.teamId = teamId;
      if (reset) {
        cursor = 0;
        acked.clear();
        s.outbox = [];
      }
      return { ok: true, reset };
    },
    outbox: [],
    applied: [],
    refused: [],
    openConflicts: [],
    resolved: [],
    write(change) {
      const full: OutgoingChange = {
        id: changeId(),
        kind: 'paragraph',
        documentId: 'doc-1',
        baseId: null,
        payload: { target: 'x' },
        clientAt: new Date(0).toISOString(),
        ...change,
      };
      s.outbox.push(full);
      return full;
    },
    pendingChanges(limit) {
      return s.outbox.filter((c) => !acked.has(c.id)).slice(0, limit);
    },
    markPushed(results) {
      for (const r of results) {
        if (r.ok) acked.set(r.id, r.seq);
        else {
          s.refused.push(r);
          s.outbox = s.outbox.filter((c) => c.id !== r.id);
        }
      }
    },
    cursor: () => cursor,
    applyPulled(changes): ApplyReport {
      const report: ApplyReport = { applied: 0, conflicts: 0, acknowledged: 0, rejected: [], cursor };
      for (const c of changes) {
        if (c.seq <= cursor) continue;
        if (acked.has(c.id)) {
          report.acknowledged++;
          s.outbox = s.outbox.filter((o) => o.id !== c.id);
          acked.delete(c.id);
        } else {
          s.applied.push(c);
          report.applied++;
        }
        cursor = c.seq;
      }
      report.cursor = cursor;
      return report;
    },
    conflicts: (documentId) => s.openConflicts.filter((c) => c.documentId === documentId),
    resolveConflict(paragraphId, keep) {
      s.resolved.push({ paragraphId, keep });
      s.openConflicts = s.openConflicts.filter((c) => c.paragraphId !== paragraphId);
    },
    waitingCount: () => s.outbox.filter((c) => !acked.has(c.id)).length,
    stateHash: () => '',
  };
  return s;
}
