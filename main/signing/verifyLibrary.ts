/**
 * The whole library's check (`verso verify --library`, Settings → Verify library, start-up):
 * 1. the audit chain link by link (a changed, reordered or deleted link);
 * 2. every revision row against the latest audit link of that revision (history rewritten by SQL);
 * 3. every signed-off paragraph against its signature (verifySignatures.ts).
 * Reads one row at a time; `onProgress` is called every `PROGRESS_EVERY` items.
 */
import type Database from 'better-sqlite3';
import { verifyChain } from '../../shared/signing/canonical.js';
import type { SignatureProblem } from '../../shared/features/signaturesApi.js';
import { createAuditRepo } from '../db/repositories/audit/auditRepo.js';
import type { Repositories } from '../db/repositories/index.js';
import { sha256Hex } from './crypto.js';
import { createSignatureVerifier } from './verifySignatures.js';

export type LibraryProblem =
  | { kind: 'chain'; seq: number; detail: 'tampered' | 'broken-link' | 'gap' }
  | { kind: 'revision'; revisionId: number; documentId: string }
  | { kind: 'signature'; documentId: string; title: string; paragraph: number; problem: SignatureProblem };

export interface LibraryReport {
  ok: boolean;
  links: number;
  revisions: number;
  signedOff: number;
  problems: LibraryProblem[];
}

export const PROGRESS_EVERY = 500;

/** One line per problem, for the CLI and the Settings result. */
export function describeProblem(p: LibraryProblem): string {
  switch (p.kind) {
    case 'chain':
      return `audit log link ${p.seq}: ${p.detail === 'tampered' ? 'changed after it was written' : p.detail === 'gap' ? 'links before it were deleted' : 'does not follow the link before it (reordered or deleted)'}`;
    case 'revision':
      return `revision ${p.revisionId} (document ${p.documentId}): its text differs from the audit log (history changed outside Verso)`;
    case 'signature':
      return `“${p.title}” paragraph ${p.paragraph}: signature broken (${p.problem})`;
  }
}

export function verifyLibrary(
  db: Database.Database,
  repos: Pick<Repositories, 'documents' | 'paragraphs'>,
  onProgress: (done: number, total: number) => void = () => {},
): LibraryReport {
  const audit = createAuditRepo(db);
  const revisionCount = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM revisions').get()!.n;
  const paragraphCount = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM paragraphs WHERE status = 'signed-off'").get()!.n;
  const links = audit.count();
  const total = links + revisionCount + paragraphCount;
  let done = 0;
  const tick = () => {
    done++;
    if (done % PROGRESS_EVERY === 0) onProgress(done, total);
  };
  onProgress(0, total);

  const problems: LibraryProblem[] = [];
  // 1 and the revisions' latest hashes, in one pass.
  const latest = new Map<number, string>();
  function* counted() {
    for (const link of audit.iterate()) {
      tick();
      if ((link.kind === 'revision' || link.kind === 'revision-extended') && link.revisionId !== null) {
        const after = (JSON.parse(link.payload) as { afterSha256?: unknown }).afterSha256;
        if (typeof after === 'string') latest.set(link.revisionId, after);
      }
      yield link;
    }
  }
  for (const c of verifyChain(counted(), sha256Hex)) problems.push({ kind: 'chain', seq: c.seq, detail: c.kind });

  // 2.
  const revisions = db.prepare<[], { id: number; document_id: string; after_text: string }>('SELECT id, document_id, after_text FROM revisions ORDER BY id');
  for (const r of revisions.iterate()) {
    tick();
    if (latest.get(r.id) !== sha256Hex(r.after_text)) problems.push({ kind: 'revision', revisionId: r.id, documentId: r.document_id });
  }

  // 3.
  const verifier = createSignatureVerifier(db);
  for (const doc of repos.documents.list()) {
    const signed = repos.paragraphs.listByDocument(doc.id).filter((p) => p.status === 'signed-off');
    for (const c of verifier.check(signed)) problems.push({ kind: 'signature', documentId: doc.id, title: doc.title, paragraph: c.number, problem: c.problem });
    for (let i = 0; i < signed.length; i++) tick();
  }
  onProgress(total, total);
  return { ok: problems.length === 0, links, revisions: revisionCount, signedOff: paragraphCount, problems };
}
