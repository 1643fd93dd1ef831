/** When "Pre-fill 100% matches" is on, opening a document fills its untouched paragraphs that have a 100 % TM match (before any MT). */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail, Paragraph } from '../../../shared/types.js';
import { useApi } from '../api/ApiProvider.js';
import { useLatest } from '../components/useLatest.js';

export function TmPrefill({ doc, onParagraphs }: { doc: DocumentDetail; onParagraphs: (paragraphs: Paragraph[]) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [filled, setFilled] = useState(0);
  const documentId = doc.id;
  // Looked at once, when the document opens (not on every render of a long document).
  const paragraphs = useRef(doc.paragraphs);
  const onParagraphsRef = useLatest(onParagraphs);

  useEffect(() => {
    if (!paragraphs.current.some((p) => p.status === 'new')) return;
    let live = true;
    api.prefillTmMatches({ documentId }).then(
      ({ paragraphs }) => {
        if (!live || paragraphs.length === 0) return;
        onParagraphsRef.current(paragraphs);
        setFilled(paragraphs.length);
      },
      () => undefined, // Pre-filling is a convenience; the editor works without it.
    );
    return () => {
      live = false;
    };
    // Once per document opened.
  }, [api, documentId, onParagraphsRef]);

  return (
    <p role="status" className="status-line">
      {filled > 0 ? t('memory.prefill.done', { count: filled }) : ''}
    </p>
  );
}
