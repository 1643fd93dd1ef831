/** Finding text in paragraphs (plain or regular expression, with or without case) and replacing one match. */
import { escapeRegExp } from '../../../shared/escapeRegExp.js';
import type { Paragraph } from '../../../shared/types.js';

export interface FindOptions {
  query: string;
  regex: boolean;
  caseSensitive: boolean;
}

export interface TextMatch {
  start: number;
  end: number;
  /** The replacement text for this match (with $1… filled in for regular expressions). */
  text: string;
}

/** The pattern, or an Error when the regular expression is invalid; null for an empty query. */
export function compile(options: FindOptions): RegExp | Error | null {
  if (options.query === '') return null;
  try {
    return new RegExp(options.regex ? options.query : escapeRegExp(options.query), `gu${options.caseSensitive ? '' : 'i'}`);
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}

/** Non-empty matches of `pattern` in `text`. */
export function findMatches(text: string, pattern: RegExp): TextMatch[] {
  const out: TextMatch[] = [];
  for (const m of text.matchAll(pattern)) {
    if (m[0] === '') continue;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}

/** `text` with one match replaced; `$1`, `$&`… work for regular expressions. */
export function replaceMatch(text: string, match: TextMatch, pattern: RegExp, replacement: string, regex: boolean): string {
  const found = text.slice(match.start, match.end);
  const single = new RegExp(pattern.source, pattern.flags.replace('g', ''));
  const replaced = regex ? found.replace(single, replacement) : replacement;
  return text.slice(0, match.start) + replaced + text.slice(match.end);
}

export type FindScope = 'source' | 'target' | 'both';

/** Whether `pattern` (global) has a non-empty match in `text`; stops at the first, builds nothing. */
export function hasMatch(text: string, pattern: RegExp): boolean {
  pattern.lastIndex = 0;
  try {
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      if (m[0] !== '') return true;
      // An empty match: step past it (by a code point under the u flag) and look again.
      const at = pattern.lastIndex;
      pattern.lastIndex = at + (pattern.unicode && (text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1);
      if (pattern.lastIndex > text.length) break;
    }
    return false;
  } finally {
    // The pattern is shared (matchAll starts where lastIndex is): leave it as found.
    pattern.lastIndex = 0;
  }
}

export function paragraphMatches(p: Paragraph, pattern: RegExp, scope: FindScope): boolean {
  return (scope !== 'target' && hasMatch(p.source, pattern)) || (scope !== 'source' && hasMatch(p.target, pattern));
}
