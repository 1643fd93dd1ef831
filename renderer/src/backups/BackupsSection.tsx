/**
 * Settings → Backups (issue 13): the library's backups (when, why, size), "Back up now", the number
 * to keep, and Restore per backup (after a confirmation; the interface then loads again, since
 * every view's data changed).
 */
import { useId, useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { BACKUP_KEEP_MAX, BACKUP_KEEP_MIN, type BackupInfo, type BackupList } from '../../../shared/features/backupsApi.js';
import { useApi } from '../api/ApiProvider.js';
import { queryKeys } from '../api/queryClient.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useDateTime } from '../library/useDateTime.js';
import { usePlatform } from '../platform.js';

function useSize(): (bytes: number) => string {
  const { i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.resolvedLanguage ?? 'en', { maximumFractionDigits: 1 });
  return (bytes) => (bytes < 1024 * 1024 ? `${number.format(bytes / 1024)} KB` : `${number.format(bytes / (1024 * 1024))} MB`);
}

export function BackupsSection() {
  const { t } = useTranslation();
  const api = useApi();
  const platform = usePlatform();
  const headingId = useId();
  const keepId = useId();
  const when = useDateTime();
  const size = useSize();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: queryKeys.backups(), queryFn: () => api.listBackups({}) });
  const list = query.data ?? null;
  const [keep, setKeep] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [actionError, setError] = useState<unknown>(null);
  const error = actionError ?? query.error;
  const [asking, setAsking] = useState<BackupInfo | null>(null);

  // Each list that arrives (loaded, or answered by a change) shows its number to keep in the field.
  const [shownList, setShownList] = useState<BackupList | null>(null);
  if (list !== null && list !== shownList) {
    setShownList(list);
    setKeep(String(list.keep));
  }
  const show = (l: BackupList) => queryClient.setQueryData(queryKeys.backups(), l);

  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    setStatus('');
    try {
      setStatus(await work());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const backUpNow = () =>
    act(async () => {
      const made = await api.createBackup({});
      show(await api.listBackups({}));
      return t('backups.made', { when: when(made.createdAt) });
    });

  const saveKeep = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => {
      const l = await api.setBackupKeep({ keep: Number(keep) });
      show(l);
      return t('backups.keep.saved', { count: l.keep });
    });
  };

  const restore = (backup: BackupInfo) =>
    act(async () => {
      setStatus(t('backups.restore.running', { when: when(backup.createdAt) }));
      await api.restoreBackup({ fileName: backup.fileName });
      platform.reload?.();
      return t('backups.restore.done', { when: when(backup.createdAt) });
    });

  return (
    <section className="settings-section backups-settings" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('backups.heading')}</h2>
      {list && <p className="hint">{t('backups.intro', { folder: list.folder })}</p>}
      <div className="actions">
        <button type="button" onClick={() => void backUpNow()} disabled={busy}>
          {t('backups.now')}
        </button>
      </div>
      <form className="backups-keep" onSubmit={saveKeep}>
        <label htmlFor={keepId}>{t('backups.keep.label')}</label>{' '}
        <input
          id={keepId}
          type="number"
          min={BACKUP_KEEP_MIN}
          max={BACKUP_KEEP_MAX}
          step={1}
          required
          value={keep}
          onChange={(e) => setKeep(e.target.value)}
        />{' '}
        <button type="submit" disabled={busy}>
          {t('backups.keep.save')}
        </button>
      </form>
      <p role="status" className="status-line">
        {status}
      </p>
      {list?.lastProblem && (
        <p role="alert" className="alert">
          {t('backups.problem', {
            reason: t(`backups.reason.${list.lastProblem.reason}`),
            when: when(list.lastProblem.at),
            message: list.lastProblem.message,
          })}
        </p>
      )}
      <ErrorAlert error={error} />
      {list && list.backups.length === 0 && <p>{t('backups.list.empty')}</p>}
      {list && list.backups.length > 0 && (
        <table className="glossary-table backups-table" aria-label={t('backups.list.label')}>
          <thead>
            <tr>
              <th scope="col">{t('backups.list.when')}</th>
              <th scope="col">{t('backups.list.why')}</th>
              <th scope="col">{t('backups.list.size')}</th>
              <th scope="col">{t('backups.list.action')}</th>
            </tr>
          </thead>
          <tbody>
            {list.backups.map((b) => (
              <tr key={b.fileName}>
                <td>
                  <time dateTime={b.createdAt}>{when(b.createdAt)}</time>
                </td>
                <td>{t(`backups.reason.${b.reason}`)}</td>
                <td>{size(b.sizeBytes)}</td>
                <td>
                  <button type="button" disabled={busy} onClick={() => setAsking(b)}>
                    {t('backups.restore.button')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {asking && (
        <ConfirmDialog
          question={{
            heading: t('backups.restore.heading'),
            text: t('backups.restore.text', { when: when(asking.createdAt) }),
            yes: t('backups.restore.yes'),
            no: t('backups.restore.no'),
          }}
          primaryYes={false}
          onAnswer={(ok) => {
            const chosen = asking;
            setAsking(null);
            if (ok) void restore(chosen);
          }}
        />
      )}
    </section>
  );
}
