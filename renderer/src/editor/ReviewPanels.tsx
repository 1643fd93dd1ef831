/**
 * What the editor says (action errors, outcomes, notices, fast sign-offs) and the review panels
 * beside the paragraphs (an F6 region): paragraphs a bulk sign-off skipped, document QA, TM
 * pre-fill and the dashboard.
 */
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail, Paragraph } from '../../../shared/types.js';
import type { FastSignOff, SkippedParagraph } from '../../../shared/features/workflowApi.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { ArchivedParagraphs } from '../importing/ArchivedParagraphs.js';
import { TmPrefill } from '../memory/TmPrefill.js';
import { BulkSkipped } from '../workflow/BulkSkipped.js';
import { DocumentDashboard } from '../workflow/DocumentDashboard.js';
import { DocumentQa } from '../workflow/DocumentQa.js';
import { FastNotice } from '../workflow/FastNotice.js';
import { REGION_ATTRIBUTE } from './regions.js';
import type { EditorStatus } from './useEditorStatus.js';

export function EditorMessages({
  ui,
  fast,
  statusRef,
}: {
  ui: EditorStatus;
  fast: FastSignOff[];
  statusRef: RefObject<HTMLParagraphElement | null>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <ErrorAlert error={ui.alert} />
      {ui.unsaved && (
        <p role="alert" className="alert">
          {t('editor.back.unsaved')}
        </p>
      )}
      <p ref={statusRef} role="status" className="status-line" tabIndex={-1}>
        {ui.status ? ui.status.render(t) : ''}
      </p>
      <p role="status" className="notice">
        {ui.notice ? ui.notice.render(t) : ''}
      </p>
      <FastNotice fast={fast} />
    </>
  );
}

export function ReviewPanels({
  doc,
  skipped,
  panelsRef,
  onFocusParagraph,
  onParagraphs,
}: {
  doc: DocumentDetail;
  skipped: SkippedParagraph[];
  panelsRef: RefObject<HTMLElement | null>;
  onFocusParagraph: (id: string) => boolean;
  onParagraphs: (paragraphs: Paragraph[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <aside ref={panelsRef} className="document-panels" aria-label={t('navigation.regions.panels')} {...{ [REGION_ATTRIBUTE]: 'panels' }}>
      <BulkSkipped skipped={skipped} onFocusParagraph={onFocusParagraph} />
      <DocumentQa doc={doc} onFocusParagraph={onFocusParagraph} />
      <TmPrefill doc={doc} onParagraphs={onParagraphs} />
      <DocumentDashboard doc={doc} onFocusParagraph={onFocusParagraph} />
      <ArchivedParagraphs doc={doc} />
    </aside>
  );
}
