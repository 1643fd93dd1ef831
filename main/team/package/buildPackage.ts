/**
 * Send for review (docs/team.md#offline-handoff): the document's current state as a signed package.
 * Built from the library, not the outbox (a library in no team captures nothing): every paragraph
 * as stored (`documentPayload`), its sign-off claim and signature from the audit log when it is
 * signed off, and the texts it is known to have had (its revisions' texts and those seen in earlier
 * packages), which lets the receiver tell "behind" from "changed on both sides"; and (version 2) the
 * document's comments and its pair's glossary terms changed since the last send (packageExtras.ts).
 */
import type Database from 'better-sqlite3';
import type { Role } from '../../../shared/types.js';
import { claimOf } from '../../db/audit/auditEntries.js';
import type { UnlockedKey } from '../../db/audit/signingKeys.js';
import { createAuditRepo } from '../../db/repositories/audit/auditRepo.js';
import type { StoredAuditEntry } from '../../db/repositories/audit/auditRepo.js';
import { sha256Hex } from '../../core/crypto.js';
import { documentPayload } from '../local/capturePayloads.js';
import { packageExtras } from './packageExtras.js';
import { PACKAGE_FORMAT, writePackage, type PackageBody, type PackageParagraph } from './packageFormat.js';

interface StoredParagraph {
  id: string;
  position: number;
  kind: PackageParagraph['kind'];
  marker: string | null;
  source: string;
  codes: PackageParagraph['codes'];
  target: string;
  status: PackageParagraph['status'];
  excluded: boolean;
  mt: PackageParagraph['mt'];
}

export interface Sender {
  name: string;
  role: Role;
  key: UnlockedKey;
}

/** SHA-256 of every text this library knows for each paragraph of the document (always the empty text). */
export function knownTexts(db: Database.Database, documentId: string): Map<string, Set<string>> {
  const rows = db
    .prepare<[string, string], { paragraph_id: string; h: string }>(
      `SELECT paragraph_id, NULL AS h, after_text AS t FROM revisions WHERE document_id = ? AND action <> 'import'
       UNION ALL SELECT s.paragraph_id, s.text_sha256 AS h, NULL AS t FROM review_package_seen s
         JOIN paragraphs p ON p.id = s.paragraph_id WHERE p.document_id = ?`,
    )
    .all(documentId, documentId) as { paragraph_id: string; h: string | null; t: string | null }[];
  const known = new Map<string, Set<string>>();
  for (const r of rows) {
    let set = known.get(r.paragraph_id);
    if (!set) known.set(r.paragraph_id, (set = new Set([sha256Hex('')])));
    set.add(r.h ?? sha256Hex(r.t ?? ''));
  }
  return known;
}

function signOffOf(lastSignOff: (paragraphId: string) => StoredAuditEntry | null, p: StoredParagraph): PackageParagraph['signOff'] {
  if (p.status !== 'signed-off') return null;
  const entry = lastSignOff(p.id);
  const claim = entry ? claimOf(entry.payload) : null;
  if (!entry || !claim || entry.signature === null || claim.targetSha256 !== sha256Hex(p.target)) return null;
  const { legacy: _legacy, ...plain } = claim;
  return { claim: plain, signature: entry.signature };
}

/** The package's file text, or null when the document is not in the library. */
export function buildPackage(db: Database.Database, documentId: string, sender: Sender, at: string): string | null {
  const doc = documentPayload(db, documentId) as
    (Omit<PackageBody['document'], 'id'> & { paragraphs: (StoredParagraph & Record<string, unknown>)[] }) | null;
  if (!doc) return null;
  const known = knownTexts(db, documentId);
  const audit = createAuditRepo(db);
  const paragraphs: PackageParagraph[] = doc.paragraphs.map((p) => ({
    id: p.id,
    position: p.position,
    kind: p.kind,
    marker: p.marker,
    source: p.source,
    codes: p.codes,
    target: p.target,
    status: p.status,
    excluded: p.excluded,
    mt: p.mt,
    known: [...(known.get(p.id) ?? new Set([sha256Hex('')]))].sort(),
    signOff: signOffOf((id) => audit.lastSignOff(id), p),
  }));
  const body: PackageBody = {
    format: PACKAGE_FORMAT,
    version: 2,
    createdAt: at,
    document: {
      id: documentId,
      title: doc.title,
      sourceLang: doc.sourceLang,
      targetLang: doc.targetLang,
      sourceFormat: doc.sourceFormat,
      createdAt: doc.createdAt,
    },
    paragraphs,
    ...packageExtras(db, { id: documentId, sourceLang: doc.sourceLang, targetLang: doc.targetLang }, at),
    signer: { name: sender.name, role: sender.role, keyId: sender.key.keyId, publicKey: sender.key.publicKey },
  };
  return writePackage(body, (m) => sender.key.sign(m));
}
