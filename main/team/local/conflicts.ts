/**
 * `TeamLocalStore.conflicts` and `resolveConflict` (docs/team.md): a conflict is resolved by a
 * paragraph change on the server's head that keeps the head's text, the other text, or an edit,
 * with `payload.resolves` naming the changes it settles. It is written like any edit (paragraph
 * row and revision by the acting profile, capture on, so the outbox sends it; `runResolving`
 * tells the capture which ids it resolves), and the conflict rows are hidden at once
 * (optimistically): they go when the resolution comes back applied, and show again if it lost
 * (another change reached the head first).
 */
import type Database from 'better-sqlite3';
import type { Profile } from '../../../shared/types.js';
import type { Repositories } from '../../db/repositories/index.js';
import type { TeamConflict } from '../ports.js';
import { createApplyState } from './applyState.js';
import { createConflictsStore } from './conflictsStore.js';
import { runResolving } from './conflictsResolveHook.js';

export type ConflictChoice = { changeId: string } | { text: string };

export function createTeamConflicts(
  db: Database.Database,
  repos: Pick<Repositories, 'paragraphs' | 'revisions'>,
  /** The profile resolving (the current profile). */
  author: () => Profile,
  now: () => Date = () => new Date(),
) {
  const store = createConflictsStore(db);
  const state = createApplyState(db);

  function chosenText(open: readonly TeamConflict[], keep: ConflictChoice): string {
    if ('text' in keep) return keep.text;
    const head = open[0]!.head;
    if (keep.changeId === head.changeId) return head.text;
    const other = open.find((c) => c.other.changeId === keep.changeId);
    if (!other) throw new Error(`Change ${keep.changeId} is not a side of this paragraph's conflict.`);
    return other.other.text;
  }

  const resolveTx = db.transaction((paragraphId: string, keep: ConflictChoice): void => {
    const open = store.ofParagraph(paragraphId);
    const p = repos.paragraphs.get(paragraphId);
    if (open.length === 0 || !p) throw new Error('This paragraph has no conflict to resolve (it may have been resolved meanwhile).');
    const text = chosenText(open, keep);
    const head = state.paragraphHead(paragraphId);
    const status = head && text === head.target && head.status !== 'signed-off' ? (head.status as typeof p.status) : 'edited';
    const who = author();
    const at = now().toISOString();
    // The resolution is made on the server's head.
    const { serverHead } = state.heads(paragraphId);
    if (serverHead !== null) state.setServerHead(paragraphId, serverHead, true);
    runResolving(
      db,
      open.map((c) => c.other.changeId),
      () => {
        repos.paragraphs.update({ ...p, target: text, status, signOff: null, updatedAt: at });
        repos.revisions.insert({
          paragraphId,
          documentId: p.documentId,
          profileId: who.id,
          authorName: who.name,
          role: who.role,
          origin: 'human',
          action: 'edit',
          mtEngine: null,
          beforeText: p.target,
          afterText: text,
          statusBefore: p.status,
          statusAfter: status,
          createdAt: at,
        });
      },
    );
    store.setResolving(
      paragraphId,
      open.map((c) => c.other.changeId),
      true,
    );
  });

  return {
    /** Open conflicts of a document's paragraphs, paragraph by paragraph. */
    conflicts: (documentId: string): TeamConflict[] => store.ofDocument(documentId),
    /** Writes a paragraph change on the head with `resolves`, keeping `keep`'s text (or the given text). */
    resolveConflict(paragraphId: string, keep: ConflictChoice): void {
      resolveTx(paragraphId, keep);
    },
  };
}
