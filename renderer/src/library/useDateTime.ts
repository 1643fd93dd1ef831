/** Dates and times in the interface language ("1 Mar 2026, 08:05"), for ISO timestamps. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export function dateTimeFormatter(language: string): (iso: string) => string {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat([language], { dateStyle: 'medium', timeStyle: 'short' });
  } catch {
    format = new Intl.DateTimeFormat(['en'], { dateStyle: 'medium', timeStyle: 'short' });
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
