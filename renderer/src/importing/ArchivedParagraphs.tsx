/**
 * Paragraphs re-imports removed, with the translations they had (archived, never exported): shown
 * in the side panels so that nothing done on them is out of reach. Absent while there are none.
 * Read once per document (a query; a re-import, or the team's, reads it again).
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { visibleTokens } from '../../../shared/inline/inlineCodes.js';
import type { DocumentDetail } from '../../../shared/types.js';
import { useApi } from '../api/ApiProvider.js';
import { queryKeys } from '../api/queryClient.js';
import { statusKey } from '../editor/paragraphs.js';
import { useDateTime } from '../library/useDateTime.js';

export function ArchivedParagraphs({ doc }: { doc: Pick<DocumentDetail, 'id' | 'sourceLang' | 'targetLang'> }) {
  const { t } = useTranslation();
  const api = useApi();
  const headingId = useId();
  const when = useDateTime();
  const query = useQuery({
    queryKey: queryKeys.documentPart(doc.id, 'archived'),
    queryFn: () => api.listArchivedParagraphs({ documentId: doc.id }),
  });
  const archived = query.data ?? [];
  if (archived.length === 0) return null;
  return (
    <details className="archived-paragraphs">
      <summary>
        <span id={headingId}>{t('importing.archived.heading', { count: archived.length })}</span>
      </summary>
      <p className="hint">{t('importing.archived.intro')}</p>
      <ol aria-labelledby={headingId} className="archived-list">
        {archived.map((p) => (
          <li key={p.paragraphId}>
            <p className="meta">
              {t('importing.archived.item', { number: p.oldNumber, when: when(p.archivedAt), status: t(`status.${statusKey(p.status)}`) })}
            </p>
            <p lang={doc.sourceLang} dir="auto">
              {visibleTokens(p.source)}
            </p>
            {p.target.trim() !== '' && (
              <p lang={doc.targetLang} dir="auto" className="archived-target">
                {visibleTokens(p.target)}
              </p>
            )}
          </li>
        ))}
      </ol>
    </details>
  );
}
