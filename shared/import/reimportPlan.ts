/**
 * Living stories: how a revised source maps onto the paragraphs of a document. Paragraphs whose
 * text is the same stay (in place or moved); a changed paragraph is paired with the new paragraph
 * most like it within the same stretch of changes; the rest are added or removed. Pure.
 */
import { diffArrays } from 'diff';

export type ReimportStep =
  | { type: 'unchanged'; oldIndex: number; newIndex: number }
  | { type: 'moved'; oldIndex: number; newIndex: number }
  | { type: 'changed'; oldIndex: number; newIndex: number; similarity: number }
  | { type: 'added'; newIndex: number };

export interface ReimportPlan {
  /** One step per new paragraph, in the new order. */
  steps: ReimportStep[];
  /** Old paragraphs with no counterpart (ascending). */
  removed: number[];
}

/** Least word overlap (Dice coefficient) for a new paragraph to count as a revision of an old one. */
export const CHANGED_MIN_SIMILARITY = 0.5;

/** Comparison key: whitespace differences alone do not make a paragraph "changed". */
export function sourceKey(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

function words(text: string): string[] {
  return sourceKey(text).toLowerCase().split(' ').filter((w) => w !== '');
}

/**
 * Share of words two texts have in common, in order (0–1). Below `floor` the exact figure does not
 * matter: the diff gives up early and 0 is returned, which keeps very different texts cheap.
 */
export function similarity(a: string, b: string, floor = 0): number {
  const wa = words(a);
  const wb = words(b);
  const total = wa.length + wb.length;
  if (total === 0) return 1;
  // similarity >= floor needs at most (1 - floor) * total word edits.
  const parts = diffArrays(wa, wb, { maxEditLength: Math.ceil((1 - floor) * total) + 1 });
  if (!parts) return 0;
  let common = 0;
  for (const part of parts) if (!part.added && !part.removed) common += part.value.length;
  return (2 * common) / total;
}

/** Beyond this many paragraph edits the order-preserving diff gives up (everything is one block). */
const MAX_PARAGRAPH_EDITS = 1_000;
/** How many old paragraphs after the last pairing a new one is compared with. */
const CANDIDATE_WINDOW = 25;

export function planReimport(oldSources: readonly string[], newSources: readonly string[]): ReimportPlan {
  const oldKeys = oldSources.map(sourceKey);
  const newKeys = newSources.map(sourceKey);
  const stepOf = new Map<number, ReimportStep>();
  const oldUsed = new Set<number>();

  // 1. The longest common run of identical paragraphs: unchanged. Between them, blocks of changes.
  const blocks: { olds: number[]; news: number[] }[] = [];
  let o = 0;
  let n = 0;
  let block: { olds: number[]; news: number[] } = { olds: [], news: [] };
  const changes = diffArrays(oldKeys, newKeys, { maxEditLength: MAX_PARAGRAPH_EDITS }) ?? [
    // Too different to diff cheaply: one block of changes; identical paragraphs are still found as moves.
    { value: oldKeys, removed: true, added: false, count: oldKeys.length },
    { value: newKeys, removed: false, added: true, count: newKeys.length },
  ];
  for (const part of changes) {
    for (let k = 0; k < part.value.length; k++) {
      if (part.added) block.news.push(n++);
      else if (part.removed) block.olds.push(o++);
      else {
        if (block.olds.length + block.news.length > 0) blocks.push(block);
        block = { olds: [], news: [] };
        stepOf.set(n, { type: 'unchanged', oldIndex: o, newIndex: n });
        oldUsed.add(o);
        o++;
        n++;
      }
    }
  }
  if (block.olds.length + block.news.length > 0) blocks.push(block);

  // 2. Identical text elsewhere: moved (keeps its translation like an unchanged one).
  const unmatchedOldByKey = new Map<string, number[]>();
  for (const b of blocks) for (const i of b.olds) (unmatchedOldByKey.get(oldKeys[i]!) ?? unmatchedOldByKey.set(oldKeys[i]!, []).get(oldKeys[i]!)!).push(i);
  for (const b of blocks) {
    for (const j of b.news) {
      const candidates = unmatchedOldByKey.get(newKeys[j]!);
      const i = candidates?.shift();
      if (i === undefined) continue;
      stepOf.set(j, { type: 'moved', oldIndex: i, newIndex: j });
      oldUsed.add(i);
    }
  }

  // 3. Within each block, in order: a new paragraph like an old one is that one, changed.
  for (const b of blocks) {
    let after = -1;
    for (const j of b.news) {
      if (stepOf.has(j)) continue;
      let best = -1;
      let bestScore = CHANGED_MIN_SIMILARITY;
      const candidates = b.olds.filter((i) => i > after && !oldUsed.has(i)).slice(0, CANDIDATE_WINDOW);
      for (const i of candidates) {
        const score = similarity(oldSources[i]!, newSources[j]!, CHANGED_MIN_SIMILARITY);
        if (score >= bestScore && (best < 0 || score > bestScore)) {
          best = i;
          bestScore = score;
        }
      }
      if (best >= 0) {
        stepOf.set(j, { type: 'changed', oldIndex: best, newIndex: j, similarity: bestScore });
        oldUsed.add(best);
        after = best;
      }
    }
  }

  const steps = newSources.map((_, j) => stepOf.get(j) ?? ({ type: 'added', newIndex: j } as const));
  const removed = oldSources.map((_, i) => i).filter((i) => !oldUsed.has(i));
  return { steps, removed };
}
