/**
 * The whole library's check (`verso verify --library`, Settings → Verify library, start-up):
 * 1. the audit chain link by link (a changed, reordered or deleted link);
 * 2. every revision row against the latest audit link of that revision (its own, or an import's
 *    `revisions` link: main/db/audit/revisionLinks.ts), so history rewritten by SQL shows;
 * 3. every signed-off paragraph against its signature (verifySignatures.ts);
 * 4. the editorial records (footer settings, human-origin declarations, profiles: verifyRecords.ts).
 * Rows are read a page at a time (`verifyLibrarySteps`).
 */
import type Database from 'better-sqlite3';
import { verifyChain, type AuditLink } from '../../shared/signing/canonical.js';
import type { LibraryProblem } from '../../shared/features/signaturesApi.js';
import type { Repositories } from '../db/repositories/index.js';
import { sha256Hex } from '../core/crypto.js';
import { revisionTextHashes } from '../db/audit/revisionLinks.js';
import { createSignatureVerifier } from './verifySignatures.js';
import { recordProblems } from './verifyRecords.js';

export type { LibraryProblem };

export interface LibraryReport {
  ok: boolean;
  links: number;
  revisions: number;
  signedOff: number;
  problems: LibraryProblem[];
}

/** One line per problem, for the CLI and the Settings result. */
export function describeProblem(p: LibraryProblem): string {
  switch (p.kind) {
    case 'chain':
      return `audit log link ${p.seq}: ${p.detail === 'tampered' ? 'changed after it was written' : p.detail === 'gap' ? 'links before it were deleted' : 'does not follow the link before it (reordered or deleted)'}`;
    case 'revision':
      return `revision ${p.revisionId} (document ${p.documentId}): its text differs from the audit log (history changed outside Verso)`;
    case 'signature':
      return `“${p.title}” paragraph ${p.paragraph}: signature broken (${p.problem})`;
    case 'settings-change':
      return `footer settings change ${p.changeId} (${p.setting}, ${p.at}): differs from the audit log (changed outside Verso)`;
    case 'footer-setting':
      return `${p.setting === 'footerPolicy' ? 'the disclosure footer policy' : `the disclosure footer template for ${p.lang ?? '?'}`}: not the value an editor last recorded (changed outside Verso)`;
    case 'declaration':
      return `“${p.title}” paragraph ${p.paragraph}: its declaration as human translation is not in the audit log (changed outside Verso; it is ignored)`;
    case 'profile':
      return `profile “${p.name}”: its name or role differs from the audit log (changed outside Verso)`;
  }
}

const PAGE = 1000;

/**
 * The check, one page of rows (keyset-paged, no statement left open) between yields, so an async
 * driver can give the event loop back between pages. Yields progress `[done, total]`.
 */
export function* verifyLibrarySteps(
  db: Database.Database,
  repos: Pick<Repositories, 'documents' | 'paragraphs'>,
  pageSize = PAGE,
): Generator<[number, number], LibraryReport> {
  const count = (sql: string) => db.prepare<[], { n: number }>(sql).get()!.n;
  const revisionCount = count('SELECT count(*) AS n FROM revisions');
  const signedOff = count("SELECT count(*) AS n FROM paragraphs WHERE status = 'signed-off'");
  const links = count('SELECT count(*) AS n FROM audit_log');
  const total = links + revisionCount + signedOff;
  let done = 0;
  yield [0, total];
  const problems: LibraryProblem[] = [];

  // 1. The chain, and the latest text hash of each revision, page by page.
  const latest = new Map<number, string>();
  const linkPage = db.prepare<
    [number, number],
    { seq: number; kind: string; revision_id: number | null; payload: string; signature: string | null; prev_hash: string; hash: string }
  >('SELECT seq, kind, revision_id, payload, signature, prev_hash, hash FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?');
  let prev: AuditLink | null = null;
  for (let after = Number.MIN_SAFE_INTEGER; ;) {
    const rows = linkPage.all(after, pageSize);
    if (rows.length === 0) break;
    const page: AuditLink[] = rows.map((r) => ({
      seq: r.seq,
      prevHash: r.prev_hash,
      payload: r.payload,
      signature: r.signature,
      hash: r.hash,
    }));
    // The page is checked with the link before it, which is not reported again.
    for (const c of verifyChain(prev ? [prev, ...page] : page, sha256Hex))
      if (!prev || c.seq !== prev.seq) problems.push({ kind: 'chain', seq: c.seq, detail: c.kind });
    for (const r of rows) {
      if ((r.kind === 'revision' || r.kind === 'revision-extended') && r.revision_id !== null) {
        const afterSha = (JSON.parse(r.payload) as { afterSha256?: unknown }).afterSha256;
        if (typeof afterSha === 'string') latest.set(r.revision_id, afterSha);
      } else if (r.kind === 'revisions') {
        for (const [revisionId, afterSha] of revisionTextHashes(r.payload)) latest.set(revisionId, afterSha);
      }
    }
    prev = page[page.length - 1]!;
    after = prev.seq;
    done += rows.length;
    yield [done, total];
  }

  // 2. Every revision row against its latest link.
  const revisionPage = db.prepare<[number, number], { id: number; document_id: string; after_text: string }>(
    'SELECT id, document_id, after_text FROM revisions WHERE id > ? ORDER BY id LIMIT ?',
  );
  for (let after = 0; ;) {
    const rows = revisionPage.all(after, pageSize);
    if (rows.length === 0) break;
    for (const r of rows)
      if (latest.get(r.id) !== sha256Hex(r.after_text)) problems.push({ kind: 'revision', revisionId: r.id, documentId: r.document_id });
    after = rows[rows.length - 1]!.id;
    done += rows.length;
    yield [done, total];
  }

  // 3. Every signed-off paragraph against its signature, document by document.
  const verifier = createSignatureVerifier(db);
  for (const doc of repos.documents.list()) {
    const signed = repos.paragraphs.listByDocument(doc.id).filter((p) => p.status === 'signed-off');
    for (const c of verifier.check(signed))
      problems.push({ kind: 'signature', documentId: doc.id, title: doc.title, paragraph: c.number, problem: c.problem });
    done += signed.length;
    yield [done, total];
  }

  // 4. The editorial records (few: read at once).
  problems.push(...recordProblems(db));
  return { ok: problems.length === 0, links, revisions: revisionCount, signedOff, problems };
}

/** The whole check at once (the CLI, tests). `onProgress` gets every page's progress. */
export function verifyLibrary(
  db: Database.Database,
  repos: Pick<Repositories, 'documents' | 'paragraphs'>,
  onProgress: (done: number, total: number) => void = () => {},
): LibraryReport {
  const steps = verifyLibrarySteps(db, repos);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    onProgress(...next.value);
  }
}

/** The same check giving the event loop back between pages (the app: start-up and Settings). */
export async function verifyLibraryInBackground(
  db: Database.Database,
  repos: Pick<Repositories, 'documents' | 'paragraphs'>,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<LibraryReport> {
  const steps = verifyLibrarySteps(db, repos);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    onProgress(...next.value);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
