/**
 * Replace all in one translation, with the Find pattern (renderer/src/workflow/find.ts).
 *
 * Case: without "Match case", a replacement typed in lower case takes the case of what it
 * replaces: a capital first letter (a sentence start), ALL CAPS, or Title Case Of Every Word;
 * a replacement typed with capitals ("ONU", "iPhone") is used as typed. With "Match case" the
 * search is literal and so is the replacement.
 * Regular expressions: `$1`, `$<name>`, `$&`, `` $` ``, `$'` and `$$` as in JavaScript; the
 * whole text is matched at once, so lookbehind, anchors and lookahead see the real context.
 * Inline formatting tokens (shared/inline) are never touched: a match that includes one is left
 * alone (and counted as skipped), and token characters are removed from the replacement.
 */
const TOKEN = /[\uE000-\uE2FF]/u;
const TOKENS = /[\uE000-\uE2FF]/gu;
const UPPER = /[\p{Lu}\p{Lt}]/u;
const LETTER = /\p{L}/u;
/** `$` references in a replacement template (their text comes from the match, not from the typist). */
const REFERENCE = /\$(?:\$|&|`|'|\d{1,2}|<[^>]*>)/g;

export interface ReplaceOptions {
  regex: boolean;
  caseSensitive: boolean;
  /** Language of the text (for upper-casing: Turkish i, …). */
  lang: string;
}

export interface ReplacedText {
  text: string;
  /** Matches replaced. */
  count: number;
  /** Matches left alone because they include a formatting token. */
  skipped: number;
}

export interface MatchParts {
  match: string;
  captures: readonly (string | undefined)[];
  position: number;
  input: string;
  groups: Record<string, string | undefined> | undefined;
}

/** The replacement for one match, by ECMAScript's GetSubstitution rules. */
export function expandReplacement(template: string, m: MatchParts): string {
  return template.replace(
    /\$(\$|&|`|'|(\d{1,2})|<([^>]*)>)/g,
    (whole, kind: string, digits: string | undefined, name: string | undefined) => {
      if (kind === '$') return '$';
      if (kind === '&') return m.match;
      if (kind === '`') return m.input.slice(0, m.position);
      if (kind === "'") return m.input.slice(m.position + m.match.length);
      if (digits !== undefined) {
        const count = m.captures.length;
        const two = Number(digits);
        if (digits.length === 2 && two >= 1 && two <= count) return m.captures[two - 1] ?? '';
        const one = Number(digits[0]);
        if (one >= 1 && one <= count) return (m.captures[one - 1] ?? '') + digits.slice(1);
        return whole;
      }
      if (name !== undefined) return m.groups ? (m.groups[name] ?? '') : whole;
      return whole;
    },
  );
}

function upperFirstLetter(text: string, lang: string): string {
  const at = text.search(LETTER);
  if (at < 0) return text;
  const first = String.fromCodePoint(text.codePointAt(at)!);
  return text.slice(0, at) + first.toLocaleUpperCase(lang) + text.slice(at + first.length);
}

/** `replacement` (typed in lower case) in the case pattern of `found`. */
export function matchCase(found: string, replacement: string, lang: string): string {
  const letters = [...found].filter((c) => LETTER.test(c));
  if (letters.length === 0) return replacement;
  const upper = letters.filter((c) => UPPER.test(c)).length;
  if (letters.length >= 2 && upper === letters.length) return replacement.toLocaleUpperCase(lang);
  const words = found.split(/\s+/u).filter((w) => LETTER.test(w));
  if (words.length >= 2 && words.every((w) => UPPER.test(w[w.search(LETTER)]!))) {
    return replacement
      .split(/(\s+)/u)
      .map((part) => upperFirstLetter(part, lang))
      .join('');
  }
  return UPPER.test(letters[0]!) ? upperFirstLetter(replacement, lang) : replacement;
}

export function replaceAllIn(text: string, pattern: RegExp, replacement: string, options: ReplaceOptions): ReplacedText {
  const template = replacement.replace(TOKENS, '');
  // Case is adapted only for a case-insensitive search and a replacement typed in lower case.
  const adapt = !options.caseSensitive && !UPPER.test(options.regex ? template.replace(REFERENCE, '') : template);
  let count = 0;
  let skipped = 0;
  const global = pattern.global ? pattern : new RegExp(pattern.source, pattern.flags + 'g');
  const out = text.replace(global, (...args: unknown[]) => {
    const match = args[0] as string;
    if (match === '') return match;
    if (TOKEN.test(match)) {
      skipped += 1;
      return match;
    }
    const named = typeof args.at(-1) === 'object' && args.at(-1) !== null;
    const tail = named ? 3 : 2;
    const parts: MatchParts = {
      match,
      captures: args.slice(1, args.length - tail) as (string | undefined)[],
      position: args[args.length - tail] as number,
      input: text,
      groups: named ? (args.at(-1) as Record<string, string | undefined>) : undefined,
    };
    const expanded = (options.regex ? expandReplacement(template, parts) : template).replace(TOKENS, '');
    count += 1;
    return adapt ? matchCase(match, expanded, options.lang) : expanded;
  });
  return { text: out, count, skipped };
}
