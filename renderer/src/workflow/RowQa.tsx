/** The QA issues of one paragraph, shown under its translation as the text is typed. */
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { runQa } from '../../../shared/qa/runQa.js';
import type { MtRecord } from '../../../shared/types.js';
import { qaMessage } from './qaMessage.js';
import { useExtraQaChecks } from '../glossary/GlossaryContext.js';

export interface RowQaProps {
  number: number;
  source: string;
  target: string;
  sourceLang: string;
  targetLang: string;
  mt: MtRecord | null;
  /** Only once there is a translation to check. */
  enabled: boolean;
}

function RowQaImpl({ number, source, target, sourceLang, targetLang, mt, enabled }: RowQaProps) {
  const { t } = useTranslation();
  const extraChecks = useExtraQaChecks();
  const issues = useMemo(
    () => (enabled ? runQa({ source, target, sourceLang, targetLang, mt }, extraChecks) : []),
    [enabled, source, target, sourceLang, targetLang, mt, extraChecks],
  );
  if (issues.length === 0) return null;
  return (
    <ul className="qa-issues" aria-label={t('workflow.qa.listLabel', { number })}>
      {issues.map((issue, i) => (
        <li key={`${issue.checkId}-${issue.code}-${i}`} className={`qa-issue qa-${issue.severity}`}>
          <span className="qa-severity">{issue.severity === 'error' ? t('workflow.qa.errorPrefix') : t('workflow.qa.warningPrefix')}</span>{' '}
          {qaMessage(t, issue)}
        </li>
      ))}
    </ul>
  );
}

export const RowQa = memo(RowQaImpl);
