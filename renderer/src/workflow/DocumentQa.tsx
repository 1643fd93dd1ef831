/** Every QA issue of the document in one list; choosing one moves to its paragraph. */
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { runQa, type QaIssue } from '../../../shared/qa/runQa.js';
import type { DocumentDetail } from '../../../shared/types.js';
import { qaMessage } from './qaMessage.js';
import { useExtraQaChecks } from '../glossary/GlossaryContext.js';
import type { QaCheck } from '../../../shared/qa/types.js';

export interface ParagraphIssues {
  paragraphId: string;
  number: number;
  issues: QaIssue[];
}

/** QA issues of every paragraph that has a translation (stored text). */
export function documentIssues(doc: DocumentDetail, extraChecks: readonly QaCheck[] = []): ParagraphIssues[] {
  return doc.paragraphs
    // Excluded from translation: not checked (it is done as it is).
    .filter((p) => (p.target.trim() !== '' || p.status !== 'new') && !p.excluded)
    .map((p) => ({
      paragraphId: p.id,
      number: p.index + 1,
      issues: runQa({ source: p.source, target: p.target, sourceLang: doc.sourceLang, targetLang: doc.targetLang, mt: p.mt }, extraChecks),
    }))
    .filter((p) => p.issues.length > 0);
}

export function DocumentQa({ doc, onFocusParagraph }: { doc: DocumentDetail; onFocusParagraph: (id: string) => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const extraChecks = useExtraQaChecks();
  const found = useMemo(() => documentIssues(doc, extraChecks), [doc, extraChecks]);
  const all = found.flatMap((p) => p.issues);
  const errors = all.filter((i) => i.severity === 'error').length;
  return (
    <details className="document-qa">
      <summary>
        <span id={headingId}>{t('workflow.qa.documentHeading')}</span>{' '}
        <span className="meta">{t('workflow.qa.documentCount', { errors, warnings: all.length - errors })}</span>
      </summary>
      {found.length === 0 ? (
        <p className="muted">{t('workflow.qa.documentNone')}</p>
      ) : (
        <ul aria-labelledby={headingId}>
          {found.flatMap((p) =>
            p.issues.map((issue, i) => (
              <li key={`${p.paragraphId}-${i}`} className={`qa-issue qa-${issue.severity}`}>
                <button type="button" className="button-quiet" onClick={() => onFocusParagraph(p.paragraphId)}>
                  {/* Severity in words too, not by colour alone (the icon comes from CSS). */}
                  <span className="qa-severity">{issue.severity === 'error' ? t('workflow.qa.errorPrefix') : t('workflow.qa.warningPrefix')}</span>{' '}
                  {t('workflow.qa.goTo', { number: p.number, message: qaMessage(t, issue) })}
                </button>
              </li>
            )),
          )}
        </ul>
      )}
    </details>
  );
}
