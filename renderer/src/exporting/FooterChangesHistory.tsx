/**
 * Settings → Footer changes: the audit record of footer policy and template changes (who, when,
 * before → after, reason), newest first. Read-only for everyone; `refresh` reloads it after a change.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsChange } from '../../../shared/features/exportingApi.js';
import { useApi } from '../api/ApiProvider.js';
import { queryKeys } from '../api/queryClient.js';
import { useKept } from '../api/useKept.js';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../components/ErrorAlert.js';

const POLICY_KEYS = { always: 'always', 'when-mt': 'whenMt', never: 'never' } as const;

export function FooterChangesHistory({ refresh }: { refresh: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const headingId = useId();
  // Read again after each change of the settings (`refresh`); the list shown stays meanwhile.
  const query = useQuery({ queryKey: queryKeys.settingsChanges(refresh), queryFn: () => api.listSettingsChanges({ limit: 50 }) });
  const changes: SettingsChange[] | null = useKept(query.data) ?? null;
  const error = query.error;

  function value(v: SettingsChange['before']): string {
    if (v === null) return t('exporting.governance.none');
    if (typeof v === 'string') return t(`settings.footerPolicy.${POLICY_KEYS[v]}`);
    return `“${v.join(' ')}”`;
  }

  return (
    <section className="panel footer-changes" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('exporting.governance.historyHeading')}</h2>
      <ErrorAlert error={error} />
      {changes !== null && changes.length === 0 && <p className="muted">{t('exporting.governance.historyEmpty')}</p>}
      {changes !== null && changes.length > 0 && (
        <ol className="footer-changes-list" aria-labelledby={headingId}>
          {changes.map((c) => {
            const vars = {
              at: new Date(c.at).toLocaleString(),
              name: c.by.name,
              role: t(`profile.role.${c.by.role}`),
              before: value(c.before),
              after: value(c.after),
              lang: c.lang ?? '',
            };
            return (
              <li key={c.id}>
                {c.setting === 'footerPolicy'
                  ? t('exporting.governance.historyPolicy', vars)
                  : t('exporting.governance.historyTemplate', vars)}
                {c.reason !== null && <span className="hint"> {t('exporting.governance.historyReason', { reason: c.reason })}</span>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
