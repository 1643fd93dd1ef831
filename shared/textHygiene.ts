/**
 * Characters that must not reach a title, a name, a comment, a footer variable or a terminal as
 * they are: C0/C1 control characters (ESC clears screens and retitles terminals, NUL truncates C
 * strings) and the bidirectional formatting controls (U+202E makes "…\u202Etxt.exe" read as
 * "…exe.txt"). Per field (see docs/security.md, "Text hygiene"):
 *  - typed one-line fields (titles, profile names, publisher, contact, reasons) are refused with
 *    TEXT_CONTROL_CHARACTER, naming the character, so nothing is changed behind the person's back;
 *  - multi-line fields (comments, paragraph text) keep tab and line breaks; other controls are refused;
 *  - imported text (files, pasted HTML with `&#x1b;`) is cleaned: controls go, bidi controls go
 *    from titles but stay in paragraphs (right-to-left text needs them);
 *  - terminals and logs get visible `\uXXXX` escapes; CSV cells get OWASP's formula guard.
 */

/** Error code of a refused character. */
export const TEXT_ERROR_CODES = ['TEXT_CONTROL_CHARACTER'] as const;

/** Embeddings and overrides U+202A–202E, isolates U+2066–2069, LRM/RLM, the Arabic letter mark. */
const BIDI = '\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F\\u061C';
/** C0 except tab, LF, CR; DEL; C1. */
const CONTROL_NOT_LINE = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F';
/** C0 and C1 whole, DEL. */
const CONTROL_ALL = '\\u0000-\\u001F\\u007F-\\u009F';

const ONE_LINE_UNSAFE = new RegExp(`[${CONTROL_ALL}${BIDI}]`, 'u');
const MULTI_LINE_UNSAFE = new RegExp(`[${CONTROL_NOT_LINE}${BIDI}]`, 'u');
const ONE_LINE_CONTROL = new RegExp(`[${CONTROL_ALL}]`, 'u');
const MULTI_LINE_CONTROL = new RegExp(`[${CONTROL_NOT_LINE}]`, 'u');
const CONTROLS_IN_TEXT = new RegExp(`[${CONTROL_NOT_LINE}]`, 'gu');
const TITLE_JUNK = new RegExp(`[${CONTROL_ALL}${BIDI}]`, 'gu');
const TERMINAL_UNSAFE = new RegExp(`[${CONTROL_NOT_LINE}\\r${BIDI}\\u2028\\u2029]`, 'gu');

/** "U+001B" for a character. */
export function codePointLabel(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The first character a typed field may not hold, or null. `multiline` allows tab and line breaks
 * (comments); `bidi` allows bidi controls (text that may be right-to-left); by default neither.
 */
export function unsafeCharacter(text: string, multiline = false, bidi = false): string | null {
  const pattern = bidi ? (multiline ? MULTI_LINE_CONTROL : ONE_LINE_CONTROL) : multiline ? MULTI_LINE_UNSAFE : ONE_LINE_UNSAFE;
  const m = pattern.exec(text);
  return m ? m[0] : null;
}

/** Imported paragraph text: control characters removed (NUL, ESC, C1…); tab and line breaks and bidi marks kept. */
export function cleanImportedText(text: string): string {
  return text.replace(CONTROLS_IN_TEXT, '');
}

/** Imported or derived titles and names: control and bidi characters removed (white space is folded by the caller). */
export function cleanImportedTitle(text: string): string {
  return text.replace(TITLE_JUNK, (c) => (c === '\t' || c === '\n' || c === '\r' ? ' ' : ''));
}

/**
 * For terminals and logs: every control character (except LF and tab) and every bidi control is
 * written as a visible `\uXXXX` escape. Inside a JSON string that is the same character, so JSON
 * output stays valid and means the same.
 */
export function escapeForTerminal(text: string): string {
  return text.replace(TERMINAL_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * OWASP CSV injection guard: a cell a spreadsheet would read as a formula — starting with
 * = + - @, tab or CR, also after leading spaces — gets a leading apostrophe. Cells that already
 * start with apostrophes before such a start get one more, so `restoreCsvCell` can undo exactly
 * what was added.
 */
const FORMULA_START = /^'*(?:[\t\r]|[ \u00A0]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/u;

export function neutraliseCsvCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The inverse of `neutraliseCsvCell` for Verso's own CSV: one apostrophe goes only where it added one. */
export function restoreCsvCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

const SHOWN_VISIBLY = new RegExp(`[${CONTROL_ALL}${BIDI}]`, 'gu');

/**
 * For showing a title or name on screen: every control or bidi character becomes a visible
 * "[U+202E]" (such text only reaches the screen from a library written some other way — typed
 * and imported text never holds them), so it cannot reorder or hide what is shown.
 */
export function showControlsVisibly(text: string): string {
  return text.replace(SHOWN_VISIBLY, (c) => `[${codePointLabel(c)}]`);
}
