/**
 * The languages Verso knows about (source and target of a document), as BCP 47 tags.
 * Pure data and string handling: no Intl, no Node, no DOM.
 */

export interface LanguageInfo {
  /** Canonical BCP 47 tag, e.g. `pt-BR`, `zh-Hans`. */
  tag: string;
  englishName: string;
  /** The language's own name for itself. */
  nativeName: string;
  dir: 'ltr' | 'rtl';
}

const LANGUAGE_LIST: LanguageInfo[] = [
  { tag: 'en', englishName: 'English', nativeName: 'English', dir: 'ltr' },
  { tag: 'de', englishName: 'German', nativeName: 'Deutsch', dir: 'ltr' },
  { tag: 'es', englishName: 'Spanish', nativeName: 'Español', dir: 'ltr' },
  { tag: 'fr', englishName: 'French', nativeName: 'Français', dir: 'ltr' },
  { tag: 'nl', englishName: 'Dutch', nativeName: 'Nederlands', dir: 'ltr' },
  { tag: 'it', englishName: 'Italian', nativeName: 'Italiano', dir: 'ltr' },
  { tag: 'pt', englishName: 'Portuguese', nativeName: 'Português', dir: 'ltr' },
  { tag: 'pt-BR', englishName: 'Portuguese (Brazil)', nativeName: 'Português (Brasil)', dir: 'ltr' },
  { tag: 'pl', englishName: 'Polish', nativeName: 'Polski', dir: 'ltr' },
  { tag: 'sv', englishName: 'Swedish', nativeName: 'Svenska', dir: 'ltr' },
  { tag: 'da', englishName: 'Danish', nativeName: 'Dansk', dir: 'ltr' },
  { tag: 'nb', englishName: 'Norwegian Bokmål', nativeName: 'Norsk bokmål', dir: 'ltr' },
  { tag: 'nn', englishName: 'Norwegian Nynorsk', nativeName: 'Norsk nynorsk', dir: 'ltr' },
  { tag: 'fi', englishName: 'Finnish', nativeName: 'Suomi', dir: 'ltr' },
  { tag: 'cs', englishName: 'Czech', nativeName: 'Čeština', dir: 'ltr' },
  { tag: 'sk', englishName: 'Slovak', nativeName: 'Slovenčina', dir: 'ltr' },
  { tag: 'sl', englishName: 'Slovenian', nativeName: 'Slovenščina', dir: 'ltr' },
  { tag: 'hr', englishName: 'Croatian', nativeName: 'Hrvatski', dir: 'ltr' },
  { tag: 'hu', englishName: 'Hungarian', nativeName: 'Magyar', dir: 'ltr' },
  { tag: 'ro', englishName: 'Romanian', nativeName: 'Română', dir: 'ltr' },
  { tag: 'bg', englishName: 'Bulgarian', nativeName: 'Български', dir: 'ltr' },
  { tag: 'el', englishName: 'Greek', nativeName: 'Ελληνικά', dir: 'ltr' },
  { tag: 'et', englishName: 'Estonian', nativeName: 'Eesti', dir: 'ltr' },
  { tag: 'lv', englishName: 'Latvian', nativeName: 'Latviešu', dir: 'ltr' },
  { tag: 'lt', englishName: 'Lithuanian', nativeName: 'Lietuvių', dir: 'ltr' },
  { tag: 'tr', englishName: 'Turkish', nativeName: 'Türkçe', dir: 'ltr' },
  { tag: 'ru', englishName: 'Russian', nativeName: 'Русский', dir: 'ltr' },
  { tag: 'uk', englishName: 'Ukrainian', nativeName: 'Українська', dir: 'ltr' },
  { tag: 'ar', englishName: 'Arabic', nativeName: 'العربية', dir: 'rtl' },
  { tag: 'he', englishName: 'Hebrew', nativeName: 'עברית', dir: 'rtl' },
  { tag: 'fa', englishName: 'Persian', nativeName: 'فارسی', dir: 'rtl' },
  { tag: 'zh-Hans', englishName: 'Chinese (Simplified)', nativeName: '简体中文', dir: 'ltr' },
  { tag: 'zh-Hant', englishName: 'Chinese (Traditional)', nativeName: '繁體中文', dir: 'ltr' },
  { tag: 'ja', englishName: 'Japanese', nativeName: '日本語', dir: 'ltr' },
  { tag: 'ko', englishName: 'Korean', nativeName: '한국어', dir: 'ltr' },
  { tag: 'ca', englishName: 'Catalan', nativeName: 'Català', dir: 'ltr' },
  { tag: 'gl', englishName: 'Galician', nativeName: 'Galego', dir: 'ltr' },
  { tag: 'eu', englishName: 'Basque', nativeName: 'Euskara', dir: 'ltr' },
  { tag: 'id', englishName: 'Indonesian', nativeName: 'Bahasa Indonesia', dir: 'ltr' },
  { tag: 'hi', englishName: 'Hindi', nativeName: 'हिन्दी', dir: 'ltr' },
  { tag: 'vi', englishName: 'Vietnamese', nativeName: 'Tiếng Việt', dir: 'ltr' },
];

/** Known languages, in a sensible display order (not alphabetical). */
export const LANGUAGES: readonly LanguageInfo[] = Object.freeze(
  LANGUAGE_LIST.map((l): LanguageInfo => Object.freeze({ ...l })),
);

const BY_LOWER_TAG: ReadonlyMap<string, LanguageInfo> = new Map(
  LANGUAGES.map((l) => [l.tag.toLowerCase(), l]),
);

/**
 * Conventional BCP 47 casing of any well-formed-looking tag, known or not:
 * language lowercase, script Titlecase (`Hans`), region uppercase (`BR`, `419`), the rest lowercase.
 * Accepts `_` as a separator. Returns null for an empty or malformed tag.
 */
export function canonicalTagCasing(tag: string): string | null {
  const trimmed = tag.trim().replace(/_/g, '-');
  if (trimmed === '' || !/^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/.test(trimmed)) return null;
  const parts = trimmed.split('-');
  return parts
    .map((part, i) => {
      const lower = part.toLowerCase();
      if (i === 0) return lower;
      // A singleton (`x`, `u`) starts extensions/private use: keep the rest lowercase.
      if (parts.slice(1, i).some((p) => p.length === 1)) return lower;
      if (/^[a-z]{4}$/.test(lower)) return lower.charAt(0).toUpperCase() + lower.slice(1);
      if (/^[a-z]{2}$/.test(lower) || /^[0-9]{3}$/.test(lower)) return lower.toUpperCase();
      return lower;
    })
    .join('-');
}

/** Canonical tag of a known language ('PT-br' -> 'pt-BR'); null if not in LANGUAGES. */
export function normalizeLanguageTag(tag: string): string | null {
  const canonical = canonicalTagCasing(tag);
  if (canonical === null) return null;
  return BY_LOWER_TAG.get(canonical.toLowerCase())?.tag ?? null;
}

export function isKnownLanguage(tag: string): boolean {
  return normalizeLanguageTag(tag) !== null;
}

/**
 * The tag and its less specific forms, most specific first: 'pt-BR' -> ['pt-BR', 'pt'],
 * 'zh-Hant-TW' -> ['zh-Hant-TW', 'zh-Hant', 'zh']. Works for unknown tags too (with canonical
 * casing). Never adds another language (no English fallback). [] for an empty/malformed tag.
 */
export function languageFallbacks(tag: string): string[] {
  const canonical = canonicalTagCasing(tag);
  if (canonical === null) return [];
  const parts = canonical.split('-');
  const out: string[] = [];
  for (let n = parts.length; n >= 1; n--) {
    // Do not stop on a dangling singleton such as 'x' in 'en-x-foo'.
    if (parts[n - 1]!.length === 1 && n > 1) continue;
    out.push(parts.slice(0, n).join('-'));
  }
  return out;
}

export function languageInfo(tag: string): LanguageInfo | null {
  const known = normalizeLanguageTag(tag);
  return known === null ? null : (BY_LOWER_TAG.get(known.toLowerCase()) ?? null);
}
