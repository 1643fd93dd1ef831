/** Dates and times in the interface language ("Mar 1, 2026, 8:05:12 AM"), for ISO timestamps; with seconds, so two imports of one article made a minute apart still read differently. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const formatters = new Map<string, (iso: string) => string>();

/** One formatter per language for the whole app (creating an Intl.DateTimeFormat is costly). */
export function dateTimeFormatter(language: string): (iso: string) => string {
  const known = formatters.get(language);
  if (known) return known;
  const made = makeFormatter(language);
  formatters.set(language, made);
  return made;
}

function makeFormatter(language: string): (iso: string) => string {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat([language], { dateStyle: 'medium', timeStyle: 'medium' });
  } catch {
    format = new Intl.DateTimeFormat(['en'], { dateStyle: 'medium', timeStyle: 'medium' });
  }
  return (iso) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : format.format(date);
  };
}

export function useDateTime(): (iso: string) => string {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => dateTimeFormatter(language), [language]);
}
