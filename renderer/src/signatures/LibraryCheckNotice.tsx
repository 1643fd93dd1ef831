/**
 * Above the library (issue 12): the start-up check of signatures and the audit chain, while it
 * runs (with its progress on a large library) and when it found problems (an alert linking to
 * Settings, where Verify library lists them). Silent when all is well.
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { LibraryCheck } from '../../../shared/features/signaturesApi.js';
import { useApi } from '../api/ApiProvider.js';
import { queryKeys } from '../api/queryClient.js';
import { AppLink } from '../routing/AppLink.js';

const POLL_MS = 500;

export function LibraryCheckNotice() {
  const { t } = useTranslation();
  const api = useApi();
  // Asked again every POLL_MS while the check runs (also when the window is hidden); a failed answer ends the polling.
  const query = useQuery({
    queryKey: queryKeys.libraryCheck(),
    queryFn: () => api.getLibraryCheck({}),
    refetchInterval: (q) => (q.state.status !== 'error' && q.state.data?.state === 'running' ? POLL_MS : false),
    refetchIntervalInBackground: true,
  });
  const check: LibraryCheck | null = query.data ?? null;

  if (check?.state === 'running' && check.total > 0) {
    return (
      <p className="library-check muted">
        <label>
          {t('signatures.startup.running', { done: check.done, total: check.total })} <progress max={check.total} value={check.done} />
        </label>
      </p>
    );
  }
  if (check?.state === 'done' && check.problemCount > 0) {
    return (
      <div role="alert" className="library-check error">
        {t('signatures.startup.problems', { count: check.problemCount })}{' '}
        <AppLink to={{ name: 'settings' }}>{t('signatures.startup.open')}</AppLink>
      </div>
    );
  }
  return null;
}
