// The brute force of `npm run bench:tm`: the best match score (≥ 50) of a query over every unit,
// the same score as shared/memory/matchScore.ts (token Levenshtein, a case-only replacement 0.5,
// floor(100 × (1 − d / max(n, m)))), on tokens interned to integers, with early abandoning.
export function createBruteForce(store, TOKEN_SEPARATOR) {
  const ids = new Map();
  const lowerOf = [];
  const intern = (t) => {
    let id = ids.get(t);
    if (id === undefined) {
      id = ids.size;
      ids.set(t, id);
      const l = t.toLowerCase();
      lowerOf.push(l === t ? id : intern(l));
    }
    return id;
  };
  let offsets = new Int32Array(1024);
  let flat = new Int32Array(0);
  let count = 0;
  let loaded = false;
  function loadAll() {
    loaded = true;
    let pos = 0;
    flat = new Int32Array(1 << 20);
    for (const row of store.iterateTokens('en', 'es')) {
      const toks = row.tokens === '' ? [] : row.tokens.split(TOKEN_SEPARATOR);
      while (pos + toks.length > flat.length) {
        const bigger = new Int32Array(flat.length * 2);
        bigger.set(flat);
        flat = bigger;
      }
      for (const t of toks) flat[pos++] = intern(t);
      if (count + 2 > offsets.length) {
        const bigger = new Int32Array(offsets.length * 2);
        bigger.set(offsets);
        offsets = bigger;
      }
      offsets[++count] = pos;
    }
  }
  const prevRow = new Int32Array(512);
  const curRow = new Int32Array(512);
  /** The doubled distance of units a and the query, or Infinity once it exceeds `allowed`. */
  function distance(qt, a, m, allowed) {
    const n = qt.length;
    for (let j = 0; j <= m; j++) prevRow[j] = 2 * j;
    let p = prevRow;
    let c = curRow;
    for (let i = 1; i <= n; i++) {
      c[0] = 2 * i;
      let rowMin = c[0];
      const x = qt[i - 1];
      const xl = lowerOf[x];
      for (let j = 1; j <= m; j++) {
        const y = flat[a + j - 1];
        const sub = x === y ? 0 : xl === lowerOf[y] ? 1 : 2;
        let v = p[j - 1] + sub;
        if (p[j] + 2 < v) v = p[j] + 2;
        if (c[j - 1] + 2 < v) v = c[j - 1] + 2;
        c[j] = v;
        if (v < rowMin) rowMin = v;
      }
      if (rowMin > allowed) return Infinity;
      const t = p;
      p = c;
      c = t;
    }
    return p[m];
  }
  let wanted = new Int32Array(0);
  /** Tokens of unit `a..a+m` that the query also has (lower-cased, as a multiset). */
  function common(a, m) {
    let shared = 0;
    for (let j = a; j < a + m; j++) {
      const l = lowerOf[flat[j]];
      if (wanted[l] > 0) {
        wanted[l]--;
        shared++;
      }
    }
    for (let j = a; j < a + m; j++) {
      const l = lowerOf[flat[j]];
      if (shared > 0 && wanted[l] < want(l)) wanted[l]++;
    }
    return shared;
  }
  let queryCounts = new Int32Array(0);
  const want = (l) => queryCounts[l];
  /** The best score ≥ 50 over every unit, or null. */
  return function bruteBest(tokens) {
    if (!loaded) loadAll();
    const qt = tokens.map(intern);
    const n = qt.length;
    wanted = new Int32Array(ids.size);
    for (const t of qt) wanted[lowerOf[t]]++;
    queryCounts = wanted.slice();
    let best = 49; // only scores ≥ 50 are shown
    for (let u = 0; u < count; u++) {
      const a = offsets[u];
      const m = offsets[u + 1] - a;
      const L = Math.max(n, m);
      if (L === 0) continue;
      // the doubled distance a score above `best` allows
      const allowed = Math.floor((2 * L * (100 - (best + 1))) / 100);
      if (2 * Math.abs(n - m) > allowed) continue;
      // Every token of the longer text not matched (case aside) costs at least a whole edit.
      if (2 * (L - common(a, m)) > allowed) continue;
      const d = distance(qt, a, m, allowed);
      if (d === Infinity) continue;
      const score = Math.floor((100 * (2 * L - d)) / (2 * L));
      if (score > best) best = score;
    }
    return best >= 50 ? best : null;
  };
}
