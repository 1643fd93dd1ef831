import { canonicalLanguageTag, languageFallbacks } from '../languages.js';

/** Language pairs of the TM: variants (es-ES, es-MX, es) share the TM of their primary language. */
export function primaryLanguage(tag: string): string {
  return (tag.split(/[-_]/)[0] ?? tag).toLowerCase();
}

/** The key of a pair's TM, e.g. "en>es" for en-GB → es-ES. */
export function pairKey(sourceLang: string, targetLang: string): string {
  return `${primaryLanguage(sourceLang)}>${primaryLanguage(targetLang)}`;
}

/** Whether a TMX `xml:lang` belongs to the language `tag` (same primary language). */
export function sameLanguage(a: string, b: string): boolean {
  return primaryLanguage(a) === primaryLanguage(b);
}

/**
 * How a unit's language relates to the one asked for (issue 14), best first: the same tag
 * (`exact`), a less specific form of it (`broader`: `pt` for pt-BR), a more specific one
 * (`narrower`: pt-PT for `pt`, which names no region), or another variant of the language
 * (`other`: pt-PT for pt-BR). Tags compare canonically (`PT-br` is pt-BR).
 */
export type LanguageVariant = 'exact' | 'broader' | 'narrower' | 'other';

export const VARIANT_RANK: Readonly<Record<LanguageVariant, number>> = { exact: 0, broader: 1, narrower: 2, other: 3 };

export function languageVariant(unitTag: string, wanted: string): LanguageVariant {
  const unit = canonicalLanguageTag(unitTag) ?? unitTag;
  const asked = canonicalLanguageTag(wanted) ?? wanted;
  const lower = (tags: string[]) => tags.map((t) => t.toLowerCase());
  if (unit.toLowerCase() === asked.toLowerCase()) return 'exact';
  if (lower(languageFallbacks(asked)).includes(unit.toLowerCase())) return 'broader';
  return lower(languageFallbacks(unit)).includes(asked.toLowerCase()) ? 'narrower' : 'other';
}

/** Points a match of another variant of the target language loses: never a 100 % (never pre-filled). */
export const VARIANT_PENALTY = 1;

/** A score with the variant penalty applied when the unit's target is another variant of the document's. */
export function withVariantPenalty(score: number, unitTargetLang: string, targetLang: string): number {
  return languageVariant(unitTargetLang, targetLang) === 'other' ? Math.max(0, score - VARIANT_PENALTY) : score;
}

/**
 * Whether a unit serves a document's pair in its direction. Pairs of two languages: always (the
 * TM of a language pair is shared by its variants). One language in two variants (en-US → en-GB):
 * the unit's source must be the document's source variant (or a less specific form) and its
 * target the target variant, so an en-GB → en-US unit never answers an en-US → en-GB document.
 */
export function servesDirection(unit: { sourceLang: string; targetLang: string }, sourceLang: string, targetLang: string): boolean {
  if (primaryLanguage(sourceLang) !== primaryLanguage(targetLang)) return true;
  return languageVariant(unit.sourceLang, sourceLang) !== 'other' && languageVariant(unit.targetLang, targetLang) === 'exact';
}
