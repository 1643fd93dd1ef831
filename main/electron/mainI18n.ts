/** i18next for the strings the main process shows itself (native menus, startup dialogs). */
import i18next, { type i18n } from 'i18next';
import en from '../locales/en.json';
import de from '../locales/de.json';

export async function createMainI18n(locale: string): Promise<i18n> {
  const instance = i18next.createInstance();
  const lng = locale.toLowerCase().startsWith('de') ? 'de' : 'en';
  await instance.init({
    lng,
    fallbackLng: 'en',
    resources: { en: { translation: en }, de: { translation: de } },
    interpolation: { escapeValue: false },
  });
  return instance;
}
