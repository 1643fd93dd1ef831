/**
 * Inline formatting in the translation memory (tokens: shared/inline/inlineCodes.ts).
 *
 * - Matching is on the text with codes abstracted (`matchTokens` in matchScore.ts leaves the
 *   placeholders out), so a paragraph that differs from a stored unit only in its bold, italics or
 *   links is a match on its words.
 * - Formatting penalty, as Trados and memoQ apply one: when the two sources carry different
 *   formatting (another sequence of tokens by kind and role; link targets and XLIFF ids do not
 *   count), the score loses FORMAT_PENALTY points. A paragraph whose only difference from a unit
 *   is its formatting is therefore a 99 % match, never a 100 % one (and is not pre-filled).
 * - Inserting a match keeps the paragraph's own codes: the unit's tokens are mapped onto them by
 *   kind and order (the first bold of the unit is the paragraph's first bold, …); a unit token
 *   with no counterpart is left out, so the paragraph's codes it lacks stay missing, and the
 *   "Missing formatting" buttons put them back.
 */
import { tokenInfo, TOKEN_PATTERN, openToken, closeToken, soloToken, type InlineCode } from '../inline/inlineCodes.js';

export const FORMAT_PENALTY = 1;

/**
 * XLIFF/TMX codes by meaning (issue 14), so a code compares with its counterpart in another
 * format: XLIFF 1.2 <g>, 2.0 <pc> and a TMX <bpt>/<ept> pair are one kind; <x>, <ph> and TMX <ph> another;
 * <bx>/<sc>/TMX <it pos="begin"> and <ex>/<ec>/<it pos="end"> the isolated ends.
 */
const XLIFF_KIND: Readonly<Record<string, string>> = {
  g: 'pair',
  pc: 'pair',
  x: 'standalone',
  ph: 'standalone',
  bx: 'begin',
  sc: 'begin',
  ex: 'end',
  ec: 'end',
};

/** What kind of code this is for matching: its type (and the XLIFF element's meaning), not its link target or ids. */
export function codeKind(code: InlineCode | undefined): string {
  if (!code) return '?';
  return code.type === 'xliff' ? `xliff:${XLIFF_KIND[code.element] ?? code.element}` : code.type;
}
const kindOf = codeKind;

/** The formatting of a text: its tokens in order, by role and kind ("open:bold close:bold solo:break"). */
export function formattingSignature(text: string, codes: readonly InlineCode[]): string {
  const parts: string[] = [];
  for (const m of text.matchAll(TOKEN_PATTERN)) {
    const info = tokenInfo(m[0])!;
    parts.push(`${info.role}:${kindOf(codes[info.index])}`);
  }
  return parts.join(' ');
}

export interface FormattedText {
  source: string;
  codes?: readonly InlineCode[] | undefined;
}

export function formattingDiffers(a: FormattedText, b: FormattedText): boolean {
  return formattingSignature(a.source, a.codes ?? []) !== formattingSignature(b.source, b.codes ?? []);
}

/** A match score with the formatting penalty applied when the two sources' formatting differs. */
export function withFormatPenalty(score: number, unit: FormattedText, paragraph: FormattedText): number {
  return formattingDiffers(unit, paragraph) ? Math.max(0, score - FORMAT_PENALTY) : score;
}

/**
 * The unit's `target` with its tokens renumbered onto the paragraph's codes: the k-th code of a
 * kind in the unit becomes the k-th code of that kind in the paragraph; tokens without a
 * counterpart (and placeholders that belong to no code of the unit) are dropped.
 */
export function mapUnitTokens(target: string, unitCodes: readonly InlineCode[], codes: readonly InlineCode[]): string {
  const byKind = new Map<string, number[]>();
  codes.forEach((code, i) => {
    const kind = kindOf(code);
    byKind.set(kind, [...(byKind.get(kind) ?? []), i]);
  });
  const taken = new Map<string, number>();
  const mapping = unitCodes.map((code) => {
    const kind = kindOf(code);
    const k = taken.get(kind) ?? 0;
    taken.set(kind, k + 1);
    return byKind.get(kind)?.[k];
  });
  return target.replace(TOKEN_PATTERN, (ch) => {
    const info = tokenInfo(ch)!;
    const j = mapping[info.index];
    if (j === undefined) return '';
    return info.role === 'open' ? openToken(j) : info.role === 'close' ? closeToken(j) : soloToken(j);
  });
}
