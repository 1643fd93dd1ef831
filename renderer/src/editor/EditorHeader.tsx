/** The editor's header: back, the document's title and languages, its team assignment, and sign-off progress. */
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail } from '../../../shared/types.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { SafeText } from '../components/SafeText.js';
import { useLanguageName } from '../i18n/useLanguageName.js';
import { AssignmentControl } from '../team/AssignmentControl.js';

export interface DocumentCounts {
  signedOff: number;
  confirmed: number;
  excluded: number;
}

export function EditorHeader({
  doc,
  counts,
  headingId,
  headingRef,
  backBusy,
  onBack,
}: {
  doc: DocumentDetail;
  counts: DocumentCounts;
  headingId: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  backBusy: boolean;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const languageName = useLanguageName();
  const source = languageName(doc.sourceLang);
  const target = languageName(doc.targetLang);
  // Paragraphs excluded from translation are done: progress counts the others only.
  const total = doc.paragraphs.length - counts.excluded;
  return (
    <div className="editor-header">
      <div className="editor-title">
        <button type="button" className="button-quiet back" onClick={onBack} disabled={backBusy}>
          {t('editor.back.action')}
        </button>
        <h1 id={headingId} ref={headingRef} tabIndex={-1} lang={doc.sourceLang}>
          <SafeText text={doc.title} />
        </h1>
        <p className="languages">{t('editor.header.languages', { source, target })}</p>
        <AssignmentControl documentId={doc.id} />
      </div>
      <div className="signoff-progress">
        <p className="progress-text">
          {t('editor.progress.text', { done: counts.signedOff, total })}
          {counts.excluded > 0 && (
            <span className="meta progress-excluded"> · {t('exclusion.progress.excluded', { count: counts.excluded })}</span>
          )}
        </p>
        <progress aria-label={t('editor.progress.label')} max={Math.max(total, 1)} value={counts.signedOff} />
      </div>
    </div>
  );
}

/** While the document is read (or could not be). */
export function EditorLoading({
  headingId,
  headingRef,
  error,
  onBack,
}: {
  headingId: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  error: unknown;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="view editor" aria-labelledby={headingId}>
      <div className="view-header">
        <h1 id={headingId} ref={headingRef} tabIndex={-1} className="visually-hidden">
          {t('app.loading')}
        </h1>
        <button type="button" onClick={onBack}>
          {t('editor.back.action')}
        </button>
      </div>
      {error ? <ErrorAlert error={error} /> : <p className="muted">{t('app.loading')}</p>}
    </section>
  );
}
