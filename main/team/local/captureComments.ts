/**
 * Capture of comments (main/services/features/workflow.ts): a comment added is a `comment` change
 * `{ paragraphId, body, authorName, role, createdAt }`; resolving or reopening it is a further
 * change on the same comment `{ paragraphId, resolved: { at, byName } | null }`. Only comments of
 * documents in the team are captured.
 */
import type Database from 'better-sqlite3';
import type { Comment } from '../../../shared/features/workflowApi.js';
import type { OutgoingChange } from '../../../shared/team/changes.js';
import { captureActive } from './captureSwitch.js';
import { documentInTeam } from './captureRevisions.js';
import { addChange } from './outboxStore.js';

export function captureCommentAdded(db: Database.Database, documentId: string, c: Comment): OutgoingChange | null {
  if (!captureActive(db) || !documentInTeam(db, documentId)) return null;
  const payload = { paragraphId: c.paragraphId, body: c.body, authorName: c.authorName, role: c.role, createdAt: c.createdAt };
  return addChange(db, { kind: 'comment', documentId, entityId: c.id, payload, at: c.createdAt });
}

export function captureCommentResolved(db: Database.Database, documentId: string, c: Comment, at: string): OutgoingChange | null {
  if (!captureActive(db) || !documentInTeam(db, documentId)) return null;
  const payload = { paragraphId: c.paragraphId, resolved: c.resolved };
  return addChange(db, { kind: 'comment', documentId, entityId: c.id, payload, at });
}
