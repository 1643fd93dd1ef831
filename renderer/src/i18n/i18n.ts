/**
 * i18next set-up for the renderer: English and German resources bundled, typed keys
 * (`t('no.such.key')` does not compile), synchronous init so the first render is translated.
 */
import i18next, { type i18n } from 'i18next';
import en from './locales/en.json';
import de from './locales/de.json';

export const UI_LANGUAGES = ['en', 'de'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export const resources = {
  en: { translation: en },
  de: { translation: de },
} as const;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/**
 * The interface language to start with: the stored choice if valid, else the first preferred
 * language (e.g. `navigator.languages`) Verso has, else English.
 */
export function pickUiLanguage(stored: string | null, preferred: readonly string[]): UiLanguage {
  if (isUiLanguage(stored)) return stored;
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isUiLanguage(primary)) return primary;
  }
  return 'en';
}

/** A new, initialised i18next instance (one per app root or test). */
export function createI18n(language: UiLanguage = 'en'): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...UI_LANGUAGES],
    resources,
    initAsync: false,
    interpolation: { escapeValue: false },
    // A variable the details did not provide renders as nothing rather than as "{{name}}".
    missingInterpolationHandler: () => '',
    react: { useSuspense: false },
  });
  return instance;
}
