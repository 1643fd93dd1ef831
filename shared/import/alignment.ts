/**
 * Aligning a source article with a translation made elsewhere, paragraph by paragraph: a
 * length-based dynamic programme after Gale & Church (1993) over 1-1, 1-0, 0-1, 2-1 and 1-2
 * pairings. The proposal gives every source paragraph one target text; rows that are not a clean
 * 1-1 pairing are flagged for the user to check (merge/split) before the document is created.
 */

export interface AlignmentProposal {
  /** One target text per source paragraph ('' when nothing matched). */
  targets: string[];
  /** Per source paragraph: true when the pairing was not 1-1 (worth a look). */
  uncertain: boolean[];
}

type Bead = [number, number];
const BEADS: readonly { bead: Bead; cost: number }[] = [
  { bead: [1, 1], cost: -Math.log(0.89) },
  { bead: [1, 0], cost: -Math.log(0.0099 / 2) },
  { bead: [0, 1], cost: -Math.log(0.0099 / 2) },
  { bead: [2, 1], cost: -Math.log(0.089 / 2) },
  { bead: [1, 2], cost: -Math.log(0.089 / 2) },
];
/** How far (in translations) the alignment may stray from the diagonal. */
const ALIGN_BAND = 120;
/** Variance of the length ratio per character (Gale & Church). */
const S2 = 6.8;

/** Standard normal cumulative distribution (Abramowitz–Stegun 26.2.17). */
function phi(x: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(x));
  const d = 0.3989423 * Math.exp((-x * x) / 2);
  const p = d * t * (0.3193815 + t * (-0.3565638 + t * (1.781478 + t * (-1.821256 + t * 1.330274))));
  return x > 0 ? 1 - p : p;
}

function lengthCost(ls: number, lt: number, ratio: number): number {
  if (ls === 0 && lt === 0) return 0;
  const mean = (ls + lt / ratio) / 2;
  const delta = (lt - ls * ratio) / Math.sqrt(Math.max(mean, 1) * S2);
  const p = 2 * (1 - phi(Math.abs(delta)));
  return -Math.log(Math.max(p, 1e-12));
}

interface AlignedBead {
  sources: number[];
  targets: number[];
}

/** What the dynamic programme keeps: the bead chosen per cell of the band, and the band's rows. */
interface BandedPath {
  back: Uint8Array[];
  lo: (i: number) => number;
}

const NO_BEAD = 255;

export function proposeAlignment(sources: readonly string[], translations: readonly string[]): AlignmentProposal {
  const n = sources.length;
  const m = translations.length;
  if (n === m) return { targets: [...translations], uncertain: sources.map(() => false) };
  const ls = sources.map((s) => s.length);
  const lt = translations.map((t) => t.length);
  const totalS = ls.reduce((a, b) => a + b, 0);
  const totalT = lt.reduce((a, b) => a + b, 0);
  const ratio = totalS > 0 && totalT > 0 ? totalT / totalS : 1;
  const beads = traceBeads(bandedPath(ls, lt, ratio), n, m);
  return placeTargets(beads, translations, ls, ratio);
}

/**
 * cost(i, j): best cost aligning the first i sources with the first j translations, computed in a
 * band around the diagonal (a translation drifts from it only locally), so 20,000 paragraphs a
 * side take megabytes, not gigabytes. Rows i-1 and i-2 are all a row needs; the back-pointers
 * (bead index per cell) are kept for every row.
 */
function bandedPath(ls: readonly number[], lt: readonly number[], ratio: number): BandedPath {
  const n = ls.length;
  const m = lt.length;
  const sumS = [0];
  for (const l of ls) sumS.push(sumS[sumS.length - 1]! + l);
  const sumT = [0];
  for (const l of lt) sumT.push(sumT[sumT.length - 1]! + l);
  const band = Math.max(ALIGN_BAND, 2 * Math.ceil(Math.max(m / Math.max(n, 1), n / Math.max(m, 1))));
  const lo = (i: number): number => Math.max(0, Math.round((i * m) / Math.max(n, 1)) - band);
  const hi = (i: number): number => Math.min(m, Math.round((i * m) / Math.max(n, 1)) + band);
  const back: Uint8Array[] = [];
  const rows = new Map<number, Float64Array>();
  const costAt = (i: number, j: number): number => {
    const row = rows.get(i);
    const l = lo(i);
    return row && j >= l && j <= hi(i) ? row[j - l]! : Infinity;
  };
  for (let i = 0; i <= n; i++) {
    const l = lo(i);
    const row = new Float64Array(hi(i) - l + 1).fill(Infinity);
    const from = new Uint8Array(row.length).fill(NO_BEAD);
    rows.set(i, row);
    rows.delete(i - 3);
    back.push(from);
    for (let j = l; j <= hi(i); j++) {
      if (i === 0 && j === 0) {
        row[0] = 0;
        continue;
      }
      for (const [b, { bead, cost: prior }] of BEADS.entries()) {
        const [di, dj] = bead;
        if (i < di || j < dj) continue;
        const prev = di === 0 ? (j - dj >= l ? row[j - dj - l]! : Infinity) : costAt(i - di, j - dj);
        if (prev === Infinity) continue;
        const c = prev + prior + lengthCost(sumS[i]! - sumS[i - di]!, sumT[j]! - sumT[j - dj]!, ratio);
        if (c < row[j - l]!) {
          row[j - l] = c;
          from[j - l] = b;
        }
      }
    }
  }
  return { back, lo };
}

/** The beads of the best path, first to last. */
function traceBeads({ back, lo }: BandedPath, n: number, m: number): AlignedBead[] {
  const beads: AlignedBead[] = [];
  for (let i = n, j = m; i > 0 || j > 0;) {
    const b = back[i]![j - lo(i)]!;
    if (b === NO_BEAD) throw new Error('alignment: the end is out of the band');
    const [di, dj] = BEADS[b]!.bead;
    beads.push({
      sources: Array.from({ length: di }, (_, k) => i - di + k),
      targets: Array.from({ length: dj }, (_, k) => j - dj + k),
    });
    i -= di;
    j -= dj;
  }
  return beads.reverse();
}

/** One translation per source row; rows whose bead was not one-to-one are marked uncertain. */
function placeTargets(
  beads: readonly AlignedBead[],
  translations: readonly string[],
  ls: readonly number[],
  ratio: number,
): AlignmentProposal {
  const targets = ls.map(() => '');
  const uncertain = ls.map(() => false);
  let pendingOrphans: string[] = [];
  let lastSource = -1;
  for (const bead of beads) {
    const text = bead.targets.map((t) => translations[t]!).join(' ');
    if (bead.sources.length === 0) {
      // A translated paragraph without a source: joins the previous row (or the next one).
      if (lastSource >= 0) {
        targets[lastSource] = [targets[lastSource], text].filter((s) => s !== '').join(' ');
        uncertain[lastSource] = true;
      } else pendingOrphans.push(text);
      continue;
    }
    // Several sources for one translation (2-1): it goes to the source whose length fits it best.
    const tLength = text.length;
    const home = bead.sources.reduce((best, s) => (Math.abs(ls[s]! * ratio - tLength) < Math.abs(ls[best]! * ratio - tLength) ? s : best));
    targets[home] = [...pendingOrphans, text].filter((s) => s !== '').join(' ');
    pendingOrphans = [];
    const clean = bead.sources.length === 1 && bead.targets.length === 1;
    for (const s of bead.sources) uncertain[s] = !clean;
    lastSource = bead.sources.at(-1)!;
  }
  return { targets, uncertain };
}

/** Joins target `index` with the next one (the user's "merge"). */
export function mergeWithNext(targets: readonly string[], index: number): string[] {
  if (index < 0 || index >= targets.length - 1) return [...targets];
  const merged = [targets[index]!, targets[index + 1]!]
    .map((t) => t.trim())
    .filter((t) => t !== '')
    .join(' ');
  return [...targets.slice(0, index), merged, ...targets.slice(index + 2)];
}

/** Splits target `index` at character `at` into two rows (the user's "split"). */
export function splitAt(targets: readonly string[], index: number, at: number): string[] {
  const text = targets[index];
  if (text === undefined) return [...targets];
  const cut = Math.max(0, Math.min(text.length, at));
  return [...targets.slice(0, index), text.slice(0, cut).trim(), text.slice(cut).trim(), ...targets.slice(index + 1)];
}
