/** Names of content languages (BCP 47 tags) in the interface language. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { languageInfo } from '../../../shared/languages.js';

export function languageNamer(uiLanguage: string): (tag: string) => string {
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([uiLanguage], { type: 'language', fallback: 'none' });
  } catch {
    names = null;
  }
  return (tag: string): string => {
    try {
      const name = names?.of(tag);
      if (name) return name.charAt(0).toLocaleUpperCase(uiLanguage) + name.slice(1);
    } catch {
      // A malformed tag: fall through to the English name or the tag itself.
    }
    return languageInfo(tag)?.englishName ?? tag;
  };
}

export function useLanguageName(): (tag: string) => string {
  const { i18n } = useTranslation();
  const uiLanguage = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => languageNamer(uiLanguage), [uiLanguage]);
}
