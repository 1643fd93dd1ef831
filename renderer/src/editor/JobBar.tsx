/** The running translation job: its progress and Cancel. */
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useJobProgress } from '../api/jobs.js';
import type { ActiveJob } from './useTranslateJob.js';

/** The running job's progress; re-renders on each progress event without re-rendering the editor. */
function JobProgressBar({ documentId, job }: { documentId: string; job: ActiveJob }) {
  const { t } = useTranslation();
  const progress = useJobProgress(documentId);
  const mine = progress?.jobId === job.jobId;
  const done = mine ? progress.done : 0;
  const total = mine ? progress.total : job.total;
  return (
    <>
      <progress aria-label={t('editor.translate.progressLabel')} max={Math.max(total, 1)} value={done} />
      <span className="job-count">{t('editor.translate.progressCount', { done, total })}</span>
    </>
  );
}

export function JobBar({
  documentId,
  job,
  barRef,
  cancelRef,
  onCancel,
}: {
  documentId: string;
  job: ActiveJob;
  barRef: RefObject<HTMLDivElement | null>;
  cancelRef: RefObject<HTMLButtonElement | null>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div ref={barRef} className="job">
      <JobProgressBar documentId={documentId} job={job} />
      <button ref={cancelRef} type="button" onClick={onCancel}>
        {t('editor.translate.cancel')}
      </button>
    </div>
  );
}
