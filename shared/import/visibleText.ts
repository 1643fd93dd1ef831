/**
 * Whether an imported paragraph shows anything to translate. A paragraph made only of white
 * space, no-break spaces, zero-width and other invisible format characters, line breaks or
 * formatting chips around nothing must never become a row: it cannot be translated, yet it would
 * need a sign-off. Pure; used by every import format.
 */
import { tokenInfo, type InlineCode } from '../inline/inlineCodes.js';

/**
 * Characters that show nothing: white space (including no-break and ideographic spaces), line and
 * paragraph separators, controls, format characters (zero-width space/joiners, word joiner, BOM,
 * soft hyphen, bidi marks), variation selectors, and the blank letters used as invisible filler
 * (Hangul fillers, braille blank).
 */
// eslint-disable-next-line no-misleading-character-class -- each invisible code point, combining ones included, is matched alone.
const INVISIBLE = /[\s\p{Z}\p{Cc}\p{Cf}\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u2800\u3164\uFE00-\uFE0F\uFFA0\u{E0100}-\u{E01EF}]/gu;
/** One code point of INVISIBLE (the same class, not global). */
// eslint-disable-next-line no-misleading-character-class -- the same class as INVISIBLE.
const INVISIBLE_ONE = new RegExp(`^${INVISIBLE.source}$`, 'u');

/** The text without invisible characters (token placeholders are left in place). */
export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** True when a text line or block shows nothing (white space and invisible characters only). */
export function isInvisible(text: string): boolean {
  return withoutInvisible(text) === '';
}

/**
 * True when the paragraph shows some text: a visible character outside the placeholders, or an
 * inline-code chip with visible text (its text is shown and exported). Line breaks, formatting
 * chips and other standalone codes alone do not count.
 */
export function hasVisibleText(text: string, codes: readonly InlineCode[] = []): boolean {
  // Code point by code point, so a paragraph that starts with a letter is decided at once (10,000 on an import).
  for (const ch of text) {
    if (INVISIBLE_ONE.test(ch)) continue;
    const token = tokenInfo(ch);
    if (token === null) return true;
    const code = codes[token.index];
    if (token.role === 'solo' && code?.type === 'code' && !isInvisible(code.text)) return true;
  }
  return false;
}

/** True when the paragraph holds a letter or a digit (outside the placeholders, or in a code chip). */
export function hasWords(text: string, codes: readonly InlineCode[] = []): boolean {
  if (/[\p{L}\p{N}]/u.test(text.replace(/[\uE000-\uE2FF]/g, ''))) return true;
  return [...text].some((ch) => {
    const token = tokenInfo(ch);
    const code = token?.role === 'solo' ? codes[token.index] : undefined;
    return code?.type === 'code' && /[\p{L}\p{N}]/u.test(code.text);
  });
}
