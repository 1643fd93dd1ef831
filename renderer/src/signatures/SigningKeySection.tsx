/**
 * Settings → Signing key (issue 12, browser mode): the passphrase that seals the current profile's
 * Ed25519 key. Entered once per app start to unlock it; the first time it creates the key.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSPHRASE_MIN_CHARS, type SigningKeyStatus } from '../../../shared/features/signaturesApi.js';
import { useApi } from '../api/ApiProvider.js';
import { queryKeys } from '../api/queryClient.js';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { PublicKeyBlock } from './PublicKeyBlock.js';

export function SigningKeySection() {
  const { t } = useTranslation();
  const api = useApi();
  const ids = { heading: useId(), passphrase: useId() };
  const [created, setCreated] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [actionError, setError] = useState<unknown>(null);

  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: queryKeys.signingKey(), queryFn: () => api.getSigningKey({}) });
  const status: SigningKeyStatus | null = query.data ?? null;
  const setStatus = (s: SigningKeyStatus): void => void queryClient.setQueryData(queryKeys.signingKey(), s);
  const error = actionError ?? query.error;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const result = await api.unlockSigningKey({ passphrase });
      setStatus({ state: result.state });
      setCreated(result.created);
      setPassphrase('');
      setError(null);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="settings-section signing-key-settings" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('signatures.key.heading')}</h2>
      <p className="hint">{t('signatures.key.intro')}</p>
      <p role="status" className="status-line">
        {status && (created && status.state === 'unlocked' ? t('signatures.key.created') : t(`signatures.key.${status.state}`))}
      </p>
      {status?.state !== 'unlocked' && (
        <form onSubmit={(e) => void submit(e)}>
          <label htmlFor={ids.passphrase}>{t('signatures.key.passphrase')}</label>
          <input
            id={ids.passphrase}
            type="password"
            autoComplete={status?.state === 'none' ? 'new-password' : 'current-password'}
            minLength={PASSPHRASE_MIN_CHARS}
            maxLength={1000}
            required
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
          />
          <div className="actions">
            <button type="submit" disabled={busy}>
              {t('signatures.key.unlock')}
            </button>
          </div>
        </form>
      )}
      {status && status.state !== 'locked' && <PublicKeyBlock />}
      {error !== null && <ErrorAlert error={error} />}
    </section>
  );
}
