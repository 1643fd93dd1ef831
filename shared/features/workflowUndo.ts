/**
 * Undo/redo per paragraph, derived from its revisions (so it survives a reload): text changes form
 * a "done" stack; an undo revision moves its target from done to "undone", a redo moves it back,
 * and any other text change clears "undone".
 */
import type { RevisionAction } from '../types.js';
import type { RevisionLinkKind } from './workflowApi.js';

export interface UndoRevision {
  id: number;
  action: RevisionAction;
  beforeText: string | null;
  afterText: string;
}

export interface UndoLink {
  revisionId: number;
  kind: RevisionLinkKind;
  targetRevisionId: number;
}

/** Whether the revision changed the target text (imports record the source, not a target). */
export function changesText(r: UndoRevision): boolean {
  return (r.action === 'edit' || r.action === 'mt') && r.beforeText !== null && r.beforeText !== r.afterText;
}

export interface UndoState<R extends UndoRevision> {
  /** Text changes that can be undone, newest last. */
  done: R[];
  /** Undone changes that can be redone, most recently undone last. */
  undone: R[];
}

export function undoState<R extends UndoRevision>(revisions: readonly R[], links: readonly UndoLink[]): UndoState<R> {
  const linkOf = new Map(links.map((l) => [l.revisionId, l]));
  const byId = new Map(revisions.map((r) => [r.id, r]));
  const done: R[] = [];
  const undone: R[] = [];
  for (const r of revisions) {
    const link = linkOf.get(r.id);
    if (link?.kind === 'undo' || link?.kind === 'redo') {
      const from = link.kind === 'undo' ? done : undone;
      const to = link.kind === 'undo' ? undone : done;
      const at = from.findLastIndex((x) => x.id === link.targetRevisionId);
      if (at >= 0) from.splice(at, 1);
      const target = byId.get(link.targetRevisionId);
      if (target) to.push(target);
      continue;
    }
    if (changesText(r)) {
      done.push(r);
      undone.length = 0;
    }
  }
  return { done, undone };
}
