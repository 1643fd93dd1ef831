/**
 * `TeamLocalStore.stateHash`: SHA-256 over a canonical dump of what syncs, so two converged
 * clients compare equal (the bench's and the tests' convergence check). In it: documents,
 * paragraphs (text, status, exclusion, and a sign-off by its claim: key id, text hashes, time),
 * comments (text, role, resolved or not), glossary terms the server has acknowledged,
 * assignments and open conflicts. Not in it: what is local by nature (revision row ids, profile
 * ids, author and signer names as local profiles spell them, times of local application, MT
 * records) and what does not sync yet (TM units: not applied from pulls yet).
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { canonicalJson, type CanonicalValue } from '../../../shared/signing/canonical.js';
import { claimOf } from '../../db/audit/auditEntries.js';

interface ParagraphRow {
  id: string;
  document_id: string;
  position: number;
  kind: string;
  marker: string | null;
  source: string;
  target: string;
  status: string;
  excluded: number;
  claim: string | null;
}

const DUMPS: readonly { name: string; sql: string }[] = [
  { name: 'document', sql: 'SELECT id, title, source_lang, target_lang, source_format FROM documents ORDER BY id' },
  {
    name: 'paragraph',
    sql: `SELECT id, document_id, position, kind, marker, source, target, status, excluded_at IS NOT NULL AS excluded,
            CASE WHEN status = 'signed-off' THEN (SELECT a.payload FROM audit_log a
              WHERE a.paragraph_id = paragraphs.id AND a.kind = 'sign-off' ORDER BY a.seq DESC LIMIT 1) END AS claim
          FROM paragraphs ORDER BY document_id, id`,
  },
  {
    name: 'comment',
    sql: `SELECT id, paragraph_id, role, body, resolved_at IS NOT NULL AS resolved FROM workflow_comments ORDER BY id`,
  },
  {
    name: 'glossary-term',
    sql: `SELECT g.id, g.source_lang, g.target_lang, g.source, g.target, g.note, g.definition, g.forbidden, g.case_sensitive
          FROM glossary_terms g JOIN team_heads h ON h.entity_id = g.id AND h.server_head IS NOT NULL ORDER BY g.id`,
  },
  { name: 'assignment', sql: 'SELECT document_id, translator, editor FROM team_assignments ORDER BY document_id' },
  {
    name: 'conflict',
    sql: 'SELECT paragraph_id, head_change, head_text, other_change, other_text FROM team_conflicts ORDER BY paragraph_id, other_change',
  },
];

function paragraphValue(r: ParagraphRow): CanonicalValue {
  const claim = r.claim === null ? null : claimOf(r.claim);
  const { claim: _payload, ...rest } = r;
  return {
    ...rest,
    signOff: claim ? { keyId: claim.keyId, sourceSha256: claim.sourceSha256, targetSha256: claim.targetSha256, at: claim.at } : null,
  };
}

export function stateHash(db: Database.Database): string {
  const hash = createHash('sha256');
  for (const dump of DUMPS) {
    for (const row of db.prepare<[], Record<string, string | number | null>>(dump.sql).iterate()) {
      const value = dump.name === 'paragraph' ? paragraphValue(row as unknown as ParagraphRow) : row;
      hash.update(`${dump.name} ${canonicalJson(value)}\n`, 'utf8');
    }
  }
  return hash.digest('hex');
}
