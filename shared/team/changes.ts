/**
 * The team library's unit of sync: a change. Every local change that other members must see is a
 * change in the outbox (client-generated id, the change it was based on); the server gives each a
 * sequence number in commit order and an outcome; every client applies the server's order with
 * the same rules (`docs/team.md`). Pure types and schemas: no Node, no DOM.
 */
import { z } from 'zod';

/** What a change is about. The server inspects only `kind`, `entityId`, `baseId` and, for sign-offs, `payload.keyId`. */
export const CHANGE_KINDS = [
  'document', // entity: document id. A document as imported (all paragraphs); base null.
  'paragraph', // entity: paragraph id. A new state of the paragraph (edit, confirm, MT, withdrawal, exclude/include, restore).
  'sign-off', // entity: paragraph id. Editors only; base must be the paragraph's head (else refused).
  'comment', // entity: comment id. A comment, or its resolution.
  'tm-unit', // entity: `tm-batch:<uuid>` (up to 1,000 units a member imported) or `tm-replace:<uuid>` (a pair's TMX units removed).
  'glossary-term', // entity: term id. A term added, changed or removed.
  'assignment', // entity: `assignment:<document id>` (the document id stands for the document). Who translates and who edits a document; editors and admins only.
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** Kinds whose entity has a head: a change based on anything but the head is a conflict (kept, never dropped). */
export const VERSIONED_KINDS: ReadonlySet<ChangeKind> = new Set(['paragraph', 'sign-off', 'glossary-term', 'assignment']);

/** Server outcome. `applied`: became the entity's head. `conflict`: kept beside the head until a change resolves it. */
export type ChangeOutcome = 'applied' | 'conflict';

const uuid = z.string().uuid();

/** A change as a client writes it to its outbox and pushes it. */
export const outgoingChangeSchema = z.object({
  id: uuid,
  kind: z.enum(CHANGE_KINDS),
  documentId: z.string().min(1).max(200),
  entityId: z.string().min(1).max(200),
  /** The entity's head this change was made on; null for the first change of an entity. */
  baseId: uuid.nullable(),
  /** Kind-specific content (docs/team.md#payloads); for a paragraph change that resolves conflicts: `resolves: [ids]`. */
  payload: z.record(z.string(), z.unknown()),
  /** ISO 8601 with Z or an offset, the client's clock (informative only; order is the server's; stored as timestamptz). */
  clientAt: z.iso.datetime({ offset: true }).max(64),
});
export type OutgoingChange = z.infer<typeof outgoingChangeSchema>;

/** A change as the server stores and serves it. */
export const serverChangeSchema = outgoingChangeSchema.extend({
  /** Server sequence number: commit order, no gaps visible to a reader that follows the cursor. */
  seq: z.number().int().positive(),
  /** The PostgreSQL role that pushed it (forced by the server; cannot be claimed). */
  author: z.string().min(1),
  outcome: z.enum(['applied', 'conflict']),
  receivedAt: z.string(),
});
export type ServerChange = z.infer<typeof serverChangeSchema>;

/** Why the server refused a change (the push of that change fails; the rest of the batch goes on). */
export const REFUSAL_CODES = [
  'TEAM_NOT_MEMBER', // the role is not a registered member
  'TEAM_ROLE_FORBIDDEN', // e.g. a sign-off or an assignment from a translator (RLS)
  'TEAM_KEY_NOT_REGISTERED', // a sign-off signed with a key that is not the author's registered key
  'TEAM_SIGN_OFF_STALE', // a sign-off on text that changed meanwhile (base is not the head, or the paragraph is in conflict)
  'TEAM_CHANGE_INVALID', // a malformed change
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

/** PostgreSQL SQLSTATE the server's triggers raise for each refusal (class "VS", user-defined). */
export const REFUSAL_SQLSTATE: Readonly<Record<RefusalCode, string>> = {
  TEAM_NOT_MEMBER: 'VS001',
  TEAM_ROLE_FORBIDDEN: 'VS002',
  TEAM_KEY_NOT_REGISTERED: 'VS003',
  TEAM_SIGN_OFF_STALE: 'VS004',
  TEAM_CHANGE_INVALID: 'VS005',
};

export type PushResult =
  { id: string; ok: true; seq: number; outcome: ChangeOutcome } | { id: string; ok: false; code: RefusalCode; message: string };
