/** The interface language select ("Interface language": English / Deutsch), remembered by the platform. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES, isUiLanguage } from '../i18n/i18n.js';
import { usePlatform } from '../platform.js';

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const platform = usePlatform();
  const id = useId();
  const current = i18n.resolvedLanguage ?? i18n.language;
  return (
    <div className="language-switcher">
      <label htmlFor={id}>{t('app.language.label')}</label>
      <select
        id={id}
        value={isUiLanguage(current) ? current : 'en'}
        onChange={(e) => {
          const next = e.target.value;
          if (!isUiLanguage(next)) return;
          void i18n.changeLanguage(next);
          platform.saveUiLanguage(next);
        }}
      >
        {UI_LANGUAGES.map((lng) => (
          <option key={lng} value={lng} lang={lng}>
            {t(`app.language.${lng}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
