/**
 * Capture of a re-import (docs/team.md#re-import): the re-import runs with capture suspended (its
 * many revisions are not changes of their own), then, in the same transaction, it becomes
 *  1. one `document` change `{ reimport: { … } }` on the document's head: the new paragraph list
 *     (ids, positions, kinds, markers, sources, inline codes; an added paragraph with its whole
 *     state) and the ids removed, so every member reproduces this result exactly (no alignment
 *     is run again elsewhere);
 *  2. one `paragraph` change per kept paragraph whose source changed (reopened) or whose state
 *     (text, status, exclusion) the re-import wrote (an XLIFF target), on that paragraph's head:
 *     the server versions these, so a concurrent edit becomes a conflict, never an overwrite.
 */
import type Database from 'better-sqlite3';
import type { OutgoingChange } from '../../../shared/team/changes.js';
import { captureActive, runWithoutCapture } from './captureSwitch.js';
import { documentInTeam } from './captureRevisions.js';
import { documentPayload, paragraphPayload } from './capturePayloads.js';
import { addChange } from './outboxStore.js';

type PayloadParagraph = Record<string, unknown> & { id: string; source: string; target: string; status: string; excluded: boolean };

/** What a re-import says about itself (its local `importing_reimports` row). */
export interface ReimportInfo {
  format: string;
  fileName: string | null;
  summary: unknown;
}

const STRUCTURE = ['position', 'kind', 'marker', 'source', 'codes'] as const;
const STATE = ['target', 'status', 'excluded', 'mt'] as const;

function paragraphsOf(db: Database.Database, documentId: string): Map<string, PayloadParagraph> {
  const doc = documentPayload(db, documentId);
  const list = (doc?.paragraphs ?? []) as PayloadParagraph[];
  return new Map(list.map((p) => [p.id, p]));
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

interface LastRevision {
  action: string;
  origin: string;
  mt_engine: string | null;
  author_name: string;
  role: string | null;
}

/**
 * Runs the re-import `run` (inside the caller's transaction). In a team, for a document in the
 * team, its result is captured as described above; otherwise `run` is all that happens.
 */
export function withReimportCapture<T>(
  db: Database.Database,
  documentId: string,
  run: () => T,
  describe: (result: T) => ReimportInfo & { at: string },
): T {
  if (!captureActive(db) || !documentInTeam(db, documentId)) return run();
  const before = paragraphsOf(db, documentId);
  const result = runWithoutCapture(db, run);
  captureReimport(db, documentId, before, describe(result));
  return result;
}

function captureReimport(
  db: Database.Database,
  documentId: string,
  before: ReadonlyMap<string, PayloadParagraph>,
  info: ReimportInfo & { at: string },
): OutgoingChange[] {
  const after = paragraphsOf(db, documentId);
  const paragraphs = [...after.values()].map((p) => {
    const structure = Object.fromEntries(STRUCTURE.map((k) => [k, p[k]]));
    // An added paragraph travels whole (as a document change carries an imported one).
    if (!before.has(p.id)) return { id: p.id, ...structure, added: Object.fromEntries(STATE.map((k) => [k, p[k]])) };
    return { id: p.id, ...structure };
  });
  const removed = [...before.keys()].filter((id) => !after.has(id));
  const reimport = { format: info.format, fileName: info.fileName, summary: info.summary, paragraphs, removed };
  const changes = [addChange(db, { kind: 'document', documentId, entityId: documentId, payload: { reimport }, at: info.at })];
  const lastRevision = db.prepare<[string], LastRevision>(
    'SELECT action, origin, mt_engine, author_name, role FROM revisions WHERE paragraph_id = ? ORDER BY id DESC LIMIT 1',
  );
  for (const p of after.values()) {
    const old = before.get(p.id);
    // Reopened (its source changed) or its state written: on its chain, so a concurrent edit is a conflict.
    if (!old || (old.source === p.source && STATE.every((k) => same(old[k], p[k])))) continue;
    const rev = lastRevision.get(p.id);
    const payload = paragraphPayload(db, p.id, {
      action: rev?.action ?? 'import',
      origin: rev?.origin ?? 'import',
      mtEngine: rev?.mt_engine ?? null,
      authorName: rev?.author_name ?? '',
      role: rev?.role ?? null,
    });
    if (payload) changes.push(addChange(db, { kind: 'paragraph', documentId, entityId: p.id, payload, at: info.at }));
  }
  return changes;
}
