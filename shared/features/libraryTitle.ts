/**
 * Pure rules of the library: what a document title may be (checked by the rename service and,
 * live, by the rename form) and how search text is compared.
 */

/** Longest title, in characters (the import accepts titles of this length too). */
export const TITLE_MAX_CHARS = 500;

export type TitleCheck =
  | { ok: true; title: string }
  | { ok: false; code: 'LIBRARY_TITLE_EMPTY' | 'LIBRARY_TITLE_TOO_LONG' | 'LIBRARY_TITLE_INVALID'; limit?: number };

/**
 * C0/C1 control characters (other than the white space folded below), the private-use characters
 * Verso uses as inline-code placeholders (U+E000–U+E2FF, shared/inline), unpaired surrogates and
 * non-characters: none of these belongs in a title (they break file names and exports). With the
 * `u` flag a surrogate in the class matches only an unpaired one. Bidi controls (U+202A–202E,
 * U+2066–2069, LRM/RLM, ALM) neither: "report\u202Etxt.exe" would read "reportexe.txt".
 */
const INVALID =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uE000-\uE2FF\uFFFE\uFFFF\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;

/** NFC, every run of white space (line breaks and tabs included) one space, trimmed; then checked. */
export function checkTitle(raw: string): TitleCheck {
  if (INVALID.test(raw)) return { ok: false, code: 'LIBRARY_TITLE_INVALID' };
  const title = raw.normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (title === '') return { ok: false, code: 'LIBRARY_TITLE_EMPTY' };
  if ([...title].length > TITLE_MAX_CHARS) return { ok: false, code: 'LIBRARY_TITLE_TOO_LONG', limit: TITLE_MAX_CHARS };
  return { ok: true, title };
}

/** Search form of a text: compatibility-decomposed, accents and case dropped ("Müller" → "muller"). */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}
