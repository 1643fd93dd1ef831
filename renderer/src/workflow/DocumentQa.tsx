/**
 * Every QA issue of the document in one list; choosing one moves to its paragraph. The issues are
 * gathered in slices (editor/useParagraphPass) from a per-paragraph cache (workflow/paragraphQa),
 * for a long document only once the list has been opened, and the list is built only while it is
 * open, a page at a time.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QaIssue } from '../../../shared/qa/runQa.js';
import type { DocumentDetail } from '../../../shared/types.js';
import { qaMessage } from './qaMessage.js';
import { useParagraphQa } from './paragraphQa.js';
import { useParagraphPass, type ParagraphPass } from '../editor/useParagraphPass.js';

export interface ParagraphIssues {
  paragraphId: string;
  number: number;
  issues: readonly QaIssue[];
}

/** Issues shown at a time in the list. */
export const QA_LIST_PAGE = 100;
/**
 * Up to this many paragraphs the whole document is checked when it opens (the summary shows the
 * counts at once); a longer one is checked when the list is first opened, so opening it costs
 * nothing (F7 and the QA filter check paragraph by paragraph as they need to).
 */
export const CHECK_ON_OPEN_UP_TO = 1000;

function collect(pass: ParagraphPass<readonly QaIssue[]>): ParagraphIssues[] {
  const out: ParagraphIssues[] = [];
  pass.paragraphs.forEach((p, i) => {
    const issues = pass.results[i]!;
    if (issues.length > 0) out.push({ paragraphId: p.id, number: p.index + 1, issues });
  });
  return out;
}

export function DocumentQa({ doc, onFocusParagraph }: { doc: DocumentDetail; onFocusParagraph: (id: string) => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const qa = useParagraphQa(doc.sourceLang, doc.targetLang);
  const [open, setOpen] = useState(false);
  const [wanted, setWanted] = useState(doc.paragraphs.length <= CHECK_ON_OPEN_UP_TO);
  const pass = useParagraphPass(doc.paragraphs, qa, wanted);
  const found = useMemo(() => (pass ? collect(pass) : null), [pass]);
  const [limit, setLimit] = useState(QA_LIST_PAGE);
  const all = found ? found.flatMap((p) => p.issues.map((issue, i) => ({ p, issue, i }))) : [];
  const errors = all.filter((x) => x.issue.severity === 'error').length;
  return (
    <details
      className="document-qa"
      onToggle={(e) => {
        const isOpen = e.currentTarget.open;
        setOpen(isOpen);
        if (isOpen) setWanted(true);
      }}
    >
      <summary>
        <span id={headingId}>{t('workflow.qa.documentHeading')}</span>{' '}
        <span className="meta">
          {found
            ? t('workflow.qa.documentCount', { errors, warnings: all.length - errors })
            : wanted
              ? t('workflow.qa.documentChecking')
              : t('workflow.qa.documentOnDemand')}
        </span>
      </summary>
      {open &&
        (found === null ? (
          <p className="muted">{t('workflow.qa.documentChecking')}</p>
        ) : found.length === 0 ? (
          <p className="muted">{t('workflow.qa.documentNone')}</p>
        ) : (
          <>
            <ul aria-labelledby={headingId}>
              {all.slice(0, limit).map(({ p, issue, i }) => (
                <li key={`${p.paragraphId}-${i}`} className={`qa-issue qa-${issue.severity}`}>
                  <button type="button" className="button-quiet" onClick={() => onFocusParagraph(p.paragraphId)}>
                    {/* Severity in words too, not by colour alone (the icon comes from CSS). */}
                    <span className="qa-severity">
                      {issue.severity === 'error' ? t('workflow.qa.errorPrefix') : t('workflow.qa.warningPrefix')}
                    </span>{' '}
                    {t('workflow.qa.goTo', { number: p.number, message: qaMessage(t, issue) })}
                  </button>
                </li>
              ))}
            </ul>
            {all.length > limit && (
              <button type="button" className="button-quiet" onClick={() => setLimit((n) => n + QA_LIST_PAGE)}>
                {t('workflow.qa.showMore', { shown: Math.min(QA_LIST_PAGE, all.length - limit), total: all.length })}
              </button>
            )}
          </>
        ))}
    </details>
  );
}
