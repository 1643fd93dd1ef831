/** The library: every imported article with its languages and sign-off progress. */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../shared/types.js';
import { useApi } from '../api/ApiProvider.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useLanguageName } from '../i18n/useLanguageName.js';
import { useFocusOnMount } from '../components/useFocusOnMount.js';

export function LibraryView({
  onOpen,
  onImport,
  onSettings,
  onGlossary,
}: {
  onOpen: (documentId: string) => void;
  onImport: () => void;
  onSettings: () => void;
  /** Opens the glossary screen (absent: no button). */
  onGlossary?: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const languageName = useLanguageName();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(headingRef);
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    api.listDocuments({}).then(
      (docs) => live && setDocuments(docs),
      (err: unknown) => live && setError(err),
    );
    return () => {
      live = false;
    };
  }, [api]);

  return (
    <section className="view library" aria-labelledby={headingId}>
      <div className="view-header">
        <h1 id={headingId} ref={headingRef} tabIndex={-1}>
          {t('library.heading')}
        </h1>
        <div className="actions">
          <button type="button" className="button-primary" onClick={onImport}>
            {t('library.actions.import')}
          </button>
          <button type="button" onClick={onSettings}>
            {t('library.actions.settings')}
          </button>
          {onGlossary && (
            <button type="button" onClick={onGlossary}>
              {t('glossary.open')}
            </button>
          )}
        </div>
      </div>
      <ErrorAlert error={error} />
      {documents === null && error === null && <p className="muted">{t('app.loading')}</p>}
      {documents !== null && documents.length === 0 && <p className="empty">{t('library.list.empty')}</p>}
      {documents !== null && documents.length > 0 && (
        <ul className="document-list" aria-label={t('library.list.label')}>
          {documents.map((doc) => (
            <li key={doc.id} className="document-item">
              <button type="button" className="document-open" lang={doc.sourceLang} onClick={() => onOpen(doc.id)}>
                {doc.title}
              </button>
              <span className="document-languages">
                {t('library.item.languages', { source: languageName(doc.sourceLang), target: languageName(doc.targetLang) })}
              </span>
              <span className="document-progress">
                {t('library.item.progress', { done: doc.signedOffCount, total: doc.paragraphCount })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
