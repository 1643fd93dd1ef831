/**
 * First run and "Switch profile": who is working, and in which role. Switching lists the existing
 * profiles (ProfileSwitchList) above the form that creates a new one.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Profile, type Role } from '../../../shared/types.js';
import { LIMITS } from '../../../shared/limits.js';
import { useApi } from '../api/ApiProvider.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { ProfileSwitchList } from '../profiles/ProfileSwitchList.js';

export function ProfileForm({
  current,
  onSaved,
  onCancel,
}: {
  current: Profile | null;
  onSaved: (profile: Profile) => void;
  onCancel: (() => void) | null;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const ids = { heading: useId(), create: useId(), name: useId(), role: useId() };
  // A new profile needs a name of its own: the current one's is taken (PROFILE_NAME_TAKEN).
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>(current?.role ?? 'translator');
  const [error, setError] = useState<unknown>(null);
  const [nameMissing, setNameMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    nameRef.current?.focus();
  }, []);

  /** Once the existing profiles show, the first one takes the focus if the name was not started. */
  function focusList(firstButton: HTMLButtonElement | null): void {
    const input = nameRef.current;
    if (firstButton && input && document.activeElement === input && input.value === '') firstButton.focus();
  }

  function onKeyDown(e: KeyboardEvent): void {
    if (e.key === 'Escape' && onCancel && !busy) {
      e.preventDefault();
      onCancel();
    }
  }

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    if (name.trim() === '') {
      setNameMissing(true);
      nameRef.current?.focus();
      return;
    }
    setNameMissing(false);
    setError(null);
    setBusy(true);
    try {
      onSaved(await api.setProfile({ name: name.trim(), role }));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <section className="panel profile-form" aria-labelledby={ids.heading} onKeyDown={onKeyDown}>
      <h1 id={ids.heading}>{t('profile.form.title')}</h1>
      <p className="intro">{t('profile.form.intro')}</p>
      {current && <ProfileSwitchList current={current} onSwitched={onSaved} onShown={focusList} />}
      {current && <h2 id={ids.create}>{t('profile.create.heading')}</h2>}
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby={current ? ids.create : undefined}>
        <div className="field">
          <label htmlFor={ids.name}>{t('profile.name.label')}</label>
          <input
            id={ids.name}
            ref={nameRef}
            type="text"
            autoComplete="name"
            maxLength={LIMITS.nameChars}
            value={name}
            aria-invalid={nameMissing || undefined}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <fieldset className="field radio-group" role="radiogroup" aria-labelledby={ids.role}>
          <legend id={ids.role}>{t('profile.role.label')}</legend>
          {ROLES.map((r) => (
            <div key={r} className="radio">
              <input
                id={`${ids.role}-${r}`}
                type="radio"
                name="role"
                value={r}
                checked={role === r}
                aria-describedby={`${ids.role}-${r}-hint`}
                onChange={() => setRole(r)}
              />
              <label htmlFor={`${ids.role}-${r}`}>{t(`profile.role.${r}`)}</label>
              <span id={`${ids.role}-${r}-hint`} className="hint">
                {t(`profile.role.${r}Hint`)}
              </span>
            </div>
          ))}
        </fieldset>
        {nameMissing && (
          <p role="alert" className="alert">
            {t('profile.name.required')}
          </p>
        )}
        <ErrorAlert error={error} />
        <div className="actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {t('profile.form.save')}
          </button>
          {onCancel && (
            <button type="button" onClick={onCancel}>
              {t('profile.form.cancel')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
