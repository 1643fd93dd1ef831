/**
 * The one edit distance of Verso (Levenshtein). Post-editing effort (shared/metrics/effort.ts)
 * counts character and word edits with it; the translation memory (shared/memory/matchScore.ts)
 * scores matches with it, where replacing a token by the same token in another case costs half.
 */
import { diffArrays } from 'diff';

/** What replacing x by y costs (an integer; 0 when they are the same). */
export type SubstitutionCost<T> = (x: T, y: T) => number;

const sameOrOne = <T>(x: T, y: T): number => (x === y ? 0 : 1);

/**
 * Exact Levenshtein distance between two sequences, in two rows of memory: inserting or deleting an
 * item costs `indel`, replacing x by y costs `substitution(x, y)` (integer costs).
 */
export function levenshtein<T>(a: readonly T[], b: readonly T[], substitution: SubstitutionCost<T> = sameOrOne, indel = 1): number {
  const n = a.length;
  const m = b.length;
  if (n === 0) return indel * m;
  if (m === 0) return indel * n;
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = indel * j;
  for (let i = 1; i <= n; i++) {
    cur[0] = indel * i;
    const ai = a[i - 1]!;
    for (let j = 1; j <= m; j++) {
      cur[j] = Math.min(prev[j - 1]! + substitution(ai, b[j - 1]!), prev[j]! + indel, cur[j - 1]! + indel);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[m]!;
}

/** Above this many cells (length × length) the exact O(n·m) distance would stall the UI. */
export const EXACT_DISTANCE_MAX_CELLS = 25_000_000;

/**
 * Edit distance at any length: exact Levenshtein for ordinary paragraphs; for very long ones,
 * jsdiff's O(N·D) diff, counting each changed hunk as max(inserted, deleted) edits (an upper bound,
 * exact when the changes are substitutions, insertions or deletions that do not overlap).
 */
export function editDistance<T>(a: readonly T[], b: readonly T[]): number {
  if (a.length * b.length <= EXACT_DISTANCE_MAX_CELLS) return levenshtein(a, b);
  let distance = 0;
  let added = 0;
  let removed = 0;
  for (const c of diffArrays(a as T[], b as T[])) {
    if (c.added) added += c.count ?? c.value.length;
    else if (c.removed) removed += c.count ?? c.value.length;
    else {
      distance += Math.max(added, removed);
      added = 0;
      removed = 0;
    }
  }
  return distance + Math.max(added, removed);
}
