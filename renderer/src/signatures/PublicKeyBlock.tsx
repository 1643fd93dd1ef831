/**
 * Settings → Signing key: the current profile's public key (PEM), shown on request, for a team
 * admin to register (`verso team add-user --public-key FILE`). A key sealed for this run only
 * changes at the next start; the block says so instead of offering it as if it lasted.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SigningPublicKey } from '../../../shared/features/signaturesApi.js';
import { useApi } from '../api/ApiProvider.js';
import { ErrorAlert } from '../components/ErrorAlert.js';

export function PublicKeyBlock() {
  const { t } = useTranslation();
  const api = useApi();
  const fieldId = useId();
  const [key, setKey] = useState<SigningPublicKey | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [copied, setCopied] = useState(false);

  const show = async () => {
    try {
      setKey(await api.getSigningPublicKey({}));
      setError(null);
    } catch (err) {
      setError(err);
    }
  };
  const copy = async () => {
    if (!key) return;
    try {
      await navigator.clipboard.writeText(key.publicKeyPem);
      setCopied(true);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <div className="public-key">
      {!key && (
        <button type="button" onClick={() => void show()}>
          {t('signatures.key.showPublic')}
        </button>
      )}
      {key && (
        <>
          <label htmlFor={fieldId}>{t('signatures.key.publicKey')}</label>
          <textarea id={fieldId} readOnly rows={3} value={key.publicKeyPem} onFocus={(e) => e.currentTarget.select()} />
          <p className="hint">{t('signatures.key.keyId', { keyId: key.keyId })}</p>
          {key.lasting ? (
            <button type="button" onClick={() => void copy()}>
              {t('signatures.key.copyPublic')}
            </button>
          ) : (
            <p role="alert">{t('signatures.key.notLasting')}</p>
          )}
          {copied && <p role="status">{t('signatures.key.copied')}</p>}
        </>
      )}
      {error !== null && <ErrorAlert error={error} />}
    </div>
  );
}
