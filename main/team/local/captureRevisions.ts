/**
 * Capture of revisions (the one hook: the revisions repository calls it inside every revision
 * write, composed in backend.ts). A revision of a paragraph whose document is in the team becomes
 * a `paragraph` change with the paragraph's new state, a sign-off a `sign-off` change carrying the
 * signed claim from the audit log. Autosave folds edits into one revision: while its change is
 * unsent the change's payload follows; once sent, a further edit is a new change based on it.
 */
import type Database from 'better-sqlite3';
import type { RevisionObserver } from '../../db/repositories/revisionsRepo.js';
import type { StoredAuditEntry } from '../../db/repositories/audit/auditRepo.js';
import { claimOf } from '../../db/audit/auditEntries.js';
import { captureActive } from './captureSwitch.js';
import { paragraphPayload, type RevisionInfo } from './capturePayloads.js';
import { addChange, localHead, outboxStatements } from './outboxStore.js';
import { resolvingIds } from './conflictsResolveHook.js';

/** A document is in the team once it has a head: its `document` change was made here or pulled. */
export function documentInTeam(db: Database.Database, documentId: string): boolean {
  return localHead(db, documentId) !== null;
}

export function signOffPayload(entry: StoredAuditEntry, target: string, rev: RevisionInfo): Record<string, unknown> {
  const parsed = claimOf(entry.payload);
  const claim = parsed === null ? null : (({ legacy: _legacy, ...c }) => c)(parsed);
  return {
    claim,
    signature: entry.signature,
    keyId: entry.keyId,
    target,
    status: 'signed-off',
    authorName: rev.authorName,
    role: rev.role,
  };
}

interface RevisionRow {
  paragraph_id: string;
  document_id: string;
  action: string;
  origin: string;
  mt_engine: string | null;
  author_name: string;
  role: string | null;
}

export function createRevisionCapture(db: Database.Database): RevisionObserver {
  const revisionStmt = db.prepare<[number], RevisionRow>(
    'SELECT paragraph_id, document_id, action, origin, mt_engine, author_name, role FROM revisions WHERE id = ?',
  );
  const s = outboxStatements(db);

  function capture(revisionId: number, r: RevisionRow, at: string, signOff: StoredAuditEntry | null): void {
    const info: RevisionInfo = { action: r.action, origin: r.origin, mtEngine: r.mt_engine, authorName: r.author_name, role: r.role };
    const payload = paragraphPayload(db, r.paragraph_id, info);
    if (!payload) return;
    // A conflict being resolved (Keep mine / Keep theirs): the server clears these conflict ids.
    const resolves = resolvingIds(db);
    if (resolves !== null) payload.resolves = [...resolves];
    const isSignOff = r.action === 'sign-off' && signOff !== null;
    const change = addChange(db, {
      kind: isSignOff ? 'sign-off' : 'paragraph',
      documentId: r.document_id,
      entityId: r.paragraph_id,
      payload: isSignOff ? signOffPayload(signOff, String(payload.target), info) : payload,
      at,
    });
    s.setRevisionChange.run(revisionId, change.id);
  }

  return {
    inserted(rev, signOff) {
      if (!captureActive(db) || !documentInTeam(db, rev.documentId)) return;
      const row: RevisionRow = {
        paragraph_id: rev.paragraphId,
        document_id: rev.documentId,
        action: rev.action,
        origin: rev.origin,
        mt_engine: rev.mtEngine,
        author_name: rev.authorName,
        role: rev.role,
      };
      capture(rev.id, row, rev.createdAt, signOff);
    },
    extended(id, at) {
      if (!captureActive(db)) return;
      const r = revisionStmt.get(id);
      if (!r || !documentInTeam(db, r.document_id)) return;
      const changeId = s.revisionChange.get(id)?.change_id;
      if (changeId !== undefined) {
        // Unsent: its payload follows the revision. Sent (or gone): a new change on it.
        const info = { action: r.action, origin: r.origin, mtEngine: r.mt_engine, authorName: r.author_name, role: r.role };
        const payload = paragraphPayload(db, r.paragraph_id, info);
        if (payload && s.setPayload.run(JSON.stringify(payload), at, changeId).changes === 1) return;
      }
      capture(id, r, at, null);
    },
  };
}
