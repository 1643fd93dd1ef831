/**
 * `#/documents/<id>`: the editor, and beside it a cheap check that the document exists; an address
 * naming a document that does not (deleted, or a wrong link) shows a clear message and a link back
 * to the library instead.
 */
import { useId, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail, Profile } from '../../../shared/types.js';
import { useApi } from '../api/ApiProvider.js';
import { queryKeys } from '../api/queryClient.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useFocusOnMount } from '../components/useFocusOnMount.js';
import { EditorView } from '../editor/EditorView.js';
import { DocumentGlossaryProvider } from '../glossary/GlossaryContext.js';
import { toApiError } from '../i18n/formatError.js';
import { AppLink } from './AppLink.js';

export function DocumentRoute({
  documentId,
  initial,
  profile,
  onBack,
}: {
  documentId: string;
  initial: DocumentDetail | null;
  profile: Profile;
  onBack: () => void;
}) {
  const api = useApi();
  // A cheap check that the document exists, once per opening (not when the editor got it from the import).
  const check = useQuery({
    queryKey: queryKeys.libraryItem(documentId),
    queryFn: () => api.getLibraryItem({ documentId }),
    enabled: initial?.id !== documentId,
    staleTime: Infinity,
  });
  const failure = check.isError ? check.error : null;

  if (failure !== null) return <DocumentUnavailable error={failure} />;
  return (
    <DocumentGlossaryProvider documentId={documentId}>
      <EditorView documentId={documentId} initial={initial} profile={profile} onBack={onBack} />
    </DocumentGlossaryProvider>
  );
}

function DocumentUnavailable({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(headingRef);
  const missing = toApiError(error).code === 'DOCUMENT_NOT_FOUND';
  return (
    <section className="view document-missing panel" aria-labelledby={headingId}>
      <h1 id={headingId} ref={headingRef} tabIndex={-1}>
        {missing ? t('library.missing.heading') : t('library.missing.failedHeading')}
      </h1>
      {missing ? <p>{t('library.missing.body')}</p> : <ErrorAlert error={error} />}
      <p>
        <AppLink to={{ name: 'library' }}>{t('library.missing.back')}</AppLink>
      </p>
    </section>
  );
}
