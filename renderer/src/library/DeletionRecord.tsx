/** The deletion record (audit): every deleted article, who deleted it (role), when, and what it held. Loaded when opened. */
import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DeletionRecord as Deletion } from '../../../shared/features/libraryApi.js';
import { useApi } from '../api/ApiProvider.js';
import { queryKeys } from '../api/queryClient.js';
import { useKept } from '../api/useKept.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useLanguageName } from '../i18n/useLanguageName.js';
import { useDateTime } from './useDateTime.js';
import { SafeText } from '../components/SafeText.js';
import { showControlsVisibly } from '../../../shared/textHygiene.js';

export function DeletionRecord({ version }: { version: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const languageName = useLanguageName();
  const dateTime = useDateTime();
  const captionId = useId();
  const [open, setOpen] = useState(false);
  // Read when opened, and again after each deletion (`version`) while open; the rows shown stay meanwhile.
  const query = useQuery({
    queryKey: [...queryKeys.library(), 'deletions', version],
    queryFn: () => api.listDocumentDeletions({}),
    enabled: open,
  });
  const rows: Deletion[] | null = useKept(query.data) ?? null;
  const error = query.error;

  return (
    <details className="deletion-record" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('library.record.heading')}</summary>
      {open && (
        <div className="deletion-record-body">
          <p className="hint">{t('library.record.intro')}</p>
          <ErrorAlert error={error} />
          {rows !== null && rows.length === 0 && <p className="muted">{t('library.record.empty')}</p>}
          {rows !== null && rows.length > 0 && (
            <div className="table-scroll">
              <table className="data-table" aria-labelledby={captionId}>
                <caption id={captionId}>{t('library.record.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('library.record.deletedAt')}</th>
                    <th scope="col">{t('library.record.by')}</th>
                    <th scope="col">{t('library.record.title')}</th>
                    <th scope="col">{t('library.record.languages')}</th>
                    <th scope="col">{t('library.record.imported')}</th>
                    <th scope="col" className="numeric">
                      {t('library.record.paragraphs')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('library.record.signedOff')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('library.record.signOffs')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.id}>
                      <td>
                        <time dateTime={r.deletedAt}>{dateTime(r.deletedAt)}</time>
                      </td>
                      <td>{t('library.record.byRole', { name: showControlsVisibly(r.deletedBy), role: t(`profile.role.${r.role}`) })}</td>
                      <th scope="row" lang={r.sourceLang} dir="auto">
                        <SafeText text={r.title} />
                      </th>
                      <td>{t('library.item.languages', { source: languageName(r.sourceLang), target: languageName(r.targetLang) })}</td>
                      <td>
                        <time dateTime={r.importedAt}>{dateTime(r.importedAt)}</time>
                      </td>
                      <td className="numeric">{r.paragraphCount}</td>
                      <td className="numeric">{r.signedOffCount}</td>
                      <td className="numeric">{r.signOffCount}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </details>
  );
}
