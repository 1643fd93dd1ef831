/** In a paragraph's history, beside a revision with origin `tm`: which TM unit it inserted and its score then. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TmProvenance } from '../../../shared/features/memoryApi.js';
import { useApi } from '../api/ApiProvider.js';
import { queryKeys } from '../api/queryClient.js';
import { withoutCodes } from '../../../shared/memory/matchScore.js';

export function TmHistoryNote({ paragraphId, revisionId, updatedAt }: { paragraphId: string; revisionId: number; updatedAt: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const query = useQuery({
    queryKey: queryKeys.tmProvenance(paragraphId, updatedAt),
    queryFn: () => api.listTmProvenance({ paragraphId }),
    placeholderData: keepPreviousData,
  });
  // Reading it failed: the note is left out.
  const provenance: TmProvenance | null = (query.isError ? undefined : query.data?.find((p) => p.revisionId === revisionId)) ?? null;

  // The stored source's words (its placeholders would show as empty boxes).
  const words = provenance ? withoutCodes(provenance.unitSource) : undefined;
  const source = words !== undefined && words.length > 80 ? `${words.slice(0, 80)}…` : words;
  return (
    <>
      {' · '}
      {provenance
        ? t('memory.history.match', { score: provenance.score, source, by: provenance.unitBy || '—' })
        : t('memory.history.origin')}
    </>
  );
}
