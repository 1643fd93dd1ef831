/** The team library (issue 16, docs/team.md): settings, status, sync, conflicts, assignments; declared once. */
import { z } from 'zod';
import { exactly, type ApiOf, type Contract } from '../contract/contract.js';
import { empty, id } from '../contract/models.js';
import { CHANGE_KINDS, REFUSAL_CODES } from '../team/changes.js';
import {
  TEAM_CA_MAX_CHARS,
  TEAM_HOST_MAX,
  TEAM_NAME_MAX,
  TEAM_PASSWORD_MAX,
  TEAM_ROLES,
  TEAM_STATES,
  TEAM_TLS_MODES,
  type TeamAssignment,
  type TeamConflictSideView,
  type TeamConflictView,
  type TeamDocumentAssignment,
  type TeamMemberView,
  type TeamStatus,
} from './teamApi.js';

const teamStatus = exactly<TeamStatus>()(
  z.object({
    available: z.boolean(),
    configured: z.boolean(),
    state: z.enum(TEAM_STATES),
    waiting: z.number(),
    lastSyncAt: z.string().nullable(),
    lastError: z.string().nullable(),
    switchBlocked: z.number().nullable(),
    me: z.object({ roleName: z.string(), displayName: z.string(), teamRole: z.enum(TEAM_ROLES) }).nullable(),
    refusals: z.array(
      z.object({
        changeId: z.string(),
        kind: z.enum(CHANGE_KINDS),
        documentId: z.string(),
        documentTitle: z.string().nullable(),
        code: z.enum(REFUSAL_CODES),
        message: z.string(),
      }),
    ),
    settings: z
      .object({
        host: z.string(),
        port: z.number(),
        database: z.string(),
        user: z.string(),
        tls: z.enum(TEAM_TLS_MODES),
        caSubject: z.string().nullable(),
        passwordSet: z.boolean(),
      })
      .nullable(),
    documents: z
      .object({
        shared: z.number(),
        notShared: z.number(),
        kept: z.array(z.object({ documentId: z.string(), title: z.string(), deletedBy: z.string() })),
      })
      .optional(),
  }),
);

const side = exactly<TeamConflictSideView>()(z.object({ changeId: z.string(), text: z.string(), author: z.string(), at: z.string() }));
const conflict = exactly<TeamConflictView>()(
  z.object({ paragraphId: z.string(), documentId: z.string(), mine: side, theirs: side, ownSide: z.boolean() }),
);
const assignment = exactly<TeamAssignment>()(z.object({ documentId: z.string(), as: z.enum(['translator', 'editor']) }));

const name = z.string().trim().min(1).max(TEAM_NAME_MAX);
const memberView = exactly<TeamMemberView>()(z.object({ roleName: z.string(), displayName: z.string(), teamRole: z.enum(TEAM_ROLES) }));
const documentAssignment = exactly<TeamDocumentAssignment>()(
  z.object({
    documentId: z.string(),
    inTeam: z.boolean(),
    canAssign: z.boolean(),
    translator: memberView.nullable(),
    editor: memberView.nullable(),
  }),
);

export const teamContract = {
  /** Whether a team server is set, the sync state, changes waiting, the last sync and error, who this library is, refused changes. */
  getTeamStatus: { input: empty, output: teamStatus, errors: [] },
  /**
   * Stores the team server's address (settings table) and password (the key store, like engine
   * keys; never returned), then connects. The password may be left out to keep the stored one
   * (only for the same host, port, database and user) or to use VERSO_TEAM_PASSWORD. `none` (no
   * TLS) only to a loopback host or a Unix socket (TEAM_TLS_REQUIRED); `verify-full` needs the CA
   * certificate's PEM text (null keeps the stored one). A key store that refuses to keep the
   * password as plain text: TEAM_PASSWORD_NOT_STORED.
   */
  saveTeamSettings: {
    input: z
      .object({
        host: z.string().trim().min(1).max(TEAM_HOST_MAX),
        port: z.number().int().min(1).max(65535),
        database: name,
        user: name,
        password: z.string().min(1).max(TEAM_PASSWORD_MAX).optional(),
        tls: z.enum(TEAM_TLS_MODES),
        caPem: z.string().max(TEAM_CA_MAX_CHARS).nullable(),
      })
      .strict(),
    output: teamStatus,
    errors: ['TEAM_TLS_REQUIRED', 'TEAM_CA_INVALID', 'TEAM_HOST_INVALID', 'TEAM_PASSWORD_MISSING', 'TEAM_PASSWORD_NOT_STORED'],
  },
  /**
   * Stops syncing and forgets the server and its password. Changes waiting stay in the outbox (sent once a team is set again).
   * `dropTeamState` ("Forget and keep my local copy"): the local team state goes too — the outbox (its changes are not sent),
   * cursor, heads, conflicts, members, assignments — so this library can join another team; documents keep every text.
   */
  forgetTeamSettings: { input: z.object({ dropTeamState: z.boolean().optional() }).strict(), output: teamStatus, errors: [] },
  /** Syncs now (connecting first when offline) and answers the status after that round. */
  syncTeamNow: { input: empty, output: teamStatus, errors: ['TEAM_NOT_CONFIGURED', 'TEAM_UNAVAILABLE'] },
  /** The document's paragraphs in conflict, with both texts. */
  listTeamConflicts: {
    input: z.object({ documentId: id }).strict(),
    output: z.object({ conflicts: z.array(conflict) }),
    errors: ['TEAM_UNAVAILABLE'],
  },
  /**
   * Resolves a paragraph's conflict: keep mine, keep theirs, or `edited` with the text as the
   * member edited it. A change on the head with `resolves` goes to the outbox.
   */
  resolveTeamConflict: {
    input: z.discriminatedUnion('keep', [
      z.object({ paragraphId: id, keep: z.enum(['mine', 'theirs']) }).strict(),
      z.object({ paragraphId: id, keep: z.literal('edited'), text: z.string().max(100_000) }).strict(),
    ]),
    output: z.object({ conflicts: z.array(conflict) }),
    errors: ['TEAM_CONFLICT_NOT_FOUND', 'TEAM_UNAVAILABLE', 'NO_PROFILE'],
  },
  /** Documents assigned to this member (as translator or editor); empty outside a team. */
  listAssignedToMe: { input: empty, output: z.object({ assignments: z.array(assignment) }), errors: [] },
  /** The team's members as cached at the last sync (empty outside a team), by display name. */
  listTeamMembers: { input: empty, output: z.object({ members: z.array(memberView) }), errors: [] },
  /** Who translates and who edits the document (team_assignments), and whether this member may change it. */
  getDocumentAssignment: { input: z.object({ documentId: id }).strict(), output: documentAssignment, errors: [] },
  /**
   * Assigns the document to a translator and an editor (role names; null: nobody). Only for a
   * document in the team (TEAM_DOCUMENT_NOT_IN_TEAM), only by an editor or admin
   * (TEAM_ASSIGN_NEEDS_EDITOR); the translator must be a known member, the editor a known member
   * whose team role is editor (TEAM_MEMBER_UNKNOWN). Written locally at once and as an
   * `assignment` change in the outbox (the server keeps it in its history).
   */
  assignDocument: {
    input: z.object({ documentId: id, translator: name.nullable(), editor: name.nullable() }).strict(),
    output: documentAssignment,
    errors: ['TEAM_NOT_CONFIGURED', 'TEAM_DOCUMENT_NOT_IN_TEAM', 'TEAM_ASSIGN_NEEDS_EDITOR', 'TEAM_MEMBER_UNKNOWN', 'DOCUMENT_NOT_FOUND'],
  },
  /**
   * Shares again a document the team deleted that this library kept (`documents.kept` of the
   * status): a `document` change with its state as stored now, so the team gets it back
   * (TEAM_DOCUMENT_NOT_KEPT when it is not such a document).
   */
  shareTeamDocumentAgain: {
    input: z.object({ documentId: id }).strict(),
    output: teamStatus,
    errors: ['TEAM_NOT_CONFIGURED', 'TEAM_DOCUMENT_NOT_KEPT'],
  },
} as const satisfies Contract;

export type TeamApi = ApiOf<typeof teamContract>;
