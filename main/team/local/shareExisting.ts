/**
 * Sharing the documents a library had before it joined the team (docs/team.md "Documents made
 * before joining"). Each document not yet in the team (no `team_heads` row for its id) becomes
 * one `document` change with its current state, exactly as an import is captured; from then on
 * it is in the team and its revisions are captured. A signed-off paragraph travels as translated
 * in the document change (the apply side verifies every sign-off); when the local sign-off was
 * made with this member's registered key and this member is an editor, the audit log's claim and
 * signature also travel as a `sign-off` change, so the editor's sign-off reaches the team. Any
 * other local sign-off stays local (the team sees the paragraph translated).
 *
 * Idempotent: a shared document has its head, so a second run shares nothing. Large libraries are
 * shared in small transactions, with the event loop free between them.
 */
import type Database from 'better-sqlite3';
import { sha256Hex } from '../../core/crypto.js';
import { claimOf } from '../../db/audit/auditEntries.js';
import { createAuditRepo } from '../../db/repositories/audit/auditRepo.js';
import type { TeamMember } from '../ports.js';
import type { OutgoingChange } from '../../../shared/team/changes.js';
import { deletedByTeam } from './captureDeletion.js';
import { captureActive } from './captureSwitch.js';
import { documentPayload } from './capturePayloads.js';
import { signOffPayload } from './captureRevisions.js';
import { addChange, localHead } from './outboxStore.js';
import { perConnection } from '../../db/perConnection.js';

/** Documents per transaction: a few hundred paragraphs each at most, so a batch takes milliseconds. */
export const SHARE_BATCH = 20;

export type SharingMember = Pick<TeamMember, 'teamRole' | 'keyId'>;

export interface ShareResult {
  /** Documents that became team documents. */
  documents: number;
  /** Local sign-offs sent with them (made with this member's registered key). */
  signOffs: number;
}

interface SharedParagraph {
  id: string;
  source: string;
  target: string;
  status: string;
}

function prepare(db: Database.Database) {
  return {
    audit: createAuditRepo(db),
    notInTeam: db.prepare<[number], { id: string }>(
      `SELECT d.id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM team_heads h WHERE h.entity_id = d.id)
       ORDER BY d.created_at, d.id LIMIT ?`,
    ),
    counts: db.prepare<[], { shared: number; notShared: number }>(
      `SELECT count(h.entity_id) AS shared, count(*) - count(h.entity_id) AS notShared
       FROM documents d LEFT JOIN team_heads h ON h.entity_id = d.id`,
    ),
    sharing: db.prepare<[string], { one: number }>(
      "SELECT 1 AS one FROM team_outbox WHERE document_id = ? AND kind = 'document' AND json_extract(payload, '$.deleted') IS NULL",
    ),
    signOffRevision: db.prepare<[string], { author_name: string; role: string | null }>(
      "SELECT author_name, role FROM revisions WHERE paragraph_id = ? AND action = 'sign-off' ORDER BY id DESC LIMIT 1",
    ),
  };
}
const statements = perConnection(prepare);

/** Documents of this library in the team and not (yet) in it (the Team settings' line). */
export function sharedDocumentCounts(db: Database.Database): { shared: number; notShared: number } {
  const r = statements(db).counts.get();
  return { shared: r?.shared ?? 0, notShared: r?.notShared ?? 0 };
}

/** The sign-off change of a paragraph signed off here with `me`'s registered key on its current text, else null. */
function ownSignOff(db: Database.Database, documentId: string, p: SharedParagraph, me: SharingMember): Record<string, unknown> | null {
  if (p.status !== 'signed-off' || me.teamRole !== 'editor' || me.keyId === null) return null;
  const entry = statements(db).audit.lastSignOff(p.id);
  const claim = entry ? claimOf(entry.payload) : null;
  if (!entry || !claim || entry.signature === null || entry.keyId !== me.keyId || claim.keyId !== me.keyId) return null;
  if (claim.documentId !== documentId || claim.paragraphId !== p.id) return null;
  if (claim.sourceSha256 !== sha256Hex(p.source) || claim.targetSha256 !== sha256Hex(p.target)) return null;
  const rev = statements(db).signOffRevision.get(p.id);
  return signOffPayload(entry, p.target, {
    action: 'sign-off',
    origin: 'human',
    mtEngine: null,
    authorName: rev?.author_name ?? '',
    role: rev?.role ?? 'editor',
  });
}

/**
 * Shares one document (call inside a transaction): its `document` change, then its own sign-offs.
 * Nothing when capture is off, the document is gone or already in the team.
 */
export function shareDocument(db: Database.Database, documentId: string, me: SharingMember, at: string): ShareResult {
  const none = { documents: 0, signOffs: 0 };
  if (!captureActive(db) || localHead(db, documentId) !== null) return none;
  const payload = documentPayload(db, documentId);
  if (!payload) return none;
  addChange(db, { kind: 'document', documentId, entityId: documentId, payload, at });
  let signOffs = 0;
  for (const p of payload.paragraphs as SharedParagraph[]) {
    const signOff = ownSignOff(db, documentId, p, me);
    if (!signOff) continue;
    addChange(db, { kind: 'sign-off', documentId, entityId: p.id, payload: signOff, at });
    signOffs++;
  }
  return { documents: 1, signOffs };
}

/**
 * A document the team deleted that this library kept (own work on it had not reached the team):
 * shared again, with its state as stored now, so the team gets it back (the same ids). Null when
 * it is not such a document, or its share is already on its way.
 */
export function shareKeptDocumentAgain(db: Database.Database, documentId: string, at: string): OutgoingChange | null {
  if (!captureActive(db) || !deletedByTeam(db, documentId) || statements(db).sharing.get(documentId)) return null;
  const payload = documentPayload(db, documentId);
  if (!payload) return null;
  return addChange(db, { kind: 'document', documentId, entityId: documentId, payload, at });
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Shares every document not yet in the team, `batch` documents per transaction, yielding to the
 * event loop between transactions. Stops when capture goes off (Forget) or nothing is left.
 */
export async function shareExistingDocuments(
  db: Database.Database,
  me: SharingMember,
  now: () => Date,
  batch: number = SHARE_BATCH,
): Promise<ShareResult> {
  const s = statements(db);
  const total: ShareResult = { documents: 0, signOffs: 0 };
  const tried = new Set<string>();
  const step = db.transaction((): boolean => {
    const ids = s.notInTeam.all(batch + tried.size).filter((r) => !tried.has(r.id));
    if (ids.length === 0 || !captureActive(db)) return false;
    for (const { id } of ids.slice(0, batch)) {
      tried.add(id);
      const r = shareDocument(db, id, me, now().toISOString());
      total.documents += r.documents;
      total.signOffs += r.signOffs;
    }
    return true;
  });
  while (step.immediate()) await nextTurn();
  return total;
}
