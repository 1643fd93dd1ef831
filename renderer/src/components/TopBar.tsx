import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../shared/types.js';
import { LanguageSwitcher } from './LanguageSwitcher.js';
import { showControlsVisibly } from '../../../shared/textHygiene.js';

export function TopBar({ profile, onSwitchProfile }: { profile: Profile | null; onSwitchProfile: (() => void) | null }) {
  const { t } = useTranslation();
  return (
    <header className="topbar">
      <a className="skip-link" href="#main">
        {t('app.skipLink')}
      </a>
      <div className="brand">
        <span className="brand-name">{t('app.name')}</span>
        <span className="brand-tagline">{t('app.tagline')}</span>
      </div>
      <div className="topbar-end">
        {profile && (
          <div className="profile-chip">
            <span className="profile-current">
              {t('profile.bar.current', { name: showControlsVisibly(profile.name), role: t(`profile.role.${profile.role}`) })}
            </span>
            {onSwitchProfile && (
              <button type="button" className="button-quiet" onClick={onSwitchProfile}>
                {t('profile.bar.switch')}
              </button>
            )}
          </div>
        )}
        <LanguageSwitcher />
      </div>
    </header>
  );
}
