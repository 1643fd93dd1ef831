/**
 * Why the app could not start. A damaged library (issue 13) says so in one sentence and offers the
 * newest good backup the main side found (details.backup); other failures keep the generic line.
 */
import { useTranslation } from 'react-i18next';
import { toApiError } from '../i18n/formatError.js';
import { detailsOf } from '../../../shared/errorDetails.js';
import { ErrorAlert } from './ErrorAlert.js';

const STORAGE_CODES: readonly string[] = ['LIBRARY_DAMAGED', 'LIBRARY_IN_USE', 'STORAGE_FULL', 'STORAGE_READ_ONLY', 'STORAGE_BUSY'];

export function StartError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const apiError = toApiError(error);
  const damaged = detailsOf(apiError, 'LIBRARY_DAMAGED');
  const backup = damaged?.backup;
  const createdAt = damaged?.backupCreatedAt;
  return (
    <div className="panel">
      {!STORAGE_CODES.includes(apiError.code) && <p>{t('app.error.startFailed')}</p>}
      <ErrorAlert error={error} />
      {apiError.code === 'LIBRARY_DAMAGED' && (
        <p>
          {typeof backup === 'string'
            ? t('storage.damaged.backupOffer', { file: backup, date: String(createdAt ?? '') })
            : t('storage.damaged.noBackup')}
        </p>
      )}
    </div>
  );
}
