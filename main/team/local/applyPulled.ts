/**
 * `TeamLocalStore.applyPulled` and `cursor` (docs/team.md): pulled changes applied in the
 * server's order, in one SQLite transaction with the cursor, with capture suspended so nothing
 * applied is sent back as this member's own. Idempotent: a change at or before the cursor is
 * skipped. Members are cached (team_members) for display names, roles and registered keys.
 */
import type Database from 'better-sqlite3';
import type { ServerChange } from '../../../shared/team/changes.js';
import type { Repositories } from '../../db/repositories/index.js';
import type { ApplyReport, TeamMember } from '../ports.js';
import { runWithoutCapture } from './captureSwitch.js';
import { createAssignmentApplier } from './applyAssignment.js';
import { createCommentApplier } from './applyComment.js';
import { createGlossaryApplier } from './applyGlossary.js';
import { applyDocumentChange } from './applyDocument.js';
import { createDeletionApplier, isDocumentDeletion } from './applyDeletion.js';
import { applyParagraphChange, applySignOffChange, type ApplyContext, type ChangeResult } from './applyParagraph.js';
import { createParagraphWriter } from './applyParagraphWrite.js';
import { createApplyState, revisionRole } from './applyState.js';
import { createConflictsStore } from './conflictsStore.js';
import { createReimportApplier, isReimportChange } from './applyReimport.js';
import { createTmApplier } from './applyTm.js';
import { createTmInbox } from './tmInbox.js';

export function createTeamApplier(db: Database.Database, repos: Pick<Repositories, 'paragraphs' | 'documents' | 'revisions'>) {
  const state = createApplyState(db);
  const reimports = createReimportApplier(db);
  const ctx: ApplyContext = {
    repos,
    state,
    conflicts: createConflictsStore(db),
    writer: createParagraphWriter(db, repos),
    actorOf(roleName) {
      const m = state.member(roleName);
      return m ? { name: m.displayName, role: revisionRole(m.teamRole) } : { name: roleName, role: null };
    },
    sourceOf: (p) => reimports.sourceInServerOrder(p),
  };
  const applyAssignment = createAssignmentApplier(db);
  const applyComment = createCommentApplier(db);
  const applyGlossaryTerm = createGlossaryApplier(db);
  // TM batches are queued, then added in the background (tmInbox.ts); what a crash left is added now.
  const tmInbox = createTmInbox(db);
  const applyTm = createTmApplier(tmInbox);
  if (tmInbox.waiting() > 0) void tmInbox.drain();
  const applyDeletion = createDeletionApplier(db);

  function applyOne(c: ServerChange): ChangeResult {
    switch (c.kind) {
      case 'document':
        if (isDocumentDeletion(c)) return applyDeletion(ctx, c);
        return isReimportChange(c) ? reimports.applyReimportChange(ctx, c) : applyDocumentChange(ctx, c);
      case 'paragraph':
        return reimports.keepInArchive(ctx, c) ?? applyParagraphChange(ctx, c);
      case 'sign-off':
        return applySignOffChange(ctx, c);
      case 'assignment':
        return applyAssignment(ctx, c);
      case 'comment':
        return applyComment(ctx, c);
      case 'glossary-term':
        return applyGlossaryTerm(ctx, c);
      case 'tm-unit':
        return applyTm(ctx, c);
      default:
        return { kind: 'skipped' };
    }
  }

  const applyTx = db.transaction((changes: readonly ServerChange[], members: readonly TeamMember[]): ApplyReport => {
    state.cacheMembers(members);
    const report: ApplyReport = { applied: 0, conflicts: 0, acknowledged: 0, rejected: [], cursor: state.cursor() };
    for (const c of [...changes].sort((a, b) => a.seq - b.seq)) {
      if (c.seq <= report.cursor) continue;
      // One change that cannot be applied does not stop the others (nor the cursor).
      let result: ChangeResult;
      try {
        result = db.transaction(() => applyOne(c))();
      } catch (err) {
        // Its writes were rolled back; an own change still leaves the outbox (the cursor passes it).
        if (state.isOwn(c.id)) state.acknowledge(c.id);
        result = { kind: 'rejected', reason: err instanceof Error ? err.message : String(err) };
      }
      if (result.kind === 'applied') report.applied++;
      else if (result.kind === 'acknowledged') report.acknowledged++;
      else if (result.kind === 'conflict') {
        report.conflicts++;
        if (result.own) report.acknowledged++;
      } else if (result.kind === 'rejected') report.rejected.push({ id: c.id, reason: result.reason });
      report.cursor = c.seq;
    }
    state.setCursor(report.cursor);
    return report;
  });

  return {
    cursor: (): number => state.cursor(),
    /** One transaction per call: applies `changes` in seq order and moves the cursor; idempotent. */
    applyPulled(changes: readonly ServerChange[], members: readonly TeamMember[]): ApplyReport {
      const report = runWithoutCapture(db, () => applyTx(changes, members));
      if (tmInbox.waiting() > 0) void tmInbox.drain();
      return report;
    },
    /** Pulled TM batches not yet added to the memory. */
    tmWaiting: (): number => tmInbox.waiting(),
    /** Resolves once every pulled TM batch is in the memory and indexed. */
    tmDrained: (): Promise<void> => tmInbox.drain(),
  };
}
