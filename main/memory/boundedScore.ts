/**
 * The match score of shared/memory/matchScore.ts (tokenMatchScore), exact, for re-ranking many
 * candidates against one query: tokens are interned to integers (with their lower-cased form), the
 * distance is computed in two reused rows and abandoned as soon as a row shows it cannot reach the
 * score asked for.
 */
import { scoreFromDistance } from '../../shared/memory/matchScore.js';

/** A scorer for `query`: the score of a unit's tokens when it is ≥ `minScore`, else -1. */
export function boundedScorer(query: readonly string[]): (tokens: readonly string[], minScore: number) => number {
  const ids = new Map<string, number>();
  const lowerOf: number[] = [];
  const intern = (t: string): number => {
    let id = ids.get(t);
    if (id === undefined) {
      id = ids.size;
      ids.set(t, id);
      const lower = t.toLowerCase();
      lowerOf.push(lower === t ? id : intern(lower));
    }
    return id;
  };
  const q = Int32Array.from(query, intern);
  const n = q.length;
  let prev = new Int32Array(64);
  let cur = new Int32Array(64);
  let other = new Int32Array(64);
  return (tokens, minScore) => {
    const m = tokens.length;
    const longest = Math.max(n, m);
    if (longest === 0) return minScore <= 100 ? 100 : -1;
    // floor(100 × (2L − d) / 2L) ≥ s ⟺ d ≤ 2L(100 − s) / 100, d being the doubled distance.
    const allowed = Math.floor((2 * longest * (100 - minScore)) / 100);
    if (2 * Math.abs(n - m) > allowed) return -1;
    if (prev.length <= m) [prev, cur, other] = [new Int32Array(2 * m + 2), new Int32Array(2 * m + 2), new Int32Array(2 * m + 2)];
    for (let j = 0; j < m; j++) other[j] = intern(tokens[j]!);
    for (let j = 0; j <= m; j++) prev[j] = 2 * j;
    for (let i = 1; i <= n; i++) {
      cur[0] = 2 * i;
      let rowMin = 2 * i;
      const x = q[i - 1]!;
      const xl = lowerOf[x]!;
      for (let j = 1; j <= m; j++) {
        const y = other[j - 1]!;
        // Same token 0, same in another case 1 (half an edit), else 2; insert or delete 2.
        let v = prev[j - 1]! + (x === y ? 0 : xl === lowerOf[y] ? 1 : 2);
        if (prev[j]! + 2 < v) v = prev[j]! + 2;
        if (cur[j - 1]! + 2 < v) v = cur[j - 1]! + 2;
        cur[j] = v;
        if (v < rowMin) rowMin = v;
      }
      // Every alignment passes through this row: the distance is at least its minimum.
      if (rowMin > allowed) return -1;
      const swap = prev;
      prev = cur;
      cur = swap;
    }
    const d = prev[m]!;
    return d > allowed ? -1 : scoreFromDistance(d, n, m);
  };
}
