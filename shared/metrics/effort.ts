/**
 * Post-editing effort between the raw machine translation and the final text:
 * - character edit distance (Levenshtein over Unicode code points), normalised by the longer text;
 * - word-level HTER: word edits (insertions, deletions, substitutions; no block shifts) divided by
 *   the number of words of the final text. Words come from Intl.Segmenter; CJK counts characters.
 */
import { tokenize } from '../diff/textDiff.js';
import { editDistance } from '../text/editDistance.js';
import { isCjk } from '../qa/text.js';

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
