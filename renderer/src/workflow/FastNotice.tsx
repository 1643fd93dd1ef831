/** Says which sign-offs were faster than a plausible reading speed (they are recorded as such). */
import { useTranslation } from 'react-i18next';
import type { FastSignOff } from '../../../shared/features/workflowApi.js';

export function FastNotice({ fast }: { fast: readonly FastSignOff[] }) {
  const { t } = useTranslation();
  return (
    <p role="status" className="notice fast-notice">
      {fast.length === 0
        ? ''
        : t('workflow.fast.notice', {
            count: fast.length,
            paragraphs: fast.map((f) => f.number).join(', '),
          })}
    </p>
  );
}
