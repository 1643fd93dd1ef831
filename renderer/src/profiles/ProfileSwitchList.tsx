/**
 * "Switch profile": the profiles on this machine, each with a button to use it. A profile whose
 * signing key is sealed with a passphrase asks for it here before switching (issue 12, defeat 4:
 * nobody becomes the editor by picking her name); main checks it, this only asks.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileEntry } from '../../../shared/features/profilesApi.js';
import type { Profile } from '../../../shared/types.js';
import { useApi } from '../api/ApiProvider.js';
import { queryKeys } from '../api/queryClient.js';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../components/ErrorAlert.js';

interface Props {
  current: Profile | null;
  onSwitched: (profile: Profile) => void;
  /** Called once the list is shown, with the first "Use profile" button (for the form to focus). */
  onShown?: (firstButton: HTMLButtonElement | null) => void;
}

export function ProfileSwitchList({ current, onSwitched, onShown }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const heading = useId();
  const [asking, setAsking] = useState<ProfileEntry | null>(null);
  const [actionError, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  const list = useQuery({ queryKey: queryKeys.profiles(), queryFn: () => api.listProfiles({}) });
  const entries: ProfileEntry[] | null = list.data ?? null;
  const error = actionError ?? list.error;

  const shown = entries !== null && entries.length > 0;
  const onShownRef = useRef(onShown);
  useEffect(() => {
    // Once, when the list first appears.
    if (shown) onShownRef.current?.(listRef.current?.querySelector('button') ?? null);
  }, [shown]);

  async function switchTo(entry: ProfileEntry, passphrase?: string): Promise<void> {
    setError(null);
    setBusy(true);
    try {
      onSwitched(await api.switchProfile(passphrase === undefined ? { profileId: entry.id } : { profileId: entry.id, passphrase }));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  function choose(entry: ProfileEntry): void {
    setError(null);
    if (entry.passphraseProtected) setAsking(entry);
    else void switchTo(entry);
  }

  function stopAsking(entry: ProfileEntry): void {
    setAsking(null);
    setError(null);
    // Back to the button that asked.
    requestAnimationFrame(() => buttons.current.get(entry.id)?.focus());
  }

  if (entries === null) return error === null ? null : <ErrorAlert error={error} />;
  if (entries.length === 0) return null;
  return (
    <section className="profile-switch" aria-labelledby={heading}>
      <h2 id={heading}>{t('profile.switch.heading')}</h2>
      <ul ref={listRef} className="profile-switch-list" aria-labelledby={heading}>
        {entries.map((entry) => (
          <li key={entry.id} aria-current={entry.id === current?.id ? 'true' : undefined}>
            <span className="profile-switch-name">
              {t('profile.bar.current', { name: entry.name, role: t(`profile.role.${entry.role}`) })}
            </span>
            {entry.id === current?.id ? (
              <span className="hint"> {t('profile.switch.current')}</span>
            ) : (
              <>
                {entry.passphraseProtected && <span className="hint"> {t('profile.switch.protected')}</span>}
                <button
                  type="button"
                  ref={(el) => {
                    if (el) buttons.current.set(entry.id, el);
                    else buttons.current.delete(entry.id);
                  }}
                  disabled={busy}
                  aria-expanded={entry.passphraseProtected ? asking?.id === entry.id : undefined}
                  onClick={() => choose(entry)}
                >
                  {t('profile.switch.use', { name: entry.name })}
                </button>
              </>
            )}
            {asking?.id === entry.id && (
              <PassphrasePrompt
                entry={entry}
                busy={busy}
                onSubmit={(p) => void switchTo(entry, p)}
                onCancel={() => stopAsking(entry)}
                error={error}
              />
            )}
          </li>
        ))}
      </ul>
      {asking === null && <ErrorAlert error={error} />}
    </section>
  );
}

function PassphrasePrompt({
  entry,
  busy,
  error,
  onSubmit,
  onCancel,
}: {
  entry: ProfileEntry;
  busy: boolean;
  error: unknown;
  onSubmit: (passphrase: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const ids = { input: useId(), hint: useId() };
  const [passphrase, setPassphrase] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    inputRef.current?.focus();
  }, []);
  // A refusal leaves the field for another try.
  useEffect(() => {
    if (error !== null) inputRef.current?.select();
  }, [error]);

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    onSubmit(passphrase);
  };
  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape') return;
    // Closes the question only, not the whole form.
    e.stopPropagation();
    onCancel();
  };

  return (
    <form className="profile-passphrase" onSubmit={submit} onKeyDown={onKeyDown} noValidate>
      <label htmlFor={ids.input}>{t('profile.switch.passphrase', { name: entry.name })}</label>
      <input
        id={ids.input}
        ref={inputRef}
        type="password"
        autoComplete="current-password"
        maxLength={1000}
        value={passphrase}
        aria-describedby={ids.hint}
        onChange={(e) => setPassphrase(e.target.value)}
      />
      <p id={ids.hint} className="hint">
        {t('profile.switch.passphraseHint', { name: entry.name })}
      </p>
      <ErrorAlert error={error} />
      <div className="actions">
        <button type="submit" className="button-primary" disabled={busy}>
          {t('profile.switch.confirm', { name: entry.name })}
        </button>
        <button type="button" onClick={onCancel}>
          {t('profile.switch.cancel')}
        </button>
      </div>
    </form>
  );
}
