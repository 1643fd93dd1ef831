/**
 * The hash-chained audit log (migration 0180, `audit_log`): append-only (triggers refuse UPDATE and
 * DELETE), one link per change (a bulk write's revisions share one: main/db/audit/revisionLinks.ts),
 * each link's hash over its seq, the previous hash, its canonical payload and its signature
 * (shared/signing/canonical.ts). No foreign keys: it outlives documents.
 */
import type Database from 'better-sqlite3';
import { canonicalJson, encodeAuditLink, GENESIS_HASH, type AuditLink, type CanonicalValue } from '../../../../shared/signing/canonical.js';
import type { AuditKind } from '../../audit/auditEntries.js';
import { sha256Hex } from '../../../core/crypto.js';
import { keptDuringWrite } from '../../keptDuringWrite.js';

export interface NewAuditEntry {
  kind: AuditKind;
  documentId: string | null;
  paragraphId: string | null;
  revisionId: number | null;
  /** Built once the previous hash is known (a sign-off claim includes it). */
  build(prevHash: string): { payload: CanonicalValue; signature?: string | null; keyId?: string | null };
}

export interface StoredAuditEntry extends AuditLink {
  kind: AuditKind;
  documentId: string | null;
  paragraphId: string | null;
  revisionId: number | null;
  keyId: string | null;
}

interface Row {
  seq: number;
  kind: AuditKind;
  document_id: string | null;
  paragraph_id: string | null;
  revision_id: number | null;
  payload: string;
  signature: string | null;
  key_id: string | null;
  prev_hash: string;
  hash: string;
}

const toEntry = (r: Row): StoredAuditEntry => ({
  seq: r.seq,
  kind: r.kind,
  documentId: r.document_id,
  paragraphId: r.paragraph_id,
  revisionId: r.revision_id,
  payload: r.payload,
  signature: r.signature,
  keyId: r.key_id,
  prevHash: r.prev_hash,
  hash: r.hash,
});

interface AppendStatements {
  head: Database.Statement<[], Head>;
  insert: Database.Statement<unknown[]>;
}

// Prepared once per connection: every revision write appends a link.
const statements = new WeakMap<Database.Database, AppendStatements>();

function appendStatements(db: Database.Database): AppendStatements {
  let s = statements.get(db);
  if (!s) {
    s = {
      head: db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1'),
      insert: db.prepare(
        `INSERT INTO audit_log (seq, kind, document_id, paragraph_id, revision_id, payload, signature, key_id, prev_hash, hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
    };
    statements.set(db, s);
  }
  return s;
}

type Head = { seq: number; hash: string };
// While `withAuditHeadKept` runs: the head as last appended (null until the first append reads it).
const keptHeads = keptDuringWrite<Head>('withAuditHeadKept');

/**
 * Runs `fn`, a bulk write (an import, a pre-fill), with the chain's head read once and then kept in
 * memory from link to link instead of read before each. Sound because every link is appended here
 * (the only other writers of audit_log are migrations 0210 and 0370, which copy the table whole),
 * and because `fn` runs inside a transaction and catches nothing, so no link it appended can be
 * rolled back while it goes on; the kept head is dropped when `fn` ends, however it ends.
 */
export function withAuditHeadKept<T>(db: Database.Database, fn: () => T): T {
  return keptHeads.during(db, fn);
}

// Revisions' links being gathered (main/db/audit/revisionLinks.ts): appended before any other link.
const gathered = new WeakMap<Database.Database, () => void>();

/** `appendGathered` runs before the next link is appended (once); null: nothing is gathered. */
export function gatherLinksBeforeAppend(db: Database.Database, appendGathered: (() => void) | null): void {
  if (appendGathered) gathered.set(db, appendGathered);
  else gathered.delete(db);
}

/** Appends one link after the current head (call inside the transaction that makes the change). */
export function appendAuditEntry(db: Database.Database, entry: NewAuditEntry): StoredAuditEntry {
  const appendGathered = gathered.get(db);
  if (appendGathered) {
    gathered.delete(db);
    appendGathered();
  }
  const { head: headStmt, insert } = appendStatements(db);
  const kept = keptHeads.get(db);
  const head = kept ?? headStmt.get();
  const seq = (head?.seq ?? 0) + 1;
  const prevHash = head?.hash ?? GENESIS_HASH;
  const built = entry.build(prevHash);
  const payload = canonicalJson(built.payload);
  const signature = built.signature ?? null;
  const hash = sha256Hex(encodeAuditLink({ seq, prevHash, payload, signature }));
  insert.run(
    seq,
    entry.kind,
    entry.documentId,
    entry.paragraphId,
    entry.revisionId,
    payload,
    signature,
    built.keyId ?? null,
    prevHash,
    hash,
  );
  keptHeads.keep(db, { seq, hash });
  return {
    seq,
    kind: entry.kind,
    documentId: entry.documentId,
    paragraphId: entry.paragraphId,
    revisionId: entry.revisionId,
    payload,
    signature,
    keyId: built.keyId ?? null,
    prevHash,
    hash,
  };
}

export function createAuditRepo(db: Database.Database) {
  const allStmt = db.prepare<[], Row>('SELECT * FROM audit_log ORDER BY seq');
  const lastSignOffStmt = db.prepare<[string], Row>(
    `SELECT * FROM audit_log WHERE paragraph_id = ? AND kind = 'sign-off' ORDER BY seq DESC LIMIT 1`,
  );
  const countStmt = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM audit_log');
  const keyStmt = db.prepare<[string], { public_key: string }>('SELECT public_key FROM signing_keys WHERE key_id = ?');
  return {
    append: (entry: NewAuditEntry) => appendAuditEntry(db, entry),
    /** Every link in chain order, one at a time (a large library is never held at once). */
    *iterate(): Generator<StoredAuditEntry> {
      for (const row of allStmt.iterate()) yield toEntry(row);
    },
    lastSignOff(paragraphId: string): StoredAuditEntry | null {
      const row = lastSignOffStmt.get(paragraphId);
      return row ? toEntry(row) : null;
    },
    count: () => countStmt.get()?.n ?? 0,
    /** A signing key's stored public key (base64), or null. */
    publicKey: (keyId: string) => keyStmt.get(keyId) ?? null,
  };
}
