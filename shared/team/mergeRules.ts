/**
 * The head/conflict rule of the team library (docs/team.md#heads-and-conflicts), as a pure
 * function: given an entity's state and an incoming change, what happens. The server's insert
 * trigger applies the same rule in SQL; offline package merging ("Open package") and tests use
 * this twin. No Node, no DOM.
 */
import { VERSIONED_KINDS, type ChangeKind, type ChangeOutcome } from './changes.js';

/** An entity's head and the changes kept beside it (null head: the entity has no change yet). */
export interface EntityHead {
  headId: string | null;
  conflictIds: readonly string[];
}

export const EMPTY_HEAD: EntityHead = { headId: null, conflictIds: [] };

/** What the rule needs of a change. */
export interface MergeInput {
  id: string;
  kind: ChangeKind;
  baseId: string | null;
  payload: Readonly<Record<string, unknown>>;
}

export type MergeResult =
  { outcome: ChangeOutcome; head: EntityHead } | { outcome: 'refused'; code: 'TEAM_SIGN_OFF_STALE'; head: EntityHead };

/** The ids a change on the head says it resolves (`payload.resolves`), strings only. */
export function resolvedIds(payload: Readonly<Record<string, unknown>>): string[] {
  const r = payload.resolves;
  return Array.isArray(r) ? r.filter((x): x is string => typeof x === 'string') : [];
}

/**
 * Unversioned kinds are always applied and leave the head alone. A sign-off must be on the head
 * with no open conflict, else it is refused (stale). Any other versioned change on the head becomes
 * the head and removes the conflicts it resolves; on another base it is kept as a conflict.
 */
export function mergeChange(state: EntityHead, change: MergeInput): MergeResult {
  if (!VERSIONED_KINDS.has(change.kind)) return { outcome: 'applied', head: state };
  const onHead = change.baseId === state.headId;
  if (change.kind === 'sign-off') {
    if (!onHead || state.conflictIds.length > 0) return { outcome: 'refused', code: 'TEAM_SIGN_OFF_STALE', head: state };
    return { outcome: 'applied', head: { headId: change.id, conflictIds: [] } };
  }
  if (!onHead) {
    const conflictIds = state.conflictIds.includes(change.id) ? state.conflictIds : [...state.conflictIds, change.id];
    return { outcome: 'conflict', head: { headId: state.headId, conflictIds } };
  }
  const resolved = new Set(resolvedIds(change.payload));
  return { outcome: 'applied', head: { headId: change.id, conflictIds: state.conflictIds.filter((id) => !resolved.has(id)) } };
}
