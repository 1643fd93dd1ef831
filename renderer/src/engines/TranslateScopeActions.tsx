/** "Translate empty only" and, while the filter hides some paragraphs, "Translate shown". */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TranslateScope } from '../../../shared/features/enginesApi.js';
import type { Paragraph } from '../../../shared/types.js';
import { useApi } from '../api/ApiProvider.js';
import { useEngineJobs } from './EngineJobContext.js';

export function TranslateScopeActions({
  documentId,
  paragraphs,
  shown,
  disabled,
  onError,
  onNothing,
}: {
  documentId: string;
  paragraphs: readonly Paragraph[];
  /** The paragraphs the find/filter bar shows, or null when it shows all. */
  shown: ((p: Paragraph) => boolean) | null;
  disabled: boolean;
  onError: (err: unknown) => void;
  /** The job had nothing to translate. */
  onNothing: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const jobs = useEngineJobs();
  const [starting, setStarting] = useState(false);
  // Counted when the paragraphs or the filter change, not on every render of the editor (10,000 paragraphs).
  // Excluded from translation: never sent to MT.
  const empty = useMemo(() => paragraphs.filter((p) => p.status === 'new' && !p.excluded).length, [paragraphs]);
  const visible = useMemo(
    () => (shown ? paragraphs.filter((p) => shown(p) && (p.status === 'new' || p.status === 'machine') && !p.excluded) : []),
    [paragraphs, shown],
  );
  if (!jobs) return null;

  async function run(scope: TranslateScope): Promise<void> {
    if (!jobs) return;
    setStarting(true);
    try {
      if (!(await jobs.flushAll())) return;
      const job = await api.translateDocument({
        documentId,
        scope,
        ...(scope === 'selection' ? { paragraphIds: visible.map((p) => p.id) } : {}),
        ...(jobs.engineId ? { engineId: jobs.engineId } : {}),
      });
      if (job.total === 0) onNothing();
      else jobs.onJobStarted(job);
    } catch (err) {
      onError(err);
    } finally {
      setStarting(false);
    }
  }

  const off = disabled || starting || jobs.busy || !jobs.engineId;
  return (
    <>
      <button type="button" disabled={off || empty === 0} onClick={() => void run('empty')}>
        {t('engines.editor.translateEmpty')}
      </button>
      {shown && (
        <button type="button" disabled={off || visible.length === 0} onClick={() => void run('selection')}>
          {t('engines.editor.translateShown')}
        </button>
      )}
    </>
  );
}
