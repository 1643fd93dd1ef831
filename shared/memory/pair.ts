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
