/**
 * Writes a paragraph's new state as applying decides it (a pulled change, or going back to the
 * server's head): the paragraph row and one revision through the revisions repository, which
 * chains it into the audit log (a remote sign-off with the signer's own claim and signature).
 */
import type Database from 'better-sqlite3';
import type { Paragraph, ParagraphStatus, RevisionAction, RevisionOrigin, Role } from '../../../shared/types.js';
import type { RemoteSignOff } from '../../db/audit/auditRecorder.js';
import type { Repositories } from '../../db/repositories/index.js';
import { sha256Hex } from '../../core/crypto.js';

export interface ParagraphState {
  target: string;
  status: ParagraphStatus;
  excluded: boolean;
}

export interface Actor {
  name: string;
  role: Role | null;
}

export interface WriteMeta {
  action: RevisionAction;
  origin: RevisionOrigin;
  actor: Actor;
  at: string;
  /** Required when the state is signed off: the signer's claim and signature. */
  signOff?: RemoteSignOff;
}

const ACTIONS: readonly RevisionAction[] = ['import', 'mt', 'edit', 'confirm', 'sign-off', 'sign-off-withdrawn', 'exclude', 'include'];
const ORIGINS: readonly RevisionOrigin[] = ['import', 'mt', 'human', 'tm'];

/** A payload's action as a revision action (`restore` and other names unknown here are edits). */
export function revisionAction(action: string): RevisionAction {
  return (ACTIONS as readonly string[]).includes(action) ? (action as RevisionAction) : 'edit';
}

export function revisionOrigin(origin: string | undefined): RevisionOrigin {
  return origin !== undefined && (ORIGINS as readonly string[]).includes(origin) ? (origin as RevisionOrigin) : 'human';
}

type Params = Record<string, string | null>;

export function createParagraphWriter(db: Database.Database, repos: Pick<Repositories, 'revisions'>) {
  const updateStmt = db.prepare<[Params]>(
    `UPDATE paragraphs SET target = @target, status = @status, signed_off_by = NULL, signed_off_name = @signed_off_name,
       signed_off_role = @signed_off_role, signed_off_at = @signed_off_at, signed_off_hash = @signed_off_hash,
       excluded_at = @excluded_at, excluded_by = @excluded_by, excluded_role = @excluded_role, excluded_origin = @excluded_origin,
       updated_at = @updated_at
     WHERE id = @id`,
  );

  // The library lists recently changed documents first: a pulled change counts (never moves it back).
  const touchStmt = db.prepare<[string, string]>('UPDATE documents SET updated_at = max(updated_at, ?) WHERE id = ?');

  function exclusionParams(p: Paragraph, state: ParagraphState, meta: WriteMeta): Params {
    if (!state.excluded) return { excluded_at: null, excluded_by: null, excluded_role: null, excluded_origin: null };
    const e = p.excluded ?? { at: meta.at, name: meta.actor.name, role: meta.actor.role, origin: 'human' as const };
    return { excluded_at: e.at, excluded_by: e.name, excluded_role: e.role, excluded_origin: e.origin };
  }

  return {
    /** The paragraph as `state` says, and its revision (author: the member; no local profile). */
    write(p: Paragraph, state: ParagraphState, meta: WriteMeta): void {
      const signed = state.status === 'signed-off';
      if (signed && !meta.signOff) throw new Error(`paragraph ${p.id}: a signed-off state needs the signer's claim`);
      updateStmt.run({
        id: p.id,
        target: state.target,
        status: state.status,
        signed_off_name: signed ? meta.actor.name : null,
        signed_off_role: signed ? (meta.signOff?.claim.role ?? null) : null,
        signed_off_at: signed ? (meta.signOff?.claim.at ?? null) : null,
        signed_off_hash: signed ? sha256Hex(state.target) : null,
        ...exclusionParams(p, state, meta),
        updated_at: meta.at,
      });
      repos.revisions.insert(
        {
          paragraphId: p.id,
          documentId: p.documentId,
          profileId: null,
          authorName: meta.actor.name,
          role: meta.actor.role,
          origin: meta.origin,
          action: signed ? 'sign-off' : meta.action === 'sign-off' ? 'edit' : meta.action,
          mtEngine: null,
          beforeText: p.target,
          afterText: state.target,
          statusBefore: p.status,
          statusAfter: state.status,
          createdAt: meta.at,
        },
        signed ? meta.signOff : undefined,
      );
      touchStmt.run(meta.at, p.documentId);
    },
  };
}

export type ParagraphWriter = ReturnType<typeof createParagraphWriter>;
