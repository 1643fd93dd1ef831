/**
 * Inline markup as protected tokens. A paragraph's text carries one private-use placeholder
 * character per token, and the paragraph keeps the list of its codes (`InlineCode[]`, stored as
 * JSON beside the paragraph). The placeholder says which code and which end:
 *
 *   U+E000 + i  opens code i        (paired codes: bold, italic, link, XLIFF <g>/<pc>)
 *   U+E100 + i  closes code i
 *   U+E200 + i  stands for code i   (standalone codes: inline code, line break, XLIFF <x/>, <ph>…)
 *
 * so a paragraph has at most 256 codes. One character per token keeps the text's length and
 * offsets meaningful (diffs, QA, search), cannot collide with real text (private use area, and
 * imports refuse nothing but never produce these characters from content), survives JSON and
 * SQLite untouched, and is trivially counted: a valid text holds every expected placeholder
 * exactly once, an open before its close. Source and target share the paragraph's codes.
 */

/**
 * Element names of XLIFF inline codes as they came (1.2: g x bx ex ph bpt it, and ept for an end
 * whose <bpt> is not in the segment; 2.0: pc ph sc ec). A <bpt> and its <ept> are one paired code.
 */
export type XliffElement = 'g' | 'x' | 'bx' | 'ex' | 'ph' | 'bpt' | 'ept' | 'it' | 'pc' | 'sc' | 'ec';

export type InlineCode =
  | { type: 'bold' }
  | { type: 'italic' }
  /** Strikethrough (Word's w:strike / w:dstrike, HTML <s>, Markdown ~~). */
  | { type: 'strike' }
  | { type: 'link'; href: string }
  /** Verbatim code (Markdown `code`, HTML <code>): never translated. */
  | { type: 'code'; text: string }
  | { type: 'break' }
  /**
   * An XLIFF inline code as the file wrote it: its element, its own attributes and its native
   * code (1.2 <ph>/<bpt>/<it> content, 2.0 originalData of dataRef/dataRefStart); `end`: a pair's
   * end (1.2 <ept> attributes and content, 2.0 dataRefEnd data). Export writes it from its
   * meaning (xliffCodes.ts), never by copying the attributes.
   */
  | {
      type: 'xliff';
      element: XliffElement;
      attrs: Record<string, string>;
      content: string;
      end?: { attrs: Record<string, string>; content: string };
    };

export const MAX_CODES = 256;
const OPEN = 0xe000;
const CLOSE = 0xe100;
const SOLO = 0xe200;

export type TokenRole = 'open' | 'close' | 'solo';

export function isPaired(code: InlineCode): boolean {
  switch (code.type) {
    case 'bold':
    case 'italic':
    case 'strike':
    case 'link':
      return true;
    case 'code':
    case 'break':
      return false;
    case 'xliff':
      return code.element === 'g' || code.element === 'pc' || code.element === 'bpt';
  }
}

export function openToken(i: number): string {
  return String.fromCharCode(OPEN + i);
}
export function closeToken(i: number): string {
  return String.fromCharCode(CLOSE + i);
}
export function soloToken(i: number): string {
  return String.fromCharCode(SOLO + i);
}

/** Role and code index of a placeholder character, or null for any other character. */
export function tokenInfo(ch: string): { role: TokenRole; index: number } | null {
  const c = ch.charCodeAt(0);
  if (ch.length !== 1 || c < OPEN || c >= SOLO + MAX_CODES) return null;
  if (c < CLOSE) return { role: 'open', index: c - OPEN };
  if (c < SOLO) return { role: 'close', index: c - CLOSE };
  return { role: 'solo', index: c - SOLO };
}

export const TOKEN_PATTERN = /[\uE000-\uE2FF]/g;

export function hasTokens(text: string): boolean {
  return /[\uE000-\uE2FF]/.test(text);
}

/** The text without any placeholder. */
export function stripTokens(text: string): string {
  return text.replace(TOKEN_PATTERN, '');
}

/** The placeholders a text must hold for `codes`, in code order (open before close). */
export function expectedTokens(codes: readonly InlineCode[]): string[] {
  return codes.flatMap((code, i) => (isPaired(code) ? [openToken(i), closeToken(i)] : [soloToken(i)]));
}

export interface TokenCheck {
  /** Expected placeholders the text lacks. */
  missing: string[];
  /** Placeholders the text holds more than once. */
  duplicated: string[];
  /** Placeholders that belong to no code. */
  unknown: string[];
  /** Codes whose close comes before their open. */
  misordered: number[];
  ok: boolean;
}

export function checkTokens(text: string, codes: readonly InlineCode[]): TokenCheck {
  const expected = new Set(expectedTokens(codes));
  const seen = new Map<string, number>();
  const position = new Map<string, number>();
  let at = 0;
  for (const ch of text.match(TOKEN_PATTERN) ?? []) {
    seen.set(ch, (seen.get(ch) ?? 0) + 1);
    if (!position.has(ch)) position.set(ch, at);
    at++;
  }
  const missing = [...expected].filter((t) => !seen.has(t));
  const duplicated = [...seen].filter(([t, n]) => n > 1 && expected.has(t)).map(([t]) => t);
  const unknown = [...seen.keys()].filter((t) => !expected.has(t));
  const misordered = codes
    .map((code, i) => ({ code, i }))
    .filter(
      ({ code, i }) =>
        isPaired(code) &&
        position.has(openToken(i)) &&
        position.has(closeToken(i)) &&
        position.get(closeToken(i))! < position.get(openToken(i))!,
    )
    .map(({ i }) => i);
  return { missing, duplicated, unknown, misordered, ok: missing.length + duplicated.length + unknown.length + misordered.length === 0 };
}

/**
 * Makes a translation hold every token exactly once: unknown and repeated placeholders are
 * dropped (the first of each kept), missing ones are appended at the end (an open before its
 * close). `repaired` says whether anything had to change (the caller flags the paragraph).
 */
export function repairTokens(text: string, codes: readonly InlineCode[]): { text: string; repaired: boolean } {
  const check = checkTokens(text, codes);
  if (check.ok) return { text, repaired: false };
  const expected = new Set(expectedTokens(codes));
  const kept = new Set<string>();
  let out = text.replace(TOKEN_PATTERN, (ch) => {
    if (!expected.has(ch) || kept.has(ch)) return '';
    kept.add(ch);
    return ch;
  });
  // A pair in the wrong order: both ends move to the end, in order.
  for (const i of check.misordered) out = out.replace(openToken(i), '').replace(closeToken(i), '');
  const tail = expectedTokens(codes).filter((t) => !out.includes(t));
  out = out.trimEnd();
  return { text: tail.length > 0 ? `${out}${out === '' ? '' : ' '}${tail.join('')}` : out, repaired: true };
}

/** Builds a paragraph's text and codes while a parser walks its inline content. */
export class InlineBuilder {
  private parts: string[] = [];
  readonly codes: InlineCode[] = [];

  text(t: string): void {
    this.parts.push(t.replace(TOKEN_PATTERN, ''));
  }

  /** Opens a paired code; null when the paragraph already has the most codes (its text is kept plain). */
  open(code: InlineCode): number | null {
    if (this.codes.length >= MAX_CODES) return null;
    this.codes.push(code);
    const i = this.codes.length - 1;
    this.parts.push(openToken(i));
    return i;
  }

  close(index: number | null): void {
    if (index !== null) this.parts.push(closeToken(index));
  }

  /** A standalone code; past the limit, its plain-text form is kept instead. */
  solo(code: InlineCode): void {
    if (this.codes.length >= MAX_CODES) {
      this.parts.push(plainOf(code));
      return;
    }
    this.codes.push(code);
    this.parts.push(soloToken(this.codes.length - 1));
  }

  build(): { text: string; codes: InlineCode[] } {
    return { text: this.parts.join(''), codes: [...this.codes] };
  }
}

/** What a standalone code reads as in plain text. */
export function plainOf(code: InlineCode): string {
  switch (code.type) {
    case 'code':
      return code.text;
    case 'break':
      return '\n';
    default:
      return '';
  }
}

/**
 * Removes codes whose tokens are no longer in `text` after trimming/normalising and renumbers the
 * rest so that indices stay dense (parsers call it on a finished paragraph).
 */
export function compactCodes(text: string, codes: readonly InlineCode[]): { text: string; codes: InlineCode[] } {
  const used = codes.map((code, i) =>
    isPaired(code) ? text.includes(openToken(i)) && text.includes(closeToken(i)) : text.includes(soloToken(i)),
  );
  const map = new Map<number, number>();
  const out: InlineCode[] = [];
  codes.forEach((code, i) => {
    if (used[i]) {
      map.set(i, out.length);
      out.push(code);
    }
  });
  const renumbered = text.replace(TOKEN_PATTERN, (ch) => {
    const info = tokenInfo(ch)!;
    const j = map.get(info.index);
    if (j === undefined) return '';
    return info.role === 'open' ? openToken(j) : info.role === 'close' ? closeToken(j) : soloToken(j);
  });
  return { text: renumbered, codes: out };
}

/**
 * Placeholders as readable marks for views that show text without its codes (diffs, find
 * results): `⟨1⟩` opens code 1, `⟨/1⟩` closes it, `⟦1⟧` stands for it (numbered from 1; brackets
 * on both sides keep a mark apart from the word next to it in word diffs).
 */
export function visibleTokens(text: string): string {
  return text.replace(TOKEN_PATTERN, (ch) => {
    const { role, index } = tokenInfo(ch)!;
    const n = index + 1;
    return role === 'open' ? `⟨${n}⟩` : role === 'close' ? `⟨/${n}⟩` : `⟦${n}⟧`;
  });
}
