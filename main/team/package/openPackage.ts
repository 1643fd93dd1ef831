/**
 * Open package (docs/team.md#offline-handoff): merges a verified review package into the library,
 * paragraph by paragraph, with team sync's rule. The sender's text is taken when this library's
 * text is one the sender already had or saw (this side is behind: nothing of it is lost); nothing
 * happens when the sender's text is one this library had (the sender is behind) or both are equal;
 * otherwise both changed it: a conflict in team_conflicts, shown and resolved like sync's (Keep
 * mine keeps this library's text). Writes go through the paragraph writer (revision and audit
 * chain; author: the package's signer). A sign-off is applied only when its claim verifies with
 * the package's key for exactly this text; then its comments and glossary terms (packageExtras.ts).
 * One transaction: a failure changes nothing.
 */
import type Database from 'better-sqlite3';
import type { ReviewPackageResult } from '../../../shared/features/reviewPackageApi.js';
import { encodeSignOff } from '../../../shared/signing/canonical.js';
import type { Paragraph } from '../../../shared/types.js';
import type { RemoteSignOff } from '../../db/audit/auditRecorder.js';
import type { Repositories } from '../../db/repositories/index.js';
import { sha256Hex, verifyEd25519 } from '../../core/crypto.js';
import { createParagraphWriter, type Actor, type ParagraphState } from '../local/applyParagraphWrite.js';
import { createConflictsStore } from '../local/conflictsStore.js';
import { knownTexts } from './buildPackage.js';
import { importPackagedDocument } from './packageImport.js';
import { createExtrasMerger } from './packageExtras.js';
import type { PackageParagraph, ReviewPackage } from './packageFormat.js';

type Repos = Pick<Repositories, 'documents' | 'paragraphs' | 'revisions'>;
type Rejected = ReviewPackageResult['rejected'];

/** The sign-off as the audit log keeps a remote one, or why it is not applied. */
function verifiedSignOff(pkg: ReviewPackage, pp: PackageParagraph, p: Paragraph): RemoteSignOff | string {
  const s = pp.signOff;
  if (!s) return 'signed off without a signed claim: taken as translated';
  const { claim } = s;
  if (claim.documentId !== pkg.document.id || claim.paragraphId !== p.id) return 'the sign-off is for another paragraph';
  if (claim.keyId !== pkg.signer.keyId) return 'the sign-off is signed with another key than the package’s: taken as translated';
  if (!verifyEd25519(pkg.signer.publicKey, encodeSignOff(claim), s.signature)) return 'the sign-off’s signature does not verify';
  if (claim.sourceSha256 !== sha256Hex(p.source) || claim.targetSha256 !== sha256Hex(pp.target))
    return 'the sign-off is on another text than the paragraph’s';
  return { claim, signature: s.signature, signer: { member: pkg.signer.name, publicKey: pkg.signer.publicKey } };
}

export function createPackageMerger(db: Database.Database, repos: Repos, now: () => Date) {
  const writer = createParagraphWriter(db, repos);
  const conflicts = createConflictsStore(db);
  const extras = createExtrasMerger(db);
  const seenStmt = db.prepare<[string, string]>('INSERT OR IGNORE INTO review_package_seen (paragraph_id, text_sha256) VALUES (?, ?)');
  // A package conflict resolved here earlier is gone for good (no server acknowledges it offline).
  const dropResolved = db.prepare<[string]>(
    "DELETE FROM team_conflicts WHERE paragraph_id = ? AND resolving = 1 AND head_change LIKE 'package:%'",
  );

  function mergeParagraph(pkg: ReviewPackage, pp: PackageParagraph, local: Map<string, Set<string>>, ctx: MergeContext): void {
    const p = repos.paragraphs.get(pp.id);
    if (!p || p.documentId !== pkg.document.id)
      return void ctx.rejected.push({ paragraphId: pp.id, reason: 'the paragraph is not in this document' });
    if (p.source !== pp.source) return void ctx.rejected.push({ paragraphId: pp.id, reason: 'the source text differs here' });
    const wantsSignOff = pp.status === 'signed-off';
    const signOff = wantsSignOff ? verifiedSignOff(pkg, pp, p) : null;
    if (typeof signOff === 'string') ctx.rejected.push({ paragraphId: pp.id, reason: signOff });
    const remote = signOff !== null && typeof signOff !== 'string' ? signOff : undefined;
    const state: ParagraphState = {
      target: pp.target,
      status: wantsSignOff ? (remote ? 'signed-off' : 'translated') : pp.status,
      excluded: pp.excluded,
    };
    const take = (): void => {
      writer.write(p, state, {
        action: 'edit',
        origin: pp.status === 'machine' ? 'mt' : 'human',
        actor: ctx.actor,
        at: ctx.at,
        ...(remote ? { signOff: remote } : {}),
      });
      ctx.applied++;
    };
    seenStmt.run(p.id, sha256Hex(pp.target));
    if (p.target === pp.target) {
      if (remote && p.status !== 'signed-off') take();
      return;
    }
    if (new Set(pp.known).has(sha256Hex(p.target))) return take();
    if (local.get(p.id)?.has(sha256Hex(pp.target))) return;
    dropResolved.run(p.id);
    const theirs = { changeId: `package:${ctx.id}:${p.id}`, text: pp.target, author: pkg.signer.name, at: pkg.createdAt };
    const mine = { changeId: `local:${sha256Hex(p.target).slice(0, 32)}`, text: p.target, author: ctx.me, at: p.updatedAt };
    conflicts.add(p.id, p.documentId, theirs, mine);
    conflicts.moveHead(p.id, theirs);
    ctx.conflicts++;
  }

  interface MergeContext {
    id: string;
    actor: Actor;
    me: string;
    at: string;
    applied: number;
    conflicts: number;
    rejected: Rejected;
  }

  const mergeTx = db.transaction((pkg: ReviewPackage, me: string): ReviewPackageResult => {
    const at = now().toISOString();
    const actor: Actor = { name: pkg.signer.name, role: pkg.signer.role };
    const ctx: MergeContext = { id: sha256Hex(pkg.signature).slice(0, 16), actor, me, at, applied: 0, conflicts: 0, rejected: [] };
    const created = repos.documents.get(pkg.document.id) === null;
    if (created) importPackagedDocument(repos, pkg, actor, at);
    const local = knownTexts(db, pkg.document.id);
    for (const pp of pkg.paragraphs) mergeParagraph(pkg, pp, local, ctx);
    extras.merge(pkg, at, ctx.rejected);
    return {
      documentId: pkg.document.id,
      title: pkg.document.title,
      created,
      signer: { name: pkg.signer.name, keyId: pkg.signer.keyId },
      applied: created ? pkg.paragraphs.length : ctx.applied,
      conflicts: ctx.conflicts,
      rejected: ctx.rejected,
    };
  });

  return {
    /** Merges a verified package (`me`: this library's profile name, the "mine" side of a conflict). */
    merge: (pkg: ReviewPackage, me: string): ReviewPackageResult => mergeTx(pkg, me),
  };
}
