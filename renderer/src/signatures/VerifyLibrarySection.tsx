/**
 * Settings → Signatures (issue 12): the latest library check (the start-up one runs in the
 * background; its progress is polled while it runs) and the "Verify library" button.
 */
import { useId, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { LibraryCheck, LibraryProblem } from '../../../shared/features/signaturesApi.js';
import { useApi } from '../api/ApiProvider.js';
import { queryKeys } from '../api/queryClient.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { showControlsVisibly } from '../../../shared/textHygiene.js';

const POLL_MS = 500;

function useProblemText(): (p: LibraryProblem) => string {
  const { t } = useTranslation();
  return (p) => {
    switch (p.kind) {
      case 'chain':
        return t(`signatures.verify.problem.chain.${p.detail}`, { seq: p.seq });
      case 'revision':
        return t('signatures.verify.problem.revision', { revision: p.revisionId });
      case 'signature':
        return t(`signatures.verify.problem.signature.${p.problem}`, { title: showControlsVisibly(p.title), paragraph: p.paragraph });
      case 'settings-change':
        return t('signatures.verify.problem.settingsChange', { at: p.at });
      case 'footer-setting':
        return p.setting === 'footerPolicy'
          ? t('signatures.verify.problem.footerPolicy')
          : t('signatures.verify.problem.footerTemplate', { lang: p.lang ?? '' });
      case 'declaration':
        return t('signatures.verify.problem.declaration', { title: showControlsVisibly(p.title), paragraph: p.paragraph });
      case 'profile':
        return t('signatures.verify.problem.profile', { name: showControlsVisibly(p.name) });
    }
  };
}

export function VerifyLibrarySection() {
  const { t } = useTranslation();
  const api = useApi();
  const headingId = useId();
  const problemText = useProblemText();
  const queryClient = useQueryClient();
  const queryKey = queryKeys.libraryCheck();
  // While a check runs (the start-up one, or one from here), its progress is asked every POLL_MS; a failed answer ends the polling.
  const query = useQuery({
    queryKey,
    queryFn: () => api.getLibraryCheck({}),
    refetchInterval: (q) => (q.state.status !== 'error' && q.state.data?.state === 'running' ? POLL_MS : false),
  });
  const check: LibraryCheck | null = query.data ?? null;
  const [busy, setBusy] = useState(false);
  const [actionError, setError] = useState<unknown>(null);
  const error = actionError ?? query.error;

  const verify = async () => {
    setBusy(true);
    setError(null);
    queryClient.setQueryData(queryKey, (c: LibraryCheck | undefined) =>
      c ? { ...c, state: 'running' as const, trigger: 'manual' as const, done: 0 } : c,
    );
    try {
      const done = await api.verifyLibrary({});
      // A progress answer still on its way must not overwrite the finished check.
      await queryClient.cancelQueries({ queryKey });
      queryClient.setQueryData(queryKey, done);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="settings-section signatures-settings" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('signatures.verify.heading')}</h2>
      <p className="hint">{t('signatures.verify.intro')}</p>
      <div className="actions">
        <button type="button" onClick={() => void verify()} disabled={busy}>
          {t('signatures.verify.button')}
        </button>
      </div>
      <p role="status" className="status-line">
        {check?.state === 'running' && t('signatures.verify.running', { done: check.done, total: check.total })}
        {check?.state === 'done' &&
          (check.problemCount === 0
            ? t('signatures.verify.ok', { links: check.links, signedOff: check.signedOff })
            : t('signatures.verify.problems', { count: check.problemCount }))}
        {check?.state === 'failed' && t('signatures.verify.failed')}
      </p>
      {check?.state === 'done' && check.problems.length > 0 && (
        <ul className="verify-problems" aria-label={t('signatures.verify.listLabel')}>
          {check.problems.map((p, i) => (
            <li key={i}>{problemText(p)}</li>
          ))}
        </ul>
      )}
      {error !== null && <ErrorAlert error={error} />}
    </section>
  );
}
