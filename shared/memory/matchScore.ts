/**
 * Translation-memory match score, as OmegaT and Trados compute it: a token-level edit distance.
 *
 *   score = floor(100 × (1 − d / max(n, m)))
 *
 * n, m: token counts of the two sources; tokens are Intl.Segmenter words plus every punctuation
 * character (whitespace is not a token), Chinese/Japanese characters one token each, inline codes
 * left out (`withoutCodes`; formatting.ts adds a penalty when formatting differs); d: Levenshtein
 * distance over the tokens where inserting, deleting or replacing a token costs 1 and replacing a
 * token by the same token in another case costs 0.5. Two empty texts score 100.
 */
import { levenshtein } from '../text/editDistance.js';
import { wordSegmenter } from '../text/words.js';

const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const SPACE = /^\s$/u;

/**
 * The text a match is computed on: inline codes abstracted (shared/memory/formatting.ts). Paired
 * placeholders (bold, italic, links) are left out, so "re<b>launch</b>ed" stays one word; a
 * standalone one (a line break, inline code) separates words.
 */
export function withoutCodes(text: string): string {
  return text.replace(/[\uE000-\uE1FF]/gu, '').replace(/[\uE200-\uE2FF]/gu, ' ');
}

/** The tokens a match score is computed over (NFC, inline codes abstracted). */
/**
 * The text every token of `matchTokens` comes from, in order: codes left out, NFC, no whitespace.
 * Two texts with the same tokens have the same exact text (their tokens joined, less any
 * whitespace inside them), so it keys exact matches (main/memory/exactMatch.ts) without segmenting.
 */
export function exactText(text: string): string {
  return withoutCodes(text).normalize('NFC').replace(/\s+/gu, '');
}

export function matchTokens(text: string, lang: string): string[] {
  const out: string[] = [];
  for (const { segment, isWordLike } of wordSegmenter(lang).segment(withoutCodes(text).normalize('NFC'))) {
    if (isWordLike && !CJK_CHAR.test(segment)) {
      out.push(segment);
      continue;
    }
    // Punctuation one character at a time; CJK one character at a time; spaces dropped.
    for (const ch of segment) if (!SPACE.test(ch)) out.push(ch);
  }
  return out;
}

interface CasedToken {
  exact: string;
  lower: string;
}
const cased = (tokens: readonly string[]): CasedToken[] => tokens.map((t) => ({ exact: t, lower: t.toLowerCase() }));
/** Replacing a token: 0 when the same, 1 (half of 2) when only the case differs, else 2. */
const caseHalf = (x: CasedToken, y: CasedToken): number => (x.exact === y.exact ? 0 : x.lower === y.lower ? 1 : 2);

/** Twice the token edit distance (integers: a case-only replacement costs 1 here, i.e. 0.5). */
export function doubledTokenDistance(a: readonly string[], b: readonly string[]): number {
  return levenshtein(cased(a), cased(b), caseHalf, 2);
}

/** score from token counts and the doubled distance (exact integer arithmetic). */
export function scoreFromDistance(doubled: number, n: number, m: number): number {
  const longest = Math.max(n, m);
  if (longest === 0) return 100;
  return Math.max(0, Math.floor((100 * (2 * longest - doubled)) / (2 * longest)));
}

/** The match percentage (0–100) of two token lists. */
export function tokenMatchScore(a: readonly string[], b: readonly string[]): number {
  return scoreFromDistance(doubledTokenDistance(a, b), a.length, b.length);
}

/** The match percentage (0–100) of two source texts in `lang`. */
export function matchScore(a: string, b: string, lang: string): number {
  return tokenMatchScore(matchTokens(a, lang), matchTokens(b, lang));
}

/** The best score two texts of n and m tokens can reach (their length difference alone costs that much). */
export function lengthBound(n: number, m: number): number {
  return scoreFromDistance(2 * Math.abs(n - m), n, m);
}
