/**
 * The languages Verso knows about (source and target of a document), as BCP 47 tags.
 * `LANGUAGES` is the common list the pickers offer; any valid BCP 47 tag is accepted
 * (`canonicalLanguageTag`, via ECMA-402 `Intl.getCanonicalLocales`). No Node, no DOM.
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
export const LANGUAGES: readonly LanguageInfo[] = Object.freeze(LANGUAGE_LIST.map((l): LanguageInfo => Object.freeze({ ...l })));

const BY_LOWER_TAG: ReadonlyMap<string, LanguageInfo> = new Map(LANGUAGES.map((l) => [l.tag.toLowerCase(), l]));

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

/** Longest tag Verso stores (as the API schemas). */
export const MAX_LANGUAGE_TAG_LENGTH = 35;

/**
 * The canonical form of any valid BCP 47 language tag (`eN-uS` → `en-US`, `en_GB` → `en-GB`,
 * `iw` → `he`, `zh-hant-tw` → `zh-Hant-TW`), by `Intl.getCanonicalLocales`; null for a malformed
 * tag, `und` (no language), a language subtag that is not 2–3 letters (ISO 639; `english` is no tag), subtags CLDR does not know (`xx`, `en-Nope`, `de-AA`) and grandfathered/private-use-only tags (`i-klingon`, `x-foo`).
 */
export function canonicalLanguageTag(tag: string): string | null {
  // Memoised: a TMX file asks for the same few tags hundreds of thousands of times.
  const cached = canonicalCache.get(tag);
  if (cached !== undefined) return cached;
  const result = computeCanonicalTag(tag);
  if (canonicalCache.size >= 2000) canonicalCache.clear();
  canonicalCache.set(tag, result);
  return result;
}

const canonicalCache = new Map<string, string | null>();

function computeCanonicalTag(tag: string): string | null {
  const trimmed = tag.trim().replace(/_/g, '-');
  if (trimmed === '' || trimmed.length > MAX_LANGUAGE_TAG_LENGTH) return null;
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(trimmed)[0];
  } catch {
    return null;
  }
  if (canonical === undefined || /^und(-|$)/i.test(canonical) || !/^[a-z]{2,3}(-|$)/.test(canonical)) return null;
  if (!knownSubtags(canonical)) return null;
  // A known language keeps Verso's own spelling of it (e.g. `zh-Hans`).
  return BY_LOWER_TAG.get(canonical.toLowerCase())?.tag ?? canonical;
}

let names: { language: Intl.DisplayNames; script: Intl.DisplayNames; region: Intl.DisplayNames } | null = null;

/**
 * Whether the tag's language, script and region are ones CLDR knows (`xx`, `Nope`, `AA`, the
 * unknown `Zzzz`/`ZZ` and private-use codes such as `qaa` are not): a well-formed tag is not
 * yet a language a document can be in.
 */
function knownSubtags(tag: string): boolean {
  names ??= {
    language: new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }),
    script: new Intl.DisplayNames(['en'], { type: 'script', fallback: 'none' }),
    region: new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }),
  };
  try {
    const locale = new Intl.Locale(tag);
    if (names.language.of(locale.language) === undefined) return false;
    if (locale.script !== undefined && (locale.script === 'Zzzz' || names.script.of(locale.script) === undefined)) return false;
    if (locale.region !== undefined && (locale.region === 'ZZ' || names.region.of(locale.region) === undefined)) return false;
    return true;
  } catch {
    return false;
  }
}

/**
 * The best of `available` tags for `wanted` within the same language (RFC 4647 lookup): the
 * exact tag, else its less specific forms (`es-MX` → `es`), else null. Never another language.
 * Case-insensitive; returns the entry of `available` as written.
 */
export function lookupLanguage(wanted: string, available: readonly string[]): string | null {
  const byLower = new Map(available.map((a) => [(canonicalTagCasing(a) ?? a).toLowerCase(), a]));
  for (const tag of languageFallbacks(wanted)) {
    const hit = byLower.get(tag.toLowerCase());
    if (hit !== undefined) return hit;
  }
  return null;
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

/**
 * Facts about any tag's language: the known entry for the tag, else for its closest less
 * specific form (`es-MX` → Spanish, `ar-EG` → Arabic, right to left). Null when no form is known.
 */
export function languageInfoOrBase(tag: string): LanguageInfo | null {
  for (const t of languageFallbacks(tag)) {
    const info = languageInfo(t);
    if (info) return info;
  }
  return null;
}
