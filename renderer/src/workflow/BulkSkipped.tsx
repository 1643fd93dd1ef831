/** What a bulk sign-off left out, and why (QA errors, no translation, status). */
import { useTranslation } from 'react-i18next';
import type { SkippedParagraph } from '../../../shared/features/workflowApi.js';
import { qaMessage } from './qaMessage.js';

export function BulkSkipped({
  skipped,
  onFocusParagraph,
}: {
  skipped: readonly SkippedParagraph[];
  onFocusParagraph: (id: string) => void;
}) {
  const { t } = useTranslation();
  if (skipped.length === 0) return null;
  return (
    <div className="bulk-skipped" role="status">
      <p>{t('workflow.bulk.skippedHeading', { count: skipped.length })}</p>
      <ul>
        {skipped.map((s) => (
          <li key={s.paragraphId}>
            <button type="button" className="button-quiet" onClick={() => onFocusParagraph(s.paragraphId)}>
              {s.reason === 'qa'
                ? t('workflow.bulk.skippedQa', { number: s.number, issues: s.issues.map((i) => qaMessage(t, i)).join(' ') })
                : s.reason === 'empty'
                  ? t('workflow.bulk.skippedEmpty', { number: s.number })
                  : s.reason === 'excluded'
                    ? t('workflow.bulk.skippedExcluded', { number: s.number })
                    : t('workflow.bulk.skippedStatus', { number: s.number })}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
