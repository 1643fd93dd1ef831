/**
 * Finding glossary terms in text. A term matches whole words only ("EU" is not found in "EUR"),
 * with word boundaries from `Intl.Segmenter` for the text's language; an apostrophe next to a term
 * counts as a boundary ("Macron's", "l'Union"). Scripts written without spaces (Chinese, Japanese,
 * Thai, …) have no reliable word boundaries, so there a term matches as a substring. Case is
 * ignored unless the term is case-sensitive; inner white space matches any run of white space,
 * with inline tokens (shared/inline: bold, links) anywhere in it.
 */
import type { MatchableTerm } from './types.js';
import { escapeRegExp } from '../escapeRegExp.js';
import { wordSegmenter } from '../text/words.js';

export interface Span {
  start: number;
  end: number;
}

export interface TermMatch<T> extends Span {
  term: T;
  /** The text as it appears (may differ in case from the term). */
  text: string;
}

const NO_SPACE_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const APOSTROPHES = new Set(["'", '\u2019', '\u02BC']);
const WORD_SPLIT = /[^\p{L}\p{N}\p{M}]+/u;

interface PhraseInfo {
  /** First white-space-delimited part, as is and in lower case. */
  first: string;
  firstLower: string;
  /** Its first word in lower case, when the phrase starts with it and uses spaces; else null. */
  firstWord: string | null;
  exact: RegExp;
  anyCase: RegExp;
}

/** Per phrase, computed once (glossaries are matched against every paragraph). */
const PHRASES = new Map<string, PhraseInfo>();

/** See PhraseInfo.firstWord (`lower` is the trimmed phrase in lower case). */
function firstWordOf(lower: string): string | null {
  const word = lower.split(WORD_SPLIT).find((w) => w !== '');
  return word !== undefined && !NO_SPACE_SCRIPT.test(lower) && lower.startsWith(word) ? word : null;
}

function phraseInfo(phrase: string): PhraseInfo {
  const known = PHRASES.get(phrase);
  if (known) return known;
  const lower = phrase.toLowerCase();
  const first = phrase.split(/\s+/u)[0]!;
  // Between words: white space, and any inline tokens (chips) around it ("European <b>Union</b>").
  const pattern = phrase.split(/\s+/u).map(escapeRegExp).join('[\\s\\uE000-\\uE2FF]*\\s[\\s\\uE000-\\uE2FF]*');
  const info: PhraseInfo = {
    first,
    firstLower: first.toLowerCase(),
    firstWord: firstWordOf(lower),
    exact: new RegExp(pattern, 'gu'),
    anyCase: new RegExp(pattern, 'giu'),
  };
  if (PHRASES.size >= 100_000) PHRASES.clear();
  PHRASES.set(phrase, info);
  return info;
}

/**
 * The lower-case word a text must contain for `phrase` to match in it (TextMatcher's first test),
 * or null when there is none to test (scripts without spaces, a phrase starting with punctuation).
 */
export function phraseFirstWord(phrase: string): string | null {
  const trimmed = phrase.trim();
  return trimmed === '' ? null : firstWordOf(trimmed.toLowerCase());
}

/** The lower-case words of a text, as TextMatcher tests them. */
export function textWords(text: string): Set<string> {
  return new Set(text.toLowerCase().split(WORD_SPLIT));
}

/** Word boundaries of one text, computed once and shared by every phrase looked up in it. */
export class TextMatcher {
  private bounds: Set<number> | null = null;
  private readonly lower: string;

  constructor(
    readonly text: string,
    readonly lang: string,
  ) {
    this.lower = text.toLowerCase();
  }

  private boundaries(): Set<number> {
    if (this.bounds) return this.bounds;
    const set = new Set<number>([0, this.text.length]);
    for (const s of wordSegmenter(this.lang).segment(this.text)) {
      set.add(s.index);
      set.add(s.index + s.segment.length);
    }
    this.bounds = set;
    return set;
  }

  private startOk(phrase: string, start: number): boolean {
    if (NO_SPACE_SCRIPT.test(phrase[0] ?? '')) return true;
    return this.boundaries().has(start) || APOSTROPHES.has(this.text[start - 1] ?? '');
  }

  private endOk(phrase: string, end: number): boolean {
    if (NO_SPACE_SCRIPT.test(phrase.at(-1) ?? '')) return true;
    return this.boundaries().has(end) || APOSTROPHES.has(this.text[end] ?? '');
  }

  private wordSet: Set<string> | null = null;

  /** The text's words, lower case (letters and digits), for a quick first test. */
  private words(): Set<string> {
    this.wordSet ??= new Set(this.lower.split(WORD_SPLIT));
    return this.wordSet;
  }

  /** Every whole-word occurrence of `phrase`. */
  find(phrase: string, caseSensitive: boolean): Span[] {
    const trimmed = phrase.trim();
    if (trimmed === '') return [];
    const p = phraseInfo(trimmed);
    // Cheap tests first: the phrase's first word must occur at all (a set lookup where words are spaced).
    if (p.firstWord !== null && !this.words().has(p.firstWord)) return [];
    if (caseSensitive ? !this.text.includes(p.first) : !this.lower.includes(p.firstLower)) return [];
    const re = caseSensitive ? p.exact : p.anyCase;
    re.lastIndex = 0;
    const spans: Span[] = [];
    for (let m = re.exec(this.text); m !== null; m = re.exec(this.text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (this.startOk(trimmed, start) && this.endOk(trimmed, end)) spans.push({ start, end });
    }
    return spans;
  }

  has(phrase: string, caseSensitive: boolean): boolean {
    return this.find(phrase, caseSensitive).length > 0;
  }
}

/**
 * The terms found in `text`, in order, never overlapping: where two terms overlap the longer
 * wins ("European Union" over "Union"), then the earlier.
 */
export function findTermMatches<T extends Pick<MatchableTerm, 'source' | 'caseSensitive'>>(
  text: string,
  terms: readonly T[],
  lang: string,
): TermMatch<T>[] {
  if (text === '' || terms.length === 0) return [];
  const matcher = new TextMatcher(text, lang);
  const found: TermMatch<T>[] = [];
  for (const term of terms) {
    for (const span of matcher.find(term.source, term.caseSensitive)) {
      found.push({ ...span, term, text: text.slice(span.start, span.end) });
    }
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const chosen: TermMatch<T>[] = [];
  for (const m of found) {
    if (chosen.some((c) => m.start < c.end && c.start < m.end)) continue;
    chosen.push(m);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/** The distinct terms found in `text` (each once, in order of first appearance). */
export function termsIn<T extends Pick<MatchableTerm, 'source' | 'caseSensitive'>>(text: string, terms: readonly T[], lang: string): T[] {
  const seen = new Set<T>();
  for (const m of findTermMatches(text, terms, lang)) seen.add(m.term);
  return [...seen];
}

/** Cuts `text` into plain pieces and matched pieces, for highlighting. */
export function splitByMatches<T>(
  text: string,
  matches: readonly TermMatch<T>[],
): ({ text: string; match: null } | { text: string; match: TermMatch<T> })[] {
  const pieces: ({ text: string; match: null } | { text: string; match: TermMatch<T> })[] = [];
  let at = 0;
  for (const m of matches) {
    if (m.start > at) pieces.push({ text: text.slice(at, m.start), match: null });
    pieces.push({ text: text.slice(m.start, m.end), match: m });
    at = m.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), match: null });
  return pieces;
}
