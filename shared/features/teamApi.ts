/**
 * Types of the team library's settings, status, conflicts and assignments (issue 16,
 * docs/team.md); the methods are declared in `teamContract.ts`.
 */
import type { ChangeKind, RefusalCode } from '../team/changes.js';

/** `not-configured`: no team server set; `offline`: set but not reachable (retrying); `syncing`: pushing or pulling now. */
export const TEAM_STATES = ['not-configured', 'offline', 'syncing', 'online'] as const;
export type TeamState = (typeof TEAM_STATES)[number];

export const TEAM_TLS_MODES = ['verify-full', 'none'] as const;
export type TeamTlsMode = (typeof TEAM_TLS_MODES)[number];

export const TEAM_ROLES = ['translator', 'editor', 'admin'] as const;
export type TeamRoleName = (typeof TEAM_ROLES)[number];

/** Limits of the settings' fields (PostgreSQL names are at most 63 bytes). */
export const TEAM_HOST_MAX = 255;
export const TEAM_NAME_MAX = 63;
export const TEAM_PASSWORD_MAX = 1000;
export const TEAM_CA_MAX_CHARS = 64 * 1024;

/** The team server's settings as shown back: never the password, only whether one is stored. */
export interface TeamSettingsView {
  host: string;
  port: number;
  database: string;
  user: string;
  tls: TeamTlsMode;
  /** The CA certificate's subject (verify-full), or null. */
  caSubject: string | null;
  passwordSet: boolean;
}

/** The member this library is, as the server said last. */
export interface TeamMe {
  roleName: string;
  displayName: string;
  teamRole: TeamRoleName;
}

/** A change the server refused; it was taken back locally (docs/team.md#client-local-sqlite-migration-0300). */
export interface TeamRefusal {
  changeId: string;
  kind: ChangeKind;
  documentId: string;
  /** The document's title in this library (null: not here, e.g. deleted). */
  documentTitle: string | null;
  code: RefusalCode;
  message: string;
}

export interface TeamStatus {
  /** False when this process has no team sync (e.g. a backend built without it). */
  available: boolean;
  configured: boolean;
  state: TeamState;
  /** Local changes not yet acknowledged by the server. */
  waiting: number;
  /** ISO 8601: the end of the last sync round that reached the server. */
  lastSyncAt: string | null;
  /** Why the last attempt failed (while offline). */
  lastError: string | null;
  /** Own changes waiting for the team this library synced with before, while the server set is another team: nothing syncs until they are sent there or given up (Forget and keep my local copy). */
  switchBlocked: number | null;
  me: TeamMe | null;
  refusals: TeamRefusal[];
  settings: TeamSettingsView | null;
  /**
   * While in a team: documents of this library in the team, those not yet shared (made before
   * joining: shared when the server is reached), and those the team deleted that this library kept
   * because changes made here on them had not reached the team.
   */
  documents?: { shared: number; notShared: number; kept: { documentId: string; title: string; deletedBy: string }[] };
}

export interface TeamConflictSideView {
  changeId: string;
  text: string;
  author: string;
  at: string;
}

/**
 * A paragraph in conflict, seen from this member: `mine` is the side this member wrote; when
 * neither side is theirs, `theirs` is the head (what the server applied first) and `ownSide` is false.
 */
export interface TeamConflictView {
  paragraphId: string;
  documentId: string;
  mine: TeamConflictSideView;
  theirs: TeamConflictSideView;
  ownSide: boolean;
}

export interface TeamAssignment {
  documentId: string;
  /** What this member is to do on the document. */
  as: 'translator' | 'editor';
}

/** A member of the team as this library cached them (team_members, refreshed by each sync). */
export interface TeamMemberView {
  roleName: string;
  displayName: string;
  teamRole: TeamRoleName;
}

/**
 * A document's assignment as this library knows it (team_assignments). A member not (yet) in the
 * cached list is shown by role name. `canAssign`: the document is in the team and this member is
 * an editor or admin.
 */
export interface TeamDocumentAssignment {
  documentId: string;
  inTeam: boolean;
  canAssign: boolean;
  translator: TeamMemberView | null;
  editor: TeamMemberView | null;
}
