/**
 * One audit link for the many revisions a bulk write makes together (an import, a pre-fill: issue
 * 17), instead of one link per revision. Inside `withRevisionLinksGathered`, the revisions one
 * author writes at one moment in one document are gathered and chained as a single `revisions`
 * link. It holds what their `revision` links would: the document, author and time once (they are
 * shared), and for each revision its id, paragraph, origin, action, the SHA-256 of its texts and
 * its statuses. The link is appended before any other link the write appends (a sign-off, a
 * coalesced extension) and when the scope ends, so the chain keeps the order of the writes; a
 * sign-off revision is never gathered (its claim names the link before it). `verso verify
 * --library` reads a revision's text hash from either kind of link.
 */
import type Database from 'better-sqlite3';
import type { CanonicalValue } from '../../../shared/signing/canonical.js';
import { sha256Hex } from '../../core/crypto.js';
import { appendAuditEntry, gatherLinksBeforeAppend } from '../repositories/audit/auditRepo.js';
import type { RevisionFacts } from './auditEntries.js';

export const REVISIONS_PAYLOAD_TYPE = 'verso.revisions.v1';

/** What each of a `revisions` link's rows holds, in this order (the payload names them too). */
export const REVISION_ROW_FIELDS = [
  'revisionId',
  'paragraphId',
  'origin',
  'action',
  'beforeSha256',
  'afterSha256',
  'statusBefore',
  'statusAfter',
] as const;

type Row = [number, string, string, string, string | null, string, string | null, string];

/** What the revisions of one link share. */
interface Common {
  documentId: string;
  profileId: string | null;
  author: string;
  role: string | null;
  at: string;
}

interface Gathered {
  common: Common | null;
  rows: Row[];
}

const gathering = new WeakMap<Database.Database, Gathered>();

const commonOf = (r: RevisionFacts): Common => ({
  documentId: r.documentId,
  profileId: r.profileId,
  author: r.authorName,
  role: r.role,
  at: r.at,
});

const shares = (c: Common, r: RevisionFacts): boolean =>
  c.documentId === r.documentId && c.profileId === r.profileId && c.author === r.authorName && c.role === r.role && c.at === r.at;

function revisionsPayload(common: Common, rows: readonly Row[]): CanonicalValue {
  return { type: REVISIONS_PAYLOAD_TYPE, ...common, fields: [...REVISION_ROW_FIELDS], revisions: rows };
}

/** Appends the gathered revisions' link (nothing when none are gathered). */
function flush(db: Database.Database, g: Gathered): void {
  const { common, rows } = g;
  if (common === null || rows.length === 0) return;
  g.common = null;
  g.rows = [];
  // Appended here, so not again before the link below.
  gatherLinksBeforeAppend(db, null);
  appendAuditEntry(db, {
    kind: 'revisions',
    documentId: common.documentId,
    paragraphId: null,
    revisionId: null,
    build: () => ({ payload: revisionsPayload(common, rows) }),
  });
}

/**
 * Runs `fn`, a bulk write inside a transaction that catches nothing, with its revisions' links
 * gathered; the last link is appended when `fn` returns (a throw rolls the whole write back).
 */
export function withRevisionLinksGathered<T>(db: Database.Database, fn: () => T): T {
  if (!db.inTransaction) throw new Error('withRevisionLinksGathered: not inside a transaction');
  if (gathering.has(db)) return fn();
  const g: Gathered = { common: null, rows: [] };
  gathering.set(db, g);
  try {
    const result = fn();
    flush(db, g);
    return result;
  } finally {
    gathering.delete(db);
    gatherLinksBeforeAppend(db, null);
  }
}

/** Gathers a revision's link when a scope is gathering and it is not a sign-off; false: chain it now. */
export function gatherRevisionLink(db: Database.Database, r: RevisionFacts): boolean {
  const g = gathering.get(db);
  if (!g || r.action === 'sign-off') return false;
  if (g.common !== null && !shares(g.common, r)) flush(db, g);
  if (g.common === null) {
    g.common = commonOf(r);
    // Any other link appended meanwhile comes after these revisions, as their writes did.
    gatherLinksBeforeAppend(db, () => flush(db, g));
  }
  g.rows.push([
    r.revisionId,
    r.paragraphId,
    r.origin,
    r.action,
    r.beforeText === null ? null : sha256Hex(r.beforeText),
    sha256Hex(r.afterText),
    r.statusBefore,
    r.statusAfter,
  ]);
  return true;
}

/** A `revisions` link's revision ids with the SHA-256 of their texts after (none when the payload is not one). */
export function revisionTextHashes(payload: string): [number, string][] {
  try {
    const value = JSON.parse(payload) as { type?: unknown; fields?: unknown; revisions?: unknown };
    if (value.type !== REVISIONS_PAYLOAD_TYPE || !Array.isArray(value.fields) || !Array.isArray(value.revisions)) return [];
    const id = value.fields.indexOf('revisionId');
    const after = value.fields.indexOf('afterSha256');
    const out: [number, string][] = [];
    for (const row of value.revisions as unknown[]) {
      if (!Array.isArray(row)) continue;
      const [r, sha] = [row[id] as unknown, row[after] as unknown];
      if (typeof r === 'number' && typeof sha === 'string') out.push([r, sha]);
    }
    return out;
  } catch {
    return [];
  }
}
