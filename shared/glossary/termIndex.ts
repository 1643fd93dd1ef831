/**
 * A glossary indexed by each term's first word, so a paragraph is matched only against the terms
 * whose first word it contains (a few), not against every term of the pair (thousands): the
 * editor's highlighting and the glossary QA check over a 10,000-paragraph document stay cheap.
 * The result is exactly `findTermMatches(text, terms, lang)`: a term whose first word is not in
 * the text can never match (TextMatcher's own first test), and candidates keep glossary order.
 */
import { findTermMatches, phraseFirstWord, textWords, type TermMatch } from './match.js';
import type { MatchableTerm } from './types.js';

export class TermIndex<T extends Pick<MatchableTerm, 'source' | 'caseSensitive'>> {
  private readonly byWord = new Map<string, number[]>();
  /** Terms that must always be tried (no first word to test). */
  private readonly always: number[] = [];

  constructor(readonly terms: readonly T[]) {
    terms.forEach((term, i) => {
      const word = phraseFirstWord(term.source);
      if (word === null) this.always.push(i);
      else {
        const list = this.byWord.get(word);
        if (list) list.push(i);
        else this.byWord.set(word, [i]);
      }
    });
  }

  /** The terms that may occur in `text`, in glossary order. */
  candidates(text: string): T[] {
    if (text === '' || this.terms.length === 0) return [];
    const found = [...this.always];
    for (const word of textWords(text)) {
      const list = this.byWord.get(word);
      if (list) found.push(...list);
    }
    return found.sort((a, b) => a - b).map((i) => this.terms[i]!);
  }

  /** `findTermMatches(text, terms, lang)`, trying only the candidates. */
  matches(text: string, lang: string): TermMatch<T>[] {
    return findTermMatches(text, this.candidates(text), lang);
  }
}
