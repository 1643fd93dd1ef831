/**
 * A conflict seen from this member (Keep mine / Keep theirs): "mine" is the side this member
 * wrote (by role name or display name); when neither side is theirs, "theirs" is the head (what
 * the server applied first) and "mine" the change kept beside it. One view per paragraph: when
 * several changes are kept beside the head, the one this member wrote, else the first.
 */
import type { TeamConflictView, TeamMe } from '../../../shared/features/teamApi.js';
import type { TeamConflict } from '../../team/ports.js';

export function conflictViews(conflicts: readonly TeamConflict[], me: TeamMe | null): TeamConflictView[] {
  const isMe = (author: string): boolean => me !== null && (author === me.roleName || author === me.displayName);
  const views = new Map<string, TeamConflictView>();
  for (const c of conflicts) {
    const headMine = isMe(c.head.author);
    const otherMine = isMe(c.other.author);
    const view: TeamConflictView =
      headMine && !otherMine
        ? { paragraphId: c.paragraphId, documentId: c.documentId, mine: c.head, theirs: c.other, ownSide: true }
        : { paragraphId: c.paragraphId, documentId: c.documentId, mine: c.other, theirs: c.head, ownSide: headMine || otherMine };
    const seen = views.get(c.paragraphId);
    if (!seen || (!seen.ownSide && view.ownSide)) views.set(c.paragraphId, view);
  }
  return [...views.values()];
}
