/**
 * The two halves of team sync and the seam between them. `TeamServer` is the PostgreSQL side
 * (main/team/server/), `TeamLocalStore` the local SQLite side (main/team/local/); the sync loop
 * (services/features/team*.ts) moves changes between them: push the outbox, pull after the cursor,
 * pull again when NOTIFY says so. Design: docs/team.md.
 */
import type { OutgoingChange, PushResult, ServerChange } from '../../shared/team/changes.js';

export type TeamRole = 'translator' | 'editor' | 'admin';

/** A registered member (a PostgreSQL login role in one of the verso_* groups). */
export interface TeamMember {
  roleName: string;
  displayName: string;
  teamRole: TeamRole;
  /** Ed25519 public key, SPKI PEM, registered by an admin; null until registered. */
  publicKey: string | null;
  /** `keyIdOf(publicKey)` (main/core/crypto.ts): the id sign-off claims name. */
  keyId: string | null;
}

/** Where the team server is. The password is kept apart, like engine keys. */
export interface TeamConnectionSettings {
  host: string;
  port: number;
  database: string;
  user: string;
  /** `verify-full` needs `caPem`; `none` (plain TCP) is allowed only to a loopback host or a Unix socket path. */
  tls: 'verify-full' | 'none';
  caPem: string | null;
}

export interface TeamServer {
  /** The team's id (`verso.team`, made once by the server's migration 0002): another id means another team, or the database re-created. */
  teamId(): Promise<string>;
  /** Idempotent: a change whose id the server has is answered with its stored seq and outcome. Each change stands alone (a refusal does not undo the others). */
  push(changes: readonly OutgoingChange[]): Promise<PushResult[]>;
  /** Changes with seq > afterSeq in seq order, at most `limit`. */
  pull(afterSeq: number, limit: number): Promise<ServerChange[]>;
  members(): Promise<TeamMember[]>;
  /** The member this connection is (by session_user). */
  whoami(): Promise<TeamMember>;
  /**
   * LISTEN verso_changes; `onNotify` runs for each NOTIFY. Returns a function that stops listening.
   * `onError` (optional) hears that the listening connection failed or ended: listen again (the caller reconnects).
   */
  listen(onNotify: () => void, onError?: (err: Error) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** What applying pulled changes did, for the status line and tests. */
export interface ApplyReport {
  applied: number;
  conflicts: number;
  /** Own changes the server confirmed (already in the local copy). */
  acknowledged: number;
  /** Changes not applied and why (e.g. a sign-off whose signature does not verify with the registered key). */
  rejected: { id: string; reason: string }[];
  cursor: number;
}

export interface TeamConflictSide {
  changeId: string;
  text: string;
  author: string;
  at: string;
}

export interface TeamConflict {
  paragraphId: string;
  documentId: string;
  /** The head (what the server applied first). */
  head: TeamConflictSide;
  /** The change made on the same base, kept beside the head. */
  other: TeamConflictSide;
}

/** What connecting to a team did to the local team state: kept, reset (another team), or refused while own changes for the other team wait. */
export type TeamJoin = { ok: true; reset: boolean } | { ok: false; waiting: number };

export interface TeamLocalStore {
  /** On connect, before any push or pull: the server's team id against the one this library synced with (local/teamIdentity.ts). */
  joinTeam(teamId: string): TeamJoin;
  /** Oldest first; changes not yet acknowledged by the server. */
  pendingChanges(limit: number): OutgoingChange[];
  /** Records push results: acknowledged ones leave the outbox; a refused one is taken back locally with its reason kept. */
  markPushed(results: readonly PushResult[]): void;
  cursor(): number;
  /** One transaction per call: applies the changes in seq order and moves the cursor; idempotent. */
  applyPulled(changes: readonly ServerChange[], members: readonly TeamMember[]): ApplyReport;
  conflicts(documentId: string): TeamConflict[];
  /** Writes a paragraph change on the head with `resolves`, keeping `keep`'s text (or the given text). */
  resolveConflict(paragraphId: string, keep: { changeId: string } | { text: string }): void;
  waitingCount(): number;
  /** SHA-256 over the synced state (documents, paragraphs, history, comments, sign-offs, exclusions, TM, glossary, conflicts): equal on converged clients. */
  stateHash(): string;
}
