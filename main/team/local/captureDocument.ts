/**
 * Capture of an imported document: one `document` change with all its paragraphs, written in the
 * import's transaction (main/services/documentService.ts `storeImportedDocument`). From then on the
 * document is in the team and its paragraphs' revisions are captured; the revisions the import
 * itself wrote are part of this change, not changes of their own. A re-import is captured by captureReimport.ts.
 */
import type Database from 'better-sqlite3';
import type { OutgoingChange } from '../../../shared/team/changes.js';
import { captureActive } from './captureSwitch.js';
import { documentPayload } from './capturePayloads.js';
import { addChange } from './outboxStore.js';

/** Adds the document's `document` change (null when capture is off or the document is gone). */
export function captureDocument(db: Database.Database, documentId: string, at: string): OutgoingChange | null {
  if (!captureActive(db)) return null;
  const payload = documentPayload(db, documentId);
  if (!payload) return null;
  return addChange(db, { kind: 'document', documentId, entityId: documentId, payload, at });
}
