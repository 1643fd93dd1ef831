/**
 * Post-editing effort between the raw machine translation and the final text:
 * - character edit distance (Levenshtein over Unicode code points), normalised by the longer text;
 * - word-level HTER: word edits (insertions, deletions, substitutions; no block shifts) divided by
 *   the number of words of the final text. Words come from Intl.Segmenter; CJK counts characters.
 */
import { diffArrays } from 'diff';
import { tokenize } from '../diff/textDiff.js';
import { isCjk } from '../qa/text.js';

/** Levenshtein distance between two sequences (two rows of memory). */
export function levenshtein<T>(a: readonly T[], b: readonly T[]): number {
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let curr = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      curr[j] = Math.min(prev[j]! + 1, curr[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, curr] = [curr, prev];
  }
  return prev[b.length]!;
}

/** Above this many cells (length × length) the exact O(n·m) distance would stall the UI. */
export const EXACT_DISTANCE_MAX_CELLS = 25_000_000;

/**
 * Edit distance: exact Levenshtein for ordinary paragraphs; for very long ones, jsdiff's O(N·D)
 * diff, counting each changed hunk as max(inserted, deleted) edits (an upper bound, exact when the
 * changes are substitutions, insertions or deletions that do not overlap).
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

/** 0 (untouched) … 1 (entirely rewritten). */
export function normalisedCharDistance(mt: string, final: string): number {
  const a = [...mt];
  const b = [...final];
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 0 : editDistance(a, b) / longer;
}

/** Words of a text: word-like segments and punctuation, without spaces (CJK: characters). */
export function words(text: string, lang: string): string[] {
  return tokenize(text, lang).filter((t) => t.trim() !== '' && (!isCjk(lang) || /[\p{L}\p{N}]/u.test(t)));
}

/** Word edits ÷ words of the final text; null when the final text has no words. */
export function hter(mt: string, final: string, lang: string): number | null {
  const finalWords = words(final, lang);
  if (finalWords.length === 0) return null;
  return editDistance(words(mt, lang), finalWords) / finalWords.length;
}

export interface ParagraphEffort {
  charDistance: number;
  hter: number | null;
}

export function paragraphEffort(mt: string, final: string, lang: string): ParagraphEffort {
  return { charDistance: normalisedCharDistance(mt, final), hter: hter(mt, final, lang) };
}
