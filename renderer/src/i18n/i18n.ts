/**
 * i18next set-up for the renderer: English and German resources bundled, typed keys
 * (`t('no.such.key')` does not compile), synchronous init so the first render is translated.
 */
import i18next, { type i18n } from 'i18next';
import enCore from './locales/en.json';
import deCore from './locales/de.json';
import enEngines from './locales/en/engines.json';
import deEngines from './locales/de/engines.json';
import enWorkflow from './locales/en/workflow.json';
import deWorkflow from './locales/de/workflow.json';
import enExporting from './locales/en/exporting.json';
import deExporting from './locales/de/exporting.json';
import enImporting from './locales/en/importing.json';
import deImporting from './locales/de/importing.json';
import enMemory from './locales/en/memory.json';
import deMemory from './locales/de/memory.json';
import enGlossary from './locales/en/glossary.json';
import deGlossary from './locales/de/glossary.json';
import enNavigation from './locales/en/navigation.json';
import deNavigation from './locales/de/navigation.json';
import enExclusion from './locales/en/exclusion.json';
import deExclusion from './locales/de/exclusion.json';
import enReplace from './locales/en/replace.json';
import deReplace from './locales/de/replace.json';
import enLibrary from './locales/en/library.json';
import deLibrary from './locales/de/library.json';
import enProvenance from './locales/en/provenance.json';
import deProvenance from './locales/de/provenance.json';
import enSignatures from './locales/en/signatures.json';
import deSignatures from './locales/de/signatures.json';
import enProfiles from './locales/en/profiles.json';
import deProfiles from './locales/de/profiles.json';
import enStorage from './locales/en/storage.json';
import deStorage from './locales/de/storage.json';
import enBackups from './locales/en/backups.json';
import deBackups from './locales/de/backups.json';
import enTeam from './locales/en/team.json';
import deTeam from './locales/de/team.json';
import { mergeLocales } from './mergeLocales.js';

/**
 * Each feature keeps its strings in its own file (locales/<lang>/<feature>.json), deep-merged over
 * the core file, so features never edit each other's strings.
 */
const en = mergeLocales(
  enCore,
  enEngines,
  enWorkflow,
  enExporting,
  enImporting,
  enMemory,
  enGlossary,
  enExclusion,
  enReplace,
  enLibrary,
  enNavigation,
  enProvenance,
  enSignatures,
  enProfiles,
  enStorage,
  enBackups,
  enTeam,
);
const de = mergeLocales(
  deCore,
  deEngines,
  deWorkflow,
  deExporting,
  deImporting,
  deMemory,
  deGlossary,
  deExclusion,
  deReplace,
  deLibrary,
  deNavigation,
  deProvenance,
  deSignatures,
  deProfiles,
  deStorage,
  deBackups,
  deTeam,
);
/** The merged trees, for tests (same keys in every language). */
export const LOCALES = { en, de } as const;
export type Locale = typeof en;

export const UI_LANGUAGES = ['en', 'de'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export const resources = {
  en: { translation: en },
  de: { translation: de },
} as const;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Locale };
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
