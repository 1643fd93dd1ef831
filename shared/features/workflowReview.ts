/** The review-quality signal: a sign-off faster than a plausible reading speed is a "fast" sign-off. */
import { words } from '../metrics/effort.js';

/** Faster than this many words per second of dwell time is not plausible reading. */
export const READING_WORDS_PER_SECOND = 2;

/** Words a reviewer reads in the translation (letters or digits; CJK: characters). */
export function readingWords(text: string, lang: string): number {
  return words(text, lang).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export function isFastSignOff(dwellMs: number, wordCount: number): boolean {
  return wordCount > 0 && dwellMs < (wordCount / READING_WORDS_PER_SECOND) * 1000;
}
